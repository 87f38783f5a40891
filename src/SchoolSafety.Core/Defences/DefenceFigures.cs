using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Schools;

namespace SchoolSafety.Defences;

/// <summary>Guards required, present and short for a group of schools (a county, a township, a school type).</summary>
public sealed record GuardLine(string Key, int Schools, int Required, int Present, int Short);

/// <summary>The county's three-defences figures on one day, all derived from the schools' records and the rules.</summary>
public sealed record DefenceFigureSet(
    int Schools, int WithRecord, GuardLine Guards,
    IReadOnlyDictionary<GapKind, int> SchoolsWith, IReadOnlyDictionary<GapKind, int> CountOf,
    int BoardingSchools, int SchoolsWithCameras, int? RetentionMin, double? RetentionMedian, int? RetentionMax,
    IReadOnlyList<GuardLine> ByTownship, IReadOnlyList<GuardLine> ByType)
{
    public int SchoolsWithGap(GapKind kind) => SchoolsWith.GetValueOrDefault(kind);
    public int Count(GapKind kind) => CountOf.GetValueOrDefault(kind);
}

/// <summary>
/// What the county's figures count of one school: guards asked for and present, its gaps (kind and how many), and the
/// days of recording kept when it has cameras. Made from a judged <see cref="SchoolDefenceStatus"/> or from the
/// standing kept for the dashboard.
/// </summary>
public sealed record DefenceTally(School School, int GuardsRequired, int GuardsPresent, IReadOnlyList<(GapKind Kind, int Count)> Gaps, int? RetentionDays)
{
    public int GuardsShort => Math.Max(0, GuardsRequired - GuardsPresent);
    public bool Has(GapKind kind) => Gaps.Any(g => g.Kind == kind);
}

/// <summary>
/// Reads, for a set of schools and a day, the record each school had in force that day (one query:
/// the newest revision effective on or before the day) and every rule-set version, and measures each
/// school with <see cref="DefenceRules.Assess"/>. Counting happens in memory: a median and the
/// rule-set resolution do not translate the same way on three databases, and a county is a few
/// hundred schools.
/// </summary>
public sealed class DefenceFigures(AppDbContext db)
{
    public async Task<IReadOnlyList<SchoolDefenceStatus>> StatusesAsync(IQueryable<School> schools, DateOnly on, CancellationToken ct = default)
    {
        var active = schools.Where(s => s.IsActive);
        var list = await active.Include(s => s.Jurisdiction).AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        return await StatusesAsync(list, active.Select(s => s.Id), on, ct);
    }

    /// <param name="list">The active schools, read with their jurisdiction.</param>
    /// <param name="ids">The same schools as a query (a subquery in SQL).</param>
    public async Task<IReadOnlyList<SchoolDefenceStatus>> StatusesAsync(IReadOnlyList<School> list, IQueryable<int> ids, DateOnly on, CancellationToken ct = default)
    {
        var records = await db.DefenceRecords.AsNoTracking().Include(r => r.Guards)
            .Where(r => ids.Contains(r.SchoolId) && r.EffectiveFrom <= on
                        && !db.DefenceRecords.Any(n => n.SchoolId == r.SchoolId && n.Revision > r.Revision && n.EffectiveFrom <= on))
            .ToListAsync(ct);
        var bySchool = records.ToDictionary(r => r.SchoolId);
        var sets = await RuleSetsAsync(ct);
        // The rules are resolved once per node, not once per school (a province has 20,000 schools under 130 counties).
        var rules = list.Select(s => s.Jurisdiction!.Path).Distinct().ToDictionary(p => p, p => DefenceRules.RulesFor(p, sets, on));
        return list.Select(s => DefenceRules.Assess(s, bySchool.GetValueOrDefault(s.Id), rules[s.Jurisdiction!.Path], on)).ToList();
    }

    /// <summary>Every version of every node, with its node: few rows, used to resolve the rules of each school.</summary>
    public async Task<List<StandardRuleSet>> RuleSetsAsync(CancellationToken ct = default) =>
        await db.StandardRuleSets.AsNoTracking().Include(r => r.Jurisdiction).ToListAsync(ct);

    public static DefenceFigureSet Count(IEnumerable<SchoolDefenceStatus> statuses) => Count(statuses.Select(s => s.Tally).ToList());

    public static DefenceFigureSet Count(IReadOnlyList<DefenceTally> schools)
    {
        var schoolsWith = new Dictionary<GapKind, int>();
        var countOf = new Dictionary<GapKind, int>();
        foreach (var gap in schools.SelectMany(s => s.Gaps))
        {
            schoolsWith[gap.Kind] = schoolsWith.GetValueOrDefault(gap.Kind) + 1;
            countOf[gap.Kind] = countOf.GetValueOrDefault(gap.Kind) + gap.Count;
        }
        var retention = schools.Where(s => s.RetentionDays is not null).Select(s => s.RetentionDays!.Value).Order().ToList();
        double? median = retention.Count == 0 ? null
            : retention.Count % 2 == 1 ? retention[retention.Count / 2] : (retention[retention.Count / 2 - 1] + retention[retention.Count / 2]) / 2.0;
        return new DefenceFigureSet(
            schools.Count, schools.Count(s => !s.Has(GapKind.NoRecord)), Line("", schools),
            schoolsWith, countOf,
            schools.Count(s => s.School.BoardingStudents > 0), retention.Count,
            retention.Count == 0 ? null : retention[0], median, retention.Count == 0 ? null : retention[^1],
            schools.GroupBy(s => s.School.Township).Select(g => Line(g.Key, g)).OrderByDescending(l => l.Short).ThenBy(l => l.Key).ToList(),
            schools.GroupBy(s => s.School.Type).OrderBy(g => g.Key).Select(g => Line(g.Key.ToString(), g)).ToList());
    }

    /// <summary>
    /// One line of the guard figures. "Short" adds up each school's own shortage: a school with more
    /// guards than it needs does not fill another school's gap.
    /// </summary>
    private static GuardLine Line(string key, IEnumerable<DefenceTally> group)
    {
        var list = group.ToList();
        return new GuardLine(key, list.Count, list.Sum(s => s.GuardsRequired), list.Sum(s => s.GuardsPresent), list.Sum(s => s.GuardsShort));
    }
}
