using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SchoolSafety.Data;
using SchoolSafety.Demo;
using SchoolSafety.Schools;

namespace SchoolSafety.Tests.Infrastructure;

/// <summary>
/// The whole application on a fresh database of one provider, migrated and seeded with the demo
/// county exactly as the run command does, with a clock the tests move.
/// </summary>
public class SchoolSafetyApp(DatabaseProvider provider, SchoolSafetyApp? sharing = null) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"schoolsafety-keys-{Guid.NewGuid():N}");
    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;
    /// <summary>
    /// A fixed Wednesday in the middle of an autumn term (09:00 in China), so tests that count weeks
    /// do not depend on the day they run. The demo data is generated relative to this "today".
    /// </summary>
    public FakeTimeProvider Clock { get; private set; } = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Starts the clock at another moment, even an earlier one; only before the application is started.</summary>
    public void StartClockAt(DateTimeOffset at) => Clock = new FakeTimeProvider(at);
    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");
    /// <summary>Whether this instance lifts the per-address sign-in limit (default 10 a minute) out of the suites' way.</summary>
    protected virtual bool RaiseSignInLimit => true;

    public async Task InitializeAsync()
    {
        // A second instance on the first one's database (it finds it migrated and seeded), as two web servers would.
        _database = sharing?.Database ?? await TestDatabase.CreateAsync(Provider);
        Start(); // migrations and demo seeding run now
    }

    /// <summary>Starts the in-memory test server; browser tests start Kestrel on a real port instead.</summary>
    protected virtual void Start() => _ = Server;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", Database.ConnectionString);
        builder.UseSetting("Database:StartupRetries", "1");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:PrintLogins", "false");
        builder.UseSetting("Logging:File", "");
        builder.UseSetting("Storage:Root", Path.Combine(_keys, "uploads"));
        builder.UseSetting("Storage:MaxBytes", (2 * 1024 * 1024).ToString());
        // A low photo count limit, so UploadLimitTests reach it with a few tiny files (the default is 20).
        builder.UseSetting("Storage:MaxPhotosPerRecord", "3");
        // The reminder job is run explicitly by its tests, not by a timer racing them.
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Dashboard:RefreshMinutes", "0");
        // The suites sign in far more often than a person could; RateLimitTests keep the default limit.
        if (RaiseSignInLimit) builder.UseSetting("Auth:LoginPermitsPerMinute", "100000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// A client that keeps cookies and does not follow redirects, so tests see every status code.
    /// It speaks HTTPS (the in-memory server takes the scheme from the address), so the tests run
    /// under the production cookie policy: Secure cookies, and antiforgery refusing plain HTTP.
    /// </summary>
    public AppClient NewClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }));

    public async Task<AppClient> LoginAsync(string userName, string password = DemoCounty.DefaultPassword)
    {
        var client = NewClient();
        var response = await client.LoginAsync(userName, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A DbContext on the app's database, for arranging and asserting rows.</summary>
    public AsyncServiceScopeDbContext Db() => new(Services.CreateAsyncScope());

    public async Task<School> SchoolAsync(string code)
    {
        await using var db = Db();
        return await db.Context.Schools.Include(s => s.Jurisdiction).AsNoTracking().SingleAsync(s => s.Code == code);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && sharing is null) await _database.DisposeAsync();
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }
}

public sealed class AsyncServiceScopeDbContext(AsyncServiceScope scope) : IAsyncDisposable
{
    public AsyncServiceScope Scope { get; } = scope;
    public AppDbContext Context { get; } = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    public T Get<T>() where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();
    public ValueTask DisposeAsync() => Scope.DisposeAsync();
}

public sealed class SqliteApp() : SchoolSafetyApp(DatabaseProvider.Sqlite);

public sealed class PostgreSqlApp() : SchoolSafetyApp(DatabaseProvider.PostgreSql);
