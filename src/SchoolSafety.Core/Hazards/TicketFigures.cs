using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Hazards;

/// <summary>The ticket figures the county dashboard shows, for any set of schools and period.</summary>
public sealed record TicketFigureSet(
    int Found, int Open, int Overdue, int MajorOpen, int Supervised, int Closed, double? ClosedOnTimePercent,
    double? MedianDaysToClose, int RepeatHazards, int Rejections);

/// <summary>
/// One query reads the few columns of every ticket found in the period at the given schools; the
/// figures are then counted in memory (a median and the repeat rule do not translate the same way
/// on three databases). A repeat hazard is a ticket for the same school and checklist item found
/// within 8 weeks after an earlier one was closed.
/// </summary>
public sealed class TicketFigures(AppDbContext db)
{
    public const int RepeatWindowDays = 56;

    public sealed record Row(int SchoolId, int? ItemId, HazardGrade Grade, HazardStatus Status, bool IsSupervised,
        DateOnly Deadline, DateTime FoundAt, DateTime? ClosedAt, int Rejections);

    public async Task<TicketFigureSet> ForAsync(IQueryable<School> schools, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct = default)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        var ids = schools.Select(s => s.Id);
        var rows = await db.HazardTickets.AsNoTracking()
            .Where(t => ids.Contains(t.SchoolId) && t.FoundAt >= start && t.FoundAt < end)
            .Select(t => new Row(t.SchoolId, t.ChecklistItemId, t.Grade, t.Status, t.IsSupervised, t.Deadline, t.FoundAt, t.ClosedAt,
                t.Events.Count(e => e.Kind == TicketEventKind.Rejected)))
            .ToListAsync(ct);
        return Count(rows, today);
    }

    public static TicketFigureSet Count(IReadOnlyList<Row> rows, DateOnly today)
    {
        var open = rows.Where(r => r.Status != HazardStatus.Closed).ToList();
        var closed = rows.Where(r => r.Status == HazardStatus.Closed && r.ClosedAt is not null).ToList();
        var onTime = closed.Count(r => DateOnly.FromDateTime(ChinaTime.FromUtc(r.ClosedAt!.Value)) <= r.Deadline);
        var days = closed.Select(r => (r.ClosedAt!.Value - r.FoundAt).TotalDays).Order().ToList();
        double? median = days.Count == 0 ? null
            : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        // Looked up by school and item: a province has hundreds of thousands of tickets a term.
        var closedByItem = closed.Where(c => c.ItemId is not null).ToLookup(c => (c.SchoolId, c.ItemId));
        var repeats = rows.Count(r => r.ItemId is not null && closedByItem[(r.SchoolId, r.ItemId)].Any(c =>
            c.ClosedAt < r.FoundAt && r.FoundAt <= c.ClosedAt!.Value.AddDays(RepeatWindowDays)));
        return new TicketFigureSet(
            rows.Count, open.Count, open.Count(r => today > r.Deadline), open.Count(r => r.Grade == HazardGrade.Major),
            open.Count(r => r.IsSupervised), closed.Count,
            closed.Count == 0 ? null : Math.Round(100.0 * onTime / closed.Count, 1),
            median is null ? null : Math.Round(median.Value, 1), repeats, rows.Sum(r => r.Rejections));
    }
}
