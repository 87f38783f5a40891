namespace SchoolSafety.Common;

/// <summary>
/// An entity edited through forms by more than one person. <see cref="RowVersion"/> is the
/// optimistic concurrency token: SQL Server <c>rowversion</c>, PostgreSQL <c>xmin</c>, and on
/// SQLite a random token stamped by <see cref="Data.AppDbContext"/> on every save.
/// </summary>
public interface IConcurrencyVersioned
{
    byte[] RowVersion { get; set; }
}
