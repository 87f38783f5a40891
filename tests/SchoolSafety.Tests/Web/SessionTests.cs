using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SchoolSafety.Data;
using SchoolSafety.Tests.Infrastructure;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// An application of its own (the tests move its clock by hours and use its default limits), on SQLite.
/// </summary>
public sealed class SessionApp() : SchoolSafetyApp(DatabaseProvider.Sqlite);

/// <summary>Cookie flags and the sliding session timeout, as the browser sees them.</summary>
public sealed class SessionTests(SessionApp app) : IClassFixture<SessionApp>
{
    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.SingleOrDefault(v => v.StartsWith(name + "=")) ?? $"(no {name} cookie in: {string.Join(" | ", values)})"
            : "(no Set-Cookie header)";

    [Fact]
    public async Task Sign_in_and_antiforgery_cookies_are_HttpOnly_Secure_and_SameSite_Lax()
    {
        using var client = app.NewClient();
        var form = await client.GetAsync("/Account/Login");
        var antiforgery = SetCookie(form, "SchoolSafety.Antiforgery").ToLowerInvariant();
        Assert.Contains("; httponly", antiforgery);
        Assert.Contains("; secure", antiforgery);
        Assert.Contains("; samesite=lax", antiforgery);

        var login = await client.LoginAsync("county", SchoolSafety.Demo.DemoCounty.DefaultPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var auth = SetCookie(login, "SchoolSafety.Auth").ToLowerInvariant();
        Assert.Contains("; httponly", auth);
        Assert.Contains("; secure", auth);
        Assert.Contains("; samesite=lax", auth);
    }

    [Theory]
    [InlineData("Development", null, CookieSecurePolicy.SameAsRequest)]
    [InlineData("Production", null, CookieSecurePolicy.Always)]
    [InlineData("Testing", null, CookieSecurePolicy.Always)]
    [InlineData("Production", "SameAsRequest", CookieSecurePolicy.SameAsRequest)]
    [InlineData("Development", "always", CookieSecurePolicy.Always)]
    public void Cookies_are_Secure_outside_Development_unless_configured(string environment, string? configured, CookieSecurePolicy expected)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : [new("Auth:CookieSecurePolicy", configured)]).Build();
        Assert.Equal(expected, CookieSecurity.Policy(new Environment(environment), config));
    }

    [Theory]
    [InlineData("None")]
    [InlineData("sometimes")]
    public void A_cookie_policy_that_would_send_cookies_in_clear_text_stops_start_up(string configured)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("Auth:CookieSecurePolicy", configured)]).Build();
        Assert.Throws<InvalidOperationException>(() => CookieSecurity.Policy(new Environment("Production"), config));
    }

    [Fact]
    public async Task An_active_session_slides_and_an_idle_one_ends_after_30_minutes()
    {
        using var client = await app.LoginAsync("county");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Dashboard")).StatusCode);

        // Busy for 58 minutes, never 30 idle: still signed in.
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Dashboard")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Dashboard")).StatusCode);

        // Then 31 minutes away from the keyboard: back to the sign-in page.
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await client.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/Account/Login", idle.Headers.Location!.PathAndQuery);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "SchoolSafety.Web";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
