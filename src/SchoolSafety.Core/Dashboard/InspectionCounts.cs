using SchoolSafety.Inspections;

namespace SchoolSafety.Dashboard;

/// <summary>
/// Which schools submitted which weeks, from the weeks kept in each school's <see cref="SchoolTermSummary"/> (one bit a
/// week): no inspection row is read. A submitted inspection is a current revision that is not a draft.
/// </summary>
public sealed class InspectionCounts
{
    private readonly IReadOnlyDictionary<int, SchoolTermSummary> summaries;
    private readonly Dictionary<int, int> indexOf;
    private readonly int over;
    private readonly long due;

    /// <param name="summaries">The schools' summaries of the term, by school.</param>
    /// <param name="weeks">The term's weeks so far, from its first (for the chart).</param>
    /// <param name="over">The weeks a school can have missed: those of <paramref name="weeks"/> that are over, and not after the chosen week.</param>
    public InspectionCounts(IReadOnlyDictionary<int, SchoolTermSummary> summaries, IReadOnlyList<SchoolWeek> weeks, IReadOnlyList<SchoolWeek> over)
    {
        this.summaries = summaries;
        indexOf = weeks.Take(SchoolTermSummary.MaxWeeks).Select((w, i) => (w.Number, i)).ToDictionary(p => p.Number, p => p.i);
        this.over = over.Count(w => indexOf.ContainsKey(w.Number));
        due = over.Select(w => indexOf.GetValueOrDefault(w.Number, -1)).Where(i => i >= 0).Aggregate(0L, (m, i) => m | (1L << i));
    }

    private long Done(int schoolId) => summaries.TryGetValue(schoolId, out var s) ? s.WeeksSubmitted & due : 0;

    /// <summary>Weeks over that the school submitted.</summary>
    public int Submitted(int schoolId) => summaries.TryGetValue(schoolId, out var s) ? s.SubmittedIn(due) : 0;

    /// <summary>Schools that submitted the week.</summary>
    public int InWeek(SchoolWeek week) =>
        indexOf.TryGetValue(week.Number, out var i) ? summaries.Values.Count(s => s.Submitted(i)) : 0;

    /// <summary>Weeks missed in a row up to the last week over.</summary>
    public int TrailingMisses(int schoolId)
    {
        var done = Done(schoolId);
        return done == 0 ? over : over - (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)done));
    }

    /// <summary>The longest run of weeks missed in a row this term.</summary>
    public int LongestMiss(int schoolId)
    {
        var done = Done(schoolId);
        var (run, longest) = (0, 0);
        for (var i = 0; i < over; i++)
        {
            run = (done & (1L << i)) != 0 ? 0 : run + 1;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
