using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SchoolSafety.Data;

namespace SchoolSafety.Migrations.PostgreSql;

/// <summary>Configures <see cref="AppDbContext"/> for this provider, with this assembly's migrations.</summary>
public static class PostgreSqlDatabase
{
    public static DbContextOptionsBuilder UseSchoolSafetyPostgreSql(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name));
}

/// <summary>Used by <c>dotnet ef</c> only (scripts/add-migration.sh); no database is contacted.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseSchoolSafetyPostgreSql("Host=localhost;Database=schoolsafety;Username=postgres");
        return new AppDbContext(options.Options);
    }
}
