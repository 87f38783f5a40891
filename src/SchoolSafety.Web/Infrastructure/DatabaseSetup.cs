using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Data;
using SchoolSafety.Demo;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Migrations.PostgreSql;
using SchoolSafety.Migrations.Sqlite;
using SchoolSafety.Migrations.SqlServer;

namespace SchoolSafety.Web.Infrastructure;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the provider named by <c>Database:Provider</c>
    /// (Sqlite by default), with the connection string <c>ConnectionStrings:{Provider}</c>.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = config.GetConnectionString(provider.ToString());
        if (provider == DatabaseProvider.Sqlite)
            connectionString = SqliteConnectionString(connectionString, contentRoot);
        else if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"ConnectionStrings:{provider} is not set.");

        services.AddScoped<AuditSaveChangesInterceptor>();
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            _ = provider switch
            {
                DatabaseProvider.SqlServer => options.UseSchoolSafetySqlServer(connectionString!),
                DatabaseProvider.PostgreSql => options.UseSchoolSafetyPostgreSql(connectionString!),
                _ => options.UseSchoolSafetySqlite(connectionString!),
            };
            options.AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>());
        });
        return services;
    }

    /// <summary>Default: App_Data/schoolsafety.db under the app's folder; the folder is created.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/schoolsafety.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return builder.ToString();
    }

    /// <summary>
    /// Applies migrations (retrying while the database server starts), creates the roles, then
    /// seeds the demo county (when <c>Demo:Seed</c> is true) or the first administrator
    /// (when <c>Bootstrap:AdminUserName</c> is set and no user exists).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SchoolSafety.Database");
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();

        if (config.GetValue("Database:MigrateOnStartup", true))
            await MigrateWithRetriesAsync(db, config.GetValue("Database:StartupRetries", 10), log);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging: readers no longer wait for a writer, and a commit costs one fsync less.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (!await db.ChecklistTemplates.AnyAsync())
        {
            db.ChecklistTemplates.Add(DefaultChecklist.Create(clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        if (!await db.EducationTopics.AnyAsync())
        {
            db.EducationTopics.AddRange(SchoolSafety.Education.EducationTopic.Defaults());
            await db.SaveChangesAsync();
        }
        if (!await db.RequiredDocumentTypes.AnyAsync())
        {
            db.RequiredDocumentTypes.AddRange(SchoolSafety.Ledger.RequiredDocumentType.Defaults());
            await db.SaveChangesAsync();
        }
        // A database from before the summaries were kept gets them once.
        await SchoolTermSummaries.EnsureBuiltAsync(db, CancellationToken.None);
        if (config.GetValue("Demo:Seed", false))
        {
            var password = config["Demo:Password"] is { Length: > 0 } p ? p : DemoCounty.DefaultPassword;
            if (await DemoCounty.SeedAsync(db, users, password, clock))
                log.LogInformation("Demo county seeded");
            await DemoInspections.SeedAsync(db, clock);
            await DemoRecords.SeedAsync(db, clock);
            await DemoLedger.SeedAsync(db, services.GetRequiredService<SchoolSafety.Files.FileStorage>(), clock);
            await DemoDefences.SeedAsync(db, clock);
            if (config.GetValue("Demo:ProvinceSchools", 0) is > 0 and var provinceSchools)
            {
                // Province scale on demand (e.g. --Demo:ProvinceSchools=20000): generated cities and counties around the demo county.
                var generated = await ProvinceGenerator.GenerateAsync(db, users, password, clock, provinceSchools, message => log.LogInformation("Generating: {Progress}", message));
                if (generated.Schools > 0)
                    log.LogInformation("Province generated: {Counties} counties, {Schools} schools, {Inspections} inspections, {Tickets} tickets in {Seconds:F0} s",
                        generated.Counties, generated.Schools, generated.Inspections, generated.Tickets, generated.Elapsed.TotalSeconds);
            }
            if (config.GetValue("Demo:PrintLogins", true))
                PrintDemoLogins(password);
        }
        else
        {
            await FirstAdministrator.EnsureAsync(config, db, users, clock, log);
        }
        // Schools without a standing that holds today (a database from before the standings, or a day since the last run) are judged once.
        var judged = await SchoolStandings.RefreshStaleAsync(db, ChinaTime.Today(clock), CancellationToken.None);
        if (judged > 0) log.LogInformation("Judged the standing of {Schools} schools", judged);
    }

    private static async Task MigrateWithRetriesAsync(AppDbContext db, int retries, ILogger log)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.MigrateAsync();
                return;
            }
            catch (Exception ex) when (attempt < retries && IsTransient(ex))
            {
                var delay = TimeSpan.FromSeconds(Math.Min(30, 2 * attempt));
                log.LogWarning("Database not reachable (attempt {Attempt}/{Retries}): {Message}; retrying in {Delay}",
                    attempt, retries, ex.Message, delay);
                await Task.Delay(delay);
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is System.Data.Common.DbException or TimeoutException or System.Net.Sockets.SocketException
        || ex.InnerException is { } inner && IsTransient(inner);

    private static void PrintDemoLogins(string password)
    {
        Console.WriteLine();
        Console.WriteLine("  Demo logins (password: {0})", password);
        foreach (var login in DemoCounty.Logins)
            Console.WriteLine("    {0,-9} {1,-14} {2}", login.UserName, login.Role, login.Where);
        Console.WriteLine();
    }
}
