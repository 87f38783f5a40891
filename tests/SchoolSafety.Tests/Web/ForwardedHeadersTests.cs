using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SchoolSafety.Data;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// The app on SQLite with the default sign-in limit lowered to 2 a minute, every request arriving from a proxy on the
/// loopback address (as nginx on the same machine), with ForwardedHeaders:Enabled on or off.
/// </summary>
public class ProxiedApp(bool forwarded) : SchoolSafetyApp(DatabaseProvider.Sqlite)
{
    protected override bool RaiseSignInLimit => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:LoginPermitsPerMinute", "2");
        if (forwarded) builder.UseSetting("ForwardedHeaders:Enabled", "true");
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FromLoopback>());
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate n) => { http.Connection.RemoteIpAddress = IPAddress.Loopback; return n(http); });
            next(app);
        };
    }

    /// <summary>Posts a wrong password as the client the proxy names.</summary>
    public async Task<HttpStatusCode> SignInAsAsync(AppClient client, string clientAddress)
    {
        var page = await client.PageAsync("/Account/Login");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("UserName", "nobody"), new("Password", "wrong-password1"), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return (await client.Http.SendAsync(request)).StatusCode;
    }
}

public sealed class ProxiedAppForwarding() : ProxiedApp(true);
public sealed class ProxiedAppNotForwarding() : ProxiedApp(false);

public sealed class ForwardedHeadersOnTests(ProxiedAppForwarding app) : IClassFixture<ProxiedAppForwarding>
{
    [Fact]
    public async Task When_enabled_each_client_behind_the_proxy_has_its_own_sign_in_limit()
    {
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await app.SignInAsAsync(client, "203.0.113.7"));
        // Another address behind the same proxy is not held back by the first one's attempts.
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsAsync(client, "203.0.113.8"));
    }
}

public sealed class ForwardedHeadersOffTests(ProxiedAppNotForwarding app) : IClassFixture<ProxiedAppNotForwarding>
{
    [Fact]
    public async Task By_default_the_headers_are_ignored_so_a_client_cannot_forge_a_fresh_address()
    {
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsAsync(client, "203.0.113.8"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await app.SignInAsAsync(client, "203.0.113.9"));
    }

    [Fact]
    public async Task Outside_Development_HTTPS_responses_carry_HSTS()
    {
        // UseHsts leaves out localhost; a real host name gets the header (the test environment is "Testing", not Development).
        using var client = new AppClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://schoolsafety.example") }));
        var response = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.StartsWith("max-age=", hsts);
        Assert.True(int.Parse(hsts["max-age=".Length..].Split(';')[0]) >= 30 * 24 * 3600, hsts);
        // Plain HTTP never carries it (browsers ignore it there, and it must not pin a host by accident).
        using var plain = new AppClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://schoolsafety.example") }));
        var health = await plain.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(health.Headers.Contains("Strict-Transport-Security"));
    }
}
