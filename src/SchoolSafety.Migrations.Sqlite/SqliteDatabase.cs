using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SchoolSafety.Data;

namespace SchoolSafety.Migrations.Sqlite;

/// <summary>Configures <see cref="AppDbContext"/> for this provider, with this assembly's migrations.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder UseSchoolSafetySqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
}

/// <summary>Used by <c>dotnet ef</c> only (scripts/add-migration.sh); no database is contacted.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseSchoolSafetySqlite("Data Source=design-time.db");
        return new AppDbContext(options.Options);
    }
}
