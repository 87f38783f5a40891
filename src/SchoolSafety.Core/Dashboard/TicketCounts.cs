using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;

namespace SchoolSafety.Dashboard;

/// <summary>One school's tickets on the dashboard: open ones whenever found, repeats and rejections of those found in the term.</summary>
public sealed record SchoolTickets(int Open, int Overdue, int OverdueMajor, int OverdueSupervised, int MajorOpen, int Repeats, int Rejections)
{
    public static readonly SchoolTickets None = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The tickets of a set of schools: the open ones counted by the database (one query grouped by school over the open
/// tickets: open, overdue, 重大, supervised — what changes with the day), and the rest from the schools'
/// <see cref="SchoolTermSummary"/> rows (tickets found in the term, closed, on time, rejections, repeats, per week, days to
/// close), so no closed ticket is read and the cost does not grow with the weeks.
/// </summary>
public sealed class TicketCounts
{
    private sealed record Tally(int SchoolId, int Open, int Overdue, int OverdueMajor, int OverdueSupervised, int MajorOpen,
        int FoundOpen, int FoundOverdue, int FoundMajorOpen, int FoundSupervised);

    private static readonly HazardStatus[] OpenStatuses = [HazardStatus.Open, HazardStatus.Rectifying, HazardStatus.AwaitingVerification];

    private readonly Dictionary<int, Tally> open;
    private readonly IReadOnlyDictionary<int, SchoolTermSummary> summaries;
    private readonly int[] foundPerWeek = new int[SchoolTermSummary.MaxWeeks], closedPerWeek = new int[SchoolTermSummary.MaxWeeks];

    private TicketCounts(Dictionary<int, Tally> open, IReadOnlyDictionary<int, SchoolTermSummary> summaries, TicketFigureSet figures)
    {
        (this.open, this.summaries, Figures) = (open, summaries, figures);
        foreach (var summary in summaries.Values)
        {
            CountText.AddPerWeek(summary.FoundPerWeek, foundPerWeek);
            CountText.AddPerWeek(summary.ClosedPerWeek, closedPerWeek);
        }
    }

    /// <summary>The figures of the tickets found in the term.</summary>
    public TicketFigureSet Figures { get; }

    /// <param name="summaries">The schools' summaries of the term that starts on <paramref name="from"/>, by school.</param>
    public static async Task<TicketCounts> ReadAsync(AppDbContext db, IQueryable<int> schoolIds, IReadOnlyDictionary<int, SchoolTermSummary> summaries,
        DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        const HazardGrade major = HazardGrade.Major;
        var open = await db.HazardTickets.AsNoTracking()
            .Where(t => OpenStatuses.Contains(t.Status) && schoolIds.Contains(t.SchoolId) && t.FoundOn <= to)
            .GroupBy(t => t.SchoolId)
            .Select(g => new Tally(g.Key,
                g.Count(),
                g.Count(t => t.Deadline < today),
                g.Count(t => t.Deadline < today && t.Grade == major),
                g.Count(t => t.Deadline < today && t.IsSupervised),
                g.Count(t => t.Grade == major),
                g.Count(t => t.FoundOn >= from),
                g.Count(t => t.FoundOn >= from && t.Deadline < today),
                g.Count(t => t.FoundOn >= from && t.Grade == major),
                g.Count(t => t.FoundOn >= from && t.IsSupervised)))
            .ToDictionaryAsync(t => t.SchoolId, ct);

        var all = summaries.Values.ToList();
        var (closed, onTime) = (all.Sum(s => s.TicketsClosed), all.Sum(s => s.ClosedOnTime));
        var durations = new Dictionary<int, int>();
        foreach (var (days, count) in all.SelectMany(s => s.Durations())) durations[days] = durations.GetValueOrDefault(days) + count;
        var median = TicketFigures.MedianDays(durations);
        var tallies = open.Values.ToList();
        var figures = new TicketFigureSet(all.Sum(s => s.TicketsFound), tallies.Sum(t => t.FoundOpen), tallies.Sum(t => t.FoundOverdue), tallies.Sum(t => t.FoundMajorOpen),
            tallies.Sum(t => t.FoundSupervised), closed, closed == 0 ? null : Math.Round(100.0 * onTime / closed, 1),
            median is null ? null : Math.Round(median.Value, 1), all.Sum(s => s.Repeats), all.Sum(s => s.Rejections));
        return new TicketCounts(open, summaries, figures);
    }

    public SchoolTickets Of(int schoolId)
    {
        var summary = summaries.GetValueOrDefault(schoolId);
        var (repeats, rejections) = (summary?.Repeats ?? 0, summary?.Rejections ?? 0);
        return open.TryGetValue(schoolId, out var t)
            ? new SchoolTickets(t.Open, t.Overdue, t.OverdueMajor, t.OverdueSupervised, t.MajorOpen, repeats, rejections)
            : SchoolTickets.None with { Repeats = repeats, Rejections = rejections };
    }

    /// <summary>Tickets found in the term during its week <paramref name="index"/>, and those of them closed during the week.</summary>
    public (int Found, int Closed) InWeek(int index) =>
        index is >= 0 and < SchoolTermSummary.MaxWeeks ? (foundPerWeek[index], closedPerWeek[index]) : (0, 0);
}
