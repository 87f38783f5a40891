using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SchoolSafety.Data;

namespace SchoolSafety.Migrations.SqlServer;

/// <summary>Configures <see cref="AppDbContext"/> for this provider, with this assembly's migrations.</summary>
public static class SqlServerDatabase
{
    public static DbContextOptionsBuilder UseSchoolSafetySqlServer(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name));
}

/// <summary>Used by <c>dotnet ef</c> only (scripts/add-migration.sh); no database is contacted.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseSchoolSafetySqlServer("Server=localhost;Database=SchoolSafety;Trusted_Connection=True;TrustServerCertificate=True");
        return new AppDbContext(options.Options);
    }
}
