using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SchoolSafety.Data;
using SchoolSafety.Migrations.PostgreSql;
using SchoolSafety.Migrations.Sqlite;
using SchoolSafety.Migrations.SqlServer;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Data;

/// <summary>Every model change comes with a migration for each provider; SQL Server is checked without a server.</summary>
public class ModelAndMigrationTests
{
    internal static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        _ = provider switch
        {
            DatabaseProvider.SqlServer => options.UseSchoolSafetySqlServer(connectionString),
            DatabaseProvider.PostgreSql => options.UseSchoolSafetyPostgreSql(connectionString),
            _ => options.UseSchoolSafetySqlite(connectionString),
        };
        return new AppDbContext(options.Options);
    }

    private const string OfflineSqlServer = "Server=localhost;Database=SchoolSafety;User Id=sa;Password=unused;TrustServerCertificate=True";

    [Fact]
    public void Sqlite_has_no_pending_model_changes()
    {
        using var db = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite migrations lag the model.");
    }

    [Fact]
    public void SqlServer_has_no_pending_model_changes()
    {
        using var db = Context(DatabaseProvider.SqlServer, OfflineSqlServer);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQL Server migrations lag the model.");
    }

    [Fact]
    public void PostgreSql_has_no_pending_model_changes()
    {
        using var db = Context(DatabaseProvider.PostgreSql, "Host=localhost;Database=unused");
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the PostgreSQL migrations lag the model.");
    }

    [Fact]
    public void The_three_providers_have_the_same_migrations()
    {
        static IEnumerable<string> Names(DatabaseProvider p, string cs)
        {
            using var db = Context(p, cs);
            return db.Database.GetMigrations().Select(m => m[15..]).ToList();
        }
        var sqlite = Names(DatabaseProvider.Sqlite, "Data Source=:memory:");
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, Names(DatabaseProvider.SqlServer, OfflineSqlServer));
        Assert.Equal(sqlite, Names(DatabaseProvider.PostgreSql, "Host=localhost;Database=unused"));
    }

    [Fact]
    public void SqlServer_migration_script_generates_offline_with_a_rowversion_column()
    {
        using var db = Context(DatabaseProvider.SqlServer, OfflineSqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Schools]", script);
        Assert.Contains("[RowVersion] rowversion NOT NULL", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Schools_Code]", script);
        Assert.Contains("[At] datetime2 NOT NULL", script);
    }

    [Fact]
    public void SqlServer_translates_the_scoping_query()
    {
        using var db = Context(DatabaseProvider.SqlServer, OfflineSqlServer);
        var scope = new Security.UserScope("u", Identity.Roles.CountyStaff, null, "/530000/530400/530427/");
        var sql = Security.ScopeQueryExtensions.VisibleTo(db.Schools, scope).ToQueryString();
        Assert.Contains("LIKE", sql);
        Assert.Contains("/530000/530400/530427/", sql);
    }

    [Fact]
    public void PostgreSql_maps_the_row_version_to_xmin()
    {
        using var db = Context(DatabaseProvider.PostgreSql, "Host=localhost;Database=unused");
        var property = db.Model.FindEntityType(typeof(Schools.School))!.FindProperty(nameof(Schools.School.RowVersion))!;
        Assert.Equal("xmin", property.GetColumnName());
        Assert.Equal("xid", property.GetColumnType());
        Assert.True(property.IsConcurrencyToken);
    }

    [Fact]
    public async Task Migrations_apply_to_a_fresh_PostgreSQL_database()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var db = Context(DatabaseProvider.PostgreSql, database.ConnectionString);
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Schools.CountAsync());
    }

    [Fact]
    public async Task Migrations_apply_to_a_fresh_SQLite_database()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = Context(DatabaseProvider.Sqlite, database.ConnectionString);
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
