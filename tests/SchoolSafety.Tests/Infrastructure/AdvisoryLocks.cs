using Microsoft.EntityFrameworkCore;

namespace SchoolSafety.Tests.Infrastructure;

/// <summary>PostgreSQL's view of the per-school locks (<c>SchoolLocks</c>): whether a session waits for one.</summary>
public static class AdvisoryLocks
{
    /// <summary>
    /// Polls <c>pg_locks</c> (up to about ten seconds) until some session waits for an advisory lock; stops early when the
    /// watched save finishes without waiting. True when a wait was seen.
    /// </summary>
    public static async Task<bool> SeenWaitingAsync(SchoolSafetyApp app, Task save)
    {
        await using var probe = app.Db();
        for (var i = 0; i < 500 && !save.IsCompleted; i++)
        {
            if (await probe.Context.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync() > 0)
                return true;
            await Task.Delay(20);
        }
        return false;
    }
}
