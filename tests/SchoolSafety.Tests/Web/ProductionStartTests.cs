using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>Outside the demo nothing is seeded; the first administrator comes from configuration and must change the password.</summary>
public sealed class ProductionStartTests : IAsyncLifetime
{
    private readonly ProductionApp _app = new();

    private sealed class ProductionApp() : SchoolSafetyApp(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Bootstrap:AdminUserName", "itadmin");
            builder.UseSetting("Bootstrap:AdminPassword", "first2026x");
            builder.UseSetting("Bootstrap:JurisdictionCode", "530427");
            builder.UseSetting("Bootstrap:JurisdictionName", "新平县");
        }
    }

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Production_seeds_no_demo_and_creates_the_first_administrator_who_must_change_the_password()
    {
        await using (var db = _app.Db())
        {
            Assert.Equal(0, await db.Context.Schools.CountAsync());
            var admin = await db.Context.Users.Include(u => u.Jurisdiction).SingleAsync();
            Assert.Equal(("itadmin", "新平县", true), (admin.UserName, admin.Jurisdiction!.Name, admin.MustChangePassword));
        }

        using var client = await _app.LoginAsync("itadmin", "first2026x");
        var home = await client.GetAsync("/");
        Assert.Equal("/Account/ChangePassword", home.Headers.Location!.OriginalString);
        var changed = await client.PostFormAsync("/Account/ChangePassword",
            new { CurrentPassword = "first2026x", NewPassword = "mine2026xy", ConfirmPassword = "mine2026xy" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Schools/Create")).StatusCode);
    }
}
