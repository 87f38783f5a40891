using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;

namespace SchoolSafety.Dashboard;

/// <summary>
/// Per-school locks held to the end of the transaction, so that two saves for one school cannot overwrite each other's
/// derived rows with stale counts: the second waits until the first commits, then reads its records. SQLite has one
/// writer at a time already. Callers take the locks of one kind in ascending school order, and summaries before
/// standings, so two transactions never wait for each other.
/// </summary>
public static class SchoolLocks
{
    public const int Summary = 7_311;
    public const int Standing = 7_312;

    public static Task TakeAsync(AppDbContext db, int kind, int schoolId, CancellationToken ct) => db.Provider switch
    {
        DatabaseProvider.PostgreSql => db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({kind}, {schoolId})", ct),
        DatabaseProvider.SqlServer => db.Database.ExecuteSqlAsync(
            $"EXEC sp_getapplock @Resource = {"school-" + kind + ":" + schoolId}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", ct),
        _ => Task.CompletedTask,
    };
}
