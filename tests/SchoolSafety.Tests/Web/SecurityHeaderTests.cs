using System.Net;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>Every kind of response carries the security headers a browser acts on.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SecurityHeaderTests(SqliteApp app)
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
                                  "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private static void AssertHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : "(missing)";
        Assert.True(Policy == Header("Content-Security-Policy"), $"{what}: Content-Security-Policy was {Header("Content-Security-Policy")}");
        Assert.True("nosniff" == Header("X-Content-Type-Options"), $"{what}: X-Content-Type-Options was {Header("X-Content-Type-Options")}");
        Assert.True("DENY" == Header("X-Frame-Options"), $"{what}: X-Frame-Options was {Header("X-Frame-Options")}");
        Assert.True("same-origin" == Header("Referrer-Policy"), $"{what}: Referrer-Policy was {Header("Referrer-Policy")}");
    }

    [Fact]
    public async Task Pages_static_files_redirects_and_error_pages_carry_the_security_headers()
    {
        using var anonymous = app.NewClient();
        var login = await anonymous.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        AssertHeaders(login, "login page");

        var redirect = await anonymous.GetAsync("/Schools");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        AssertHeaders(redirect, "redirect to login");

        var css = await anonymous.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        AssertHeaders(css, "static file");

        using var client = await app.LoginAsync("county");
        var dashboard = await client.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        AssertHeaders(dashboard, "dashboard");

        var missing = await client.GetAsync("/Schools/Details/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("页面不存在", await missing.Content.ReadAsStringAsync());
        AssertHeaders(missing, "404 page");
    }

    [Fact]
    public async Task The_site_script_and_classes_that_replace_inline_code_are_served()
    {
        using var client = app.NewClient();
        var page = await client.PageAsync("/Account/Login");
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains(scripts, s => s.StartsWith("/js/site.js"));
        var js = await client.GetAsync("/js/site.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Contains("data-autosubmit", await js.Content.ReadAsStringAsync());
        var css = await (await client.GetAsync("/css/site.css")).Content.ReadAsStringAsync();
        foreach (var cls in new[] { ".input-month", ".input-narrow", ".thumb-cover", ".text-pre-line", ".tree-level-3" })
            Assert.Contains(cls, css);
    }
}
