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
/// The tickets of a set of schools, counted by the database: one query grouped by school (open, overdue, 重大, supervised,
/// closed on time, rejections), one for the repeats, and one grouped by the day found and the day closed, which gives
/// the chart (tickets found and closed per day) and the days to close (the median needs no ticket rows). The days and the
/// rejections are stored on each ticket when it changes (<see cref="HazardTicket.FoundOn"/>, <see cref="HazardTicket.ClosedOn"/>,
/// <see cref="HazardTicket.Rejections"/>), so no event row is read.
/// </summary>
public sealed class TicketCounts
{
    private sealed record Tally(int SchoolId, int Open, int Overdue, int OverdueMajor, int OverdueSupervised, int MajorOpen,
        int Found, int FoundOpen, int FoundOverdue, int FoundMajorOpen, int FoundSupervised, int Closed, int ClosedOnTime, int Rejections);

    private readonly Dictionary<int, Tally> bySchool;
    private readonly Dictionary<int, int> repeats;
    private readonly Dictionary<DateOnly, int> foundOn, closedOn;

    private TicketCounts(Dictionary<int, Tally> bySchool, Dictionary<int, int> repeats, Dictionary<DateOnly, int> foundOn,
        Dictionary<DateOnly, int> closedOn, TicketFigureSet figures) =>
        (this.bySchool, this.repeats, this.foundOn, this.closedOn, Figures) = (bySchool, repeats, foundOn, closedOn, figures);

    /// <summary>The figures of the tickets found in the period.</summary>
    public TicketFigureSet Figures { get; }

    public static async Task<TicketCounts> ReadAsync(AppDbContext db, IQueryable<int> schoolIds, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        const HazardStatus closed = HazardStatus.Closed;
        const HazardGrade major = HazardGrade.Major;
        var tickets = db.HazardTickets.AsNoTracking().Where(t => schoolIds.Contains(t.SchoolId) && t.FoundOn <= to);
        var found = tickets.Where(t => t.FoundOn >= from);

        var tallies = await tickets.Where(t => t.FoundOn >= from || t.Status != closed)
            .GroupBy(t => t.SchoolId)
            .Select(g => new Tally(g.Key,
                g.Count(t => t.Status != closed),
                g.Count(t => t.Status != closed && t.Deadline < today),
                g.Count(t => t.Status != closed && t.Deadline < today && t.Grade == major),
                g.Count(t => t.Status != closed && t.Deadline < today && t.IsSupervised),
                g.Count(t => t.Status != closed && t.Grade == major),
                g.Count(t => t.FoundOn >= from),
                g.Count(t => t.FoundOn >= from && t.Status != closed),
                g.Count(t => t.FoundOn >= from && t.Status != closed && t.Deadline < today),
                g.Count(t => t.FoundOn >= from && t.Status != closed && t.Grade == major),
                g.Count(t => t.FoundOn >= from && t.Status != closed && t.IsSupervised),
                g.Count(t => t.FoundOn >= from && t.Status == closed),
                g.Count(t => t.FoundOn >= from && t.Status == closed && t.ClosedOn <= t.Deadline),
                g.Sum(t => t.FoundOn >= from ? t.Rejections : 0)))
            .ToDictionaryAsync(t => t.SchoolId, ct);

        var repeats = await found
            .Where(r => r.ChecklistItemId != null && db.HazardTickets.Any(c => c.SchoolId == r.SchoolId && c.ChecklistItemId == r.ChecklistItemId
                && c.ClosedAt != null && c.ClosedAt < r.FoundAt && c.ClosedOn >= r.FoundOn.AddDays(-TicketFigures.RepeatWindowDays)))
            .GroupBy(r => r.SchoolId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        // The tickets found in the period grouped by the day found and the day closed (at most a few thousand pairs):
        // the chart's tickets found and closed per day, and the days each closed ticket took.
        var days = await found.GroupBy(t => new { t.FoundOn, t.ClosedOn }).Select(g => new { g.Key.FoundOn, g.Key.ClosedOn, Count = g.Count() }).ToListAsync(ct);
        var foundOn = days.GroupBy(d => d.FoundOn).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
        var shut = days.Where(d => d.ClosedOn is not null).ToList();
        var closedOn = shut.Where(d => d.ClosedOn <= to).GroupBy(d => d.ClosedOn!.Value).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
        var durations = shut.GroupBy(d => d.ClosedOn!.Value.DayNumber - d.FoundOn.DayNumber).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));

        var all = tallies.Values.ToList();
        var (closedCount, onTime) = (all.Sum(t => t.Closed), all.Sum(t => t.ClosedOnTime));
        var median = TicketFigures.MedianDays(durations);
        var figures = new TicketFigureSet(all.Sum(t => t.Found), all.Sum(t => t.FoundOpen), all.Sum(t => t.FoundOverdue), all.Sum(t => t.FoundMajorOpen),
            all.Sum(t => t.FoundSupervised), closedCount, closedCount == 0 ? null : Math.Round(100.0 * onTime / closedCount, 1),
            median is null ? null : Math.Round(median.Value, 1), repeats.Values.Sum(), all.Sum(t => t.Rejections));
        return new TicketCounts(tallies, repeats, foundOn, closedOn, figures);
    }

    public SchoolTickets Of(int schoolId) => bySchool.TryGetValue(schoolId, out var t)
        ? new SchoolTickets(t.Open, t.Overdue, t.OverdueMajor, t.OverdueSupervised, t.MajorOpen, repeats.GetValueOrDefault(schoolId), t.Rejections)
        : SchoolTickets.None;

    /// <summary>Tickets found in the period during the week, and those of them closed during the week.</summary>
    public (int Found, int Closed) InWeek(SchoolWeek week)
    {
        var days = Enumerable.Range(0, 7).Select(week.Monday.AddDays).ToList();
        return (days.Sum(d => foundOn.GetValueOrDefault(d)), days.Sum(d => closedOn.GetValueOrDefault(d)));
    }
}
