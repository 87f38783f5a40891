namespace SchoolSafety.Tests.Infrastructure;

/// <summary>One application on SQLite shared by the web tests of this collection (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "Web on SQLite";
}

/// <summary>The same application on a real PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlApp>
{
    public const string Name = "Web on PostgreSQL";
}
