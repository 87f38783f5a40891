using System.Net;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using SchoolSafety.Data;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>The application on PostgreSQL through a <see cref="TcpGate"/>, so a test can take the database away and give it back.</summary>
public sealed class GatedPostgreSqlApp : SchoolSafetyApp
{
    public GatedPostgreSqlApp() : base(DatabaseProvider.PostgreSql)
    {
        var server = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString);
        Gate = new TcpGate(server.Host ?? "127.0.0.1", server.Port);
    }

    public TcpGate Gate { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var through = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = Gate.Port };
        builder.UseSetting("ConnectionStrings:PostgreSql", through.ToString());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Gate.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>
/// PostgreSQL gone under the running application (the probe scripts/probe-postgres-restart.sh does the same with a real
/// pg_ctl stop and start): requests answer 503 with a Chinese page and no exception text while it is away, and the same
/// application answers normally, still signed in, once it is back.
/// </summary>
public sealed class DatabaseOutageTests(GatedPostgreSqlApp app) : IClassFixture<GatedPostgreSqlApp>
{
    [Fact]
    public async Task While_the_database_is_away_pages_answer_503_with_a_clear_page_and_afterwards_work_again_without_a_restart()
    {
        using var county = await app.LoginAsync("county");
        var before = await county.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using var inEnglish = await app.LoginAsync("county");
        Assert.Equal(HttpStatusCode.Redirect, (await inEnglish.PostFormAsync("/Culture/Set", new { culture = "en-US", returnUrl = "/" })).StatusCode);

        app.Gate.Close();
        try
        {
            foreach (var path in new[] { "/Dashboard", "/Tickets", "/Dashboard" })
            {
                var down = await county.GetAsync(path);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
                var html = await down.Content.ReadAsStringAsync();
                var page = AppClient.Parse(html);
                Assert.Equal("数据库暂时无法连接", page.QuerySelector("#error-page h1")!.TextContent);
                Assert.Contains("请稍后重试", page.QuerySelector("#error-page")!.TextContent);
                Assert.DoesNotContain("Exception", html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Npgsql", html, StringComparison.OrdinalIgnoreCase);
                Assert.Equal("30", Assert.Single(down.Headers.GetValues("Retry-After")));
                Assert.Contains("frame-ancestors 'none'", Assert.Single(down.Headers.GetValues("Content-Security-Policy")));
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await county.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/health/live")).StatusCode);

            // In the user's language.
            var english = await inEnglish.Http.GetAsync("/Dashboard");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, english.StatusCode);
            Assert.Equal("The database cannot be reached", AppClient.Parse(await english.Content.ReadAsStringAsync()).QuerySelector("#error-page h1")!.TextContent);
        }
        finally
        {
            app.Gate.Open();
        }

        // Back: the first request is served, by the same application, with the same sign-in.
        var after = await county.PageAsync("/Dashboard");
        Assert.Contains("李明", after.QuerySelector("#userMenu")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/health/ready")).StatusCode);
    }
}
