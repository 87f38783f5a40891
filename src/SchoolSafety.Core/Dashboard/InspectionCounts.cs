using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Inspections;

namespace SchoolSafety.Dashboard;

/// <summary>
/// Which schools submitted which weeks, counted by the database instead of read row by row: one query grouped by
/// school (weeks submitted, the last one), one grouped by week (the chart and this week's figure), and — only for
/// the few schools that missed two weeks or more — their submitted weeks, to find their longest run of misses.
/// A submitted inspection is a current revision that is not a draft.
/// </summary>
public sealed class InspectionCounts
{
    private readonly IReadOnlyList<SchoolWeek> over;
    private readonly Dictionary<int, (int Count, int Last)> bySchool;
    private readonly Dictionary<int, int> byWeek;
    private readonly ILookup<int, int> weeksOfLaggards;

    private InspectionCounts(IReadOnlyList<SchoolWeek> over, Dictionary<int, (int, int)> bySchool, Dictionary<int, int> byWeek, ILookup<int, int> weeksOfLaggards) =>
        (this.over, this.bySchool, this.byWeek, this.weeksOfLaggards) = (over, bySchool, byWeek, weeksOfLaggards);

    /// <param name="weeks">The term's weeks so far (for the chart).</param>
    /// <param name="over">The weeks a school can have missed: over, and not after the chosen week.</param>
    public static async Task<InspectionCounts> ReadAsync(AppDbContext db, IQueryable<int> schoolIds, IReadOnlyList<SchoolWeek> weeks,
        IReadOnlyList<SchoolWeek> over, CancellationToken ct)
    {
        var all = weeks.Select(w => w.Number).ToList();
        var due = over.Select(w => w.Number).ToList();
        var submitted = db.Inspections.AsNoTracking()
            .Where(i => i.IsCurrent && i.Status != InspectionStatus.Draft && schoolIds.Contains(i.SchoolId));
        var inDue = submitted.Where(i => due.Contains(i.WeekNumber));

        var bySchool = await inDue.GroupBy(i => i.SchoolId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(i => i.WeekNumber) })
            .ToDictionaryAsync(g => g.Key, g => (g.Count, g.Last), ct);
        var byWeek = await submitted.Where(i => all.Contains(i.WeekNumber)).GroupBy(i => i.WeekNumber)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // The laggards are chosen by a grouped subquery (not a count per row: that took seconds at 20,000 schools).
        var laggards = inDue.GroupBy(i => i.SchoolId).Where(g => g.Count() <= due.Count - 2).Select(g => g.Key);
        var laggardWeeks = due.Count < 2 ? [] : await inDue
            .Where(i => laggards.Contains(i.SchoolId))
            .Select(i => new { i.SchoolId, i.WeekNumber })
            .ToListAsync(ct);
        return new InspectionCounts(over, bySchool, byWeek, laggardWeeks.ToLookup(i => i.SchoolId, i => i.WeekNumber));
    }

    /// <summary>Weeks over that the school submitted.</summary>
    public int Submitted(int schoolId) => bySchool.TryGetValue(schoolId, out var s) ? s.Count : 0;

    /// <summary>Schools that submitted the week.</summary>
    public int InWeek(SchoolWeek week) => byWeek.GetValueOrDefault(week.Number);

    /// <summary>Weeks missed in a row up to the last week over.</summary>
    public int TrailingMisses(int schoolId) =>
        bySchool.TryGetValue(schoolId, out var s) ? over.Count(w => w.Number > s.Last) : over.Count;

    /// <summary>The longest run of weeks missed in a row this term.</summary>
    public int LongestMiss(int schoolId)
    {
        var missed = over.Count - Submitted(schoolId);
        if (missed < 2) return missed;
        var done = weeksOfLaggards[schoolId].ToHashSet();
        var (run, longest) = (0, 0);
        foreach (var w in over)
        {
            run = done.Contains(w.Number) ? 0 : run + 1;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
