using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SchoolSafety.Data;

namespace SchoolSafety.Tests.Infrastructure;

/// <summary>The application on Kestrel at a real loopback port, for a browser or a load generator.</summary>
public sealed class KestrelApp : SchoolSafetyApp
{
    public KestrelApp(DatabaseProvider provider) : base(provider) => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Kestrel listens on plain HTTP here: cookies follow the request's scheme, as in Development.
        builder.UseSetting("Auth:CookieSecurePolicy", "SameAsRequest");
    }

    protected override void Start()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }
}
