using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Drills;

/// <summary>One school's drills in its current term, against the frequency rule and the standard.</summary>
public sealed record SchoolDrillStatus(School School, Term? Term, IReadOnlyList<DrillPeriod> Periods, int Drills, int MeetingStandard, int? MedianSeconds)
{
    /// <summary>Evacuation times of the term's drills, in seconds, shortest first.</summary>
    public IReadOnlyList<int> Durations { get; init; } = [];

    public bool Compliant => Term is not null && DrillFrequency.Compliant(Periods);
    public IEnumerable<DrillPeriod> Missing => Periods.Where(p => p.Status == PeriodStatus.Missing);

    /// <summary>The period containing the day (this month, or this quarter for a kindergarten) has a drill.</summary>
    public bool DoneInPeriodOf(DateOnly day) => Periods.Any(p => p.Start <= day && day <= p.End && p.Drills > 0);
}

/// <summary>
/// Drill compliance for any set of schools: one query for the drills of the schools' current terms,
/// the rules applied in memory. Used by the school's page, the county's list and the dashboard.
/// </summary>
public sealed class DrillCompliance(AppDbContext db)
{
    public async Task<IReadOnlyList<SchoolDrillStatus>> ForAsync(IQueryable<School> schools, DateOnly today, CancellationToken ct = default)
    {
        var list = await schools.Include(s => s.Jurisdiction).OrderBy(s => s.Code).ToListAsync(ct);
        var terms = await db.Terms.Include(t => t.Jurisdiction).ToListAsync(ct);
        return await ForAsync(list, schools.Select(s => s.Id), terms, today, ct);
    }

    /// <param name="list">The schools, read with their jurisdiction.</param>
    /// <param name="ids">The same schools as a query (a subquery in SQL: a province has too many ids for a list).</param>
    /// <param name="terms">Every term, with its jurisdiction.</param>
    public async Task<IReadOnlyList<SchoolDrillStatus>> ForAsync(IReadOnlyList<School> list, IQueryable<int> ids, IReadOnlyList<Term> terms, DateOnly today,
        CancellationToken ct = default)
    {
        // The term is found once per node, not once per school (a province has 20,000 schools under 130 counties).
        var termAt = list.Select(s => s.Jurisdiction!.Path).Distinct().ToDictionary(p => p, p => Term.CurrentFor(terms, p, today));
        var termOf = list.ToDictionary(s => s.Id, s => termAt[s.Jurisdiction!.Path]);
        var from = termOf.Values.OfType<Term>().Select(t => t.Start).DefaultIfEmpty(today).Min();
        // Only what the frequency rule and the standard look at (a province reads tens of thousands of drills).
        var drills = await db.Drills.AsNoTracking().Where(d => ids.Contains(d.SchoolId) && d.Date >= from && d.Date <= today)
            .Select(d => new Drill
            {
                Id = d.Id, SchoolId = d.SchoolId, Date = d.Date, Floors = d.Floors, TargetSeconds = d.TargetSeconds, SignalAt = d.SignalAt, AllClearAt = d.AllClearAt,
                StudentsExpected = d.StudentsExpected, StudentsCounted = d.StudentsCounted, Injuries = d.Injuries,
                Evaluation = d.Evaluation,
            })
            .ToListAsync(ct);
        var bySchool = drills.ToLookup(d => d.SchoolId);

        return list.Select(s =>
        {
            var term = termOf[s.Id];
            if (term is null) return new SchoolDrillStatus(s, null, [], 0, 0, null);
            var mine = bySchool[s.Id].Where(d => d.Date >= term.Start && d.Date <= term.End).ToList();
            var periods = DrillFrequency.Periods(s.Type, term, mine.Select(d => d.Date), today);
            var durations = mine.Select(d => d.DurationSeconds).Order().ToList();
            return new SchoolDrillStatus(s, term, periods, mine.Count, mine.Count(d => DrillStandard.Assess(d).MeetsStandard), Median(durations)) { Durations = durations };
        }).ToList();
    }

    /// <summary>The median of sorted values (the mean of the middle two for an even count), or null for none.</summary>
    public static int? Median(IReadOnlyList<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
