using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SchoolSafety.Data;
using SchoolSafety.Defences;
using SchoolSafety.Drills;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Dashboard;

/// <summary>
/// Keeps <see cref="SchoolStanding"/> rows (ADR 0018). Like the term summaries, a save notes the schools whose defences,
/// drills, rules or terms it changes, and after it — in the same transaction, under a per-school lock — their standings
/// are judged again from the records by the feature pages' own rules (<see cref="DefenceFigures"/>,
/// <see cref="DrillCompliance"/>). Because the judgement also depends on the day, each row holds only through
/// <see cref="SchoolStanding.ValidThrough"/>: readers judge the schools whose row does not hold on their day in memory,
/// and <see cref="RefreshStaleAsync"/> (run by the background worker) writes those rows again.
/// </summary>
public static class SchoolStandings
{
    /// <summary>What a save changes: schools whose standing must be judged again (entities: their ids may be known only after the save), and nodes whose schools must.</summary>
    public sealed record Changes(IReadOnlyCollection<object> Entities, IReadOnlyCollection<int> Jurisdictions)
    {
        public bool IsEmpty => Entities.Count == 0 && Jurisdictions.Count == 0;
    }

    private static readonly string[] SchoolFacts = [nameof(School.Type), nameof(School.Students), nameof(School.BoardingStudents), nameof(School.JurisdictionId)];

