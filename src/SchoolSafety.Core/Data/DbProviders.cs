namespace SchoolSafety.Data;

/// <summary>The three supported database providers; <c>Database:Provider</c> names one.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public static class DbProviderNames
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string SqlServer = "Microsoft.EntityFrameworkCore.SqlServer";
    public const string PostgreSql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static DatabaseProvider FromProviderName(string? providerName) => providerName switch
    {
        Sqlite => DatabaseProvider.Sqlite,
        SqlServer => DatabaseProvider.SqlServer,
        PostgreSql => DatabaseProvider.PostgreSql,
        _ => throw new NotSupportedException($"Unsupported database provider '{providerName}'."),
    };
}
