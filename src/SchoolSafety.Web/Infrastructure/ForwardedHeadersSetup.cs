using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy (nginx, IIS ARR, a load balancer), the client's address and scheme arrive in
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>. Off by default: then these headers are ignored, as a client could
/// forge them. When on, they are believed only from the proxies listed (<c>ForwardedHeaders:KnownProxies</c>, addresses,
/// and <c>ForwardedHeaders:KnownNetworks</c>, CIDR ranges); with neither listed, only from the loopback address (a proxy
/// on the same machine). See docs/operations.md.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static bool Enabled(IConfiguration config) => config.GetValue($"{Section}:Enabled", false);

    public static void AddForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        if (!Enabled(config)) return;
        var section = config.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = section.GetValue("ForwardLimit", 1);
            if (proxies.Length + networks.Length == 0) return; // the defaults: loopback only
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });
    }

    public static void UseConfiguredForwardedHeaders(this WebApplication app)
    {
        if (Enabled(app.Configuration)) app.UseForwardedHeaders();
    }
}