    /// <summary>The standings a pending save affects (read from the change tracker before saving).</summary>
    public static Changes Touched(ChangeTracker tracker)
    {
        var entities = new List<object>();
        var jurisdictions = new HashSet<int>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case DefenceRecord or DefenceGuard or Drill:
                    entities.Add(entry.Entity);
                    break;
                case School when entry.State == EntityState.Added || SchoolFacts.Any(p => entry.Property(p).IsModified):
                    entities.Add(entry.Entity);
                    break;
                case StandardRuleSet r:
                    jurisdictions.Add(r.JurisdictionId);
                    break;
                case Term t:
                    jurisdictions.Add(t.JurisdictionId);
                    break;
            }
        }
        return new Changes(entities, jurisdictions);
    }

    /// <summary>Judges the touched schools again on the day; call after the save, inside its transaction.</summary>
    public static async Task RefreshAsync(AppDbContext db, Changes changes, DateOnly today, CancellationToken ct)
    {
        var ids = new HashSet<int>();
        var records = new List<int>();
        foreach (var entity in changes.Entities)
        {
            switch (entity)
            {
                case DefenceRecord r: ids.Add(r.SchoolId); break;
                case Drill d: ids.Add(d.SchoolId); break;
                case School s: ids.Add(s.Id); break;
                case DefenceGuard g: records.Add(g.RecordId); break;
            }
        }
        if (records.Count > 0)
            ids.UnionWith(await db.DefenceRecords.Where(r => records.Contains(r.Id)).Select(r => r.SchoolId).ToListAsync(ct));
        if (changes.Jurisdictions.Count > 0)
        {
            var paths = await db.Jurisdictions.Where(j => changes.Jurisdictions.Contains(j.Id)).Select(j => j.Path).ToListAsync(ct);
            foreach (var path in paths)
                ids.UnionWith(await db.Schools.Where(s => s.Jurisdiction!.Path.StartsWith(path)).Select(s => s.Id).ToListAsync(ct));
        }
        foreach (var chunk in ids.Order().Chunk(1000))
            await ReplaceAsync(db, chunk, today, ct);
    }

    /// <summary>
    /// Writes again the standings that do not hold on the day (or are missing), in transactions of 500 schools; returns
    /// how many were written. Safe on several instances at once: each school is judged under its lock.
    /// </summary>
    public static async Task<int> RefreshStaleAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var stale = await db.Schools.AsNoTracking()
            .Where(s => !db.SchoolStandings.Any(x => x.SchoolId == s.Id && x.JudgedOn <= today && today <= x.ValidThrough))
            .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        foreach (var chunk in stale.Chunk(500))
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await ReplaceAsync(db, chunk, today, ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        return stale.Count;
    }

    /// <summary>
    /// The standings on the day of the schools <paramref name="ids"/> selects (all of <paramref name="expected"/>), by
    /// school: the kept rows that hold that day, the others judged now from the records (not written: a reader does not write).
    /// </summary>
    public static async Task<Dictionary<int, SchoolStanding>> ReadAsync(AppDbContext db, IQueryable<int> ids, IReadOnlyCollection<int> expected, DateOnly today,
        CancellationToken ct)
    {
        var kept = await db.SchoolStandings.AsNoTracking()
            .Where(x => ids.Contains(x.SchoolId) && x.JudgedOn <= today && today <= x.ValidThrough)
            .ToDictionaryAsync(x => x.SchoolId, ct);
        var stale = expected.Where(id => !kept.ContainsKey(id)).ToList();
        if (stale.Count == 0) return kept;
        var query = stale.Count == expected.Count ? db.Schools.Where(s => ids.Contains(s.Id)) : db.Schools.Where(s => stale.Contains(s.Id));
        var list = await query.AsNoTracking().Include(s => s.Jurisdiction).OrderBy(s => s.Id).ToListAsync(ct);
        foreach (var standing in await JudgeAsync(db, list, query.Select(s => s.Id), today, ct)) kept[standing.SchoolId] = standing;
        return kept;
    }

    /// <summary>
    /// Judges the schools on the day from their records, and works out until when each judgement holds: the end of the
    /// year (guards' ages), the day before a fire-equipment service falls due, the end of the current drill period, the
    /// day before a later term, rule set, defence record or drill takes effect.
    /// </summary>
    public static async Task<List<SchoolStanding>> JudgeAsync(AppDbContext db, IReadOnlyList<School> list, IQueryable<int> ids, DateOnly today, CancellationToken ct)
    {
        var terms = await db.Terms.AsNoTracking().Include(t => t.Jurisdiction).ToListAsync(ct);
        var defences = await new DefenceFigures(db).StatusesAsync(list, ids, today, ct);
        var drills = (await new DrillCompliance(db).ForAsync(list, ids, terms, today, ct)).ToDictionary(d => d.School.Id);
        var sets = await db.StandardRuleSets.AsNoTracking().Include(r => r.Jurisdiction).Where(r => r.EffectiveFrom > today).ToListAsync(ct);
        var laterRecord = await db.DefenceRecords.Where(r => ids.Contains(r.SchoolId) && r.EffectiveFrom > today)
            .GroupBy(r => r.SchoolId).Select(g => new { g.Key, First = g.Min(r => r.EffectiveFrom) }).ToDictionaryAsync(x => x.Key, x => x.First, ct);
        var laterDrill = await db.Drills.Where(d => ids.Contains(d.SchoolId) && d.Date > today)
            .GroupBy(d => d.SchoolId).Select(g => new { g.Key, First = g.Min(d => d.Date) }).ToDictionaryAsync(x => x.Key, x => x.First, ct);

        var yearEnd = new DateOnly(today.Year, 12, 31);
        return defences.Select(defence =>
        {
            var school = defence.School;
            var drill = drills[school.Id];
            var path = school.Jurisdiction!.Path;
            var through = yearEnd;
            void Before(DateOnly? day)
            {
                if (day is { } d && d.AddDays(-1) < through) through = d.AddDays(-1);
            }
            if (defence.Record?.FireEquipmentServicedOn is { } serviced && serviced.AddMonths(defence.Rules.FireServiceMonths) is var due && due >= today && due < through)
                through = due;
            Before(sets.Where(r => path.StartsWith(r.Jurisdiction!.Path, StringComparison.Ordinal)).Select(r => (DateOnly?)r.EffectiveFrom).Min());
            Before(laterRecord.TryGetValue(school.Id, out var record) ? record : null);
            Before(laterDrill.TryGetValue(school.Id, out var drillDay) ? drillDay : null);
            Before(terms.Where(t => t.Start > today && path.StartsWith(t.Jurisdiction!.Path, StringComparison.Ordinal)).Select(t => (DateOnly?)t.Start).Min());
            if (drill.Periods.FirstOrDefault(p => p.End >= today) is { } period && period.End < through) through = period.End;
            return SchoolStanding.Of(defence, drill, today, through);
        }).ToList();
    }

    /// <summary>Judges the schools again and replaces their rows, after taking their locks in order.</summary>
    private static async Task ReplaceAsync(AppDbContext db, IReadOnlyList<int> ids, DateOnly today, CancellationToken ct)
    {
        foreach (var id in ids) await SchoolLocks.TakeAsync(db, SchoolLocks.Standing, id, ct);
        var query = db.Schools.Where(s => ids.Contains(s.Id));
        var list = await query.AsNoTracking().Include(s => s.Jurisdiction).OrderBy(s => s.Id).ToListAsync(ct);
        var rows = await JudgeAsync(db, list, query.Select(s => s.Id), today, ct);
        await db.SchoolStandings.Where(x => ids.Contains(x.SchoolId)).ExecuteDeleteAsync(ct);
        db.SchoolStandings.AddRange(rows);
        await db.SaveChangesAsync(ct);
        foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
    }
}
