using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Education;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Dashboard;

/// <summary>
/// Keeps <see cref="SchoolTermSummary"/> rows in step with the records (ADR 0017). <see cref="AppDbContext"/> calls
/// <see cref="Touched"/> before a save and <see cref="RefreshAsync"/> after it, in the same transaction: the summaries of
/// the schools and terms whose inspections, tickets or education records changed are computed again from the records
/// (never incremented, so they cannot drift), under a per-school lock so that two saves for one school cannot
/// overwrite each other with stale counts. A saved term or a school moved to another county rebuilds the summaries
/// concerned; rows inserted around <c>SaveChanges</c> (the province generator's bulk rows) are summarised by
/// <see cref="RebuildAsync"/> once written.
/// </summary>
public static class SchoolTermSummaries
{
    /// <summary>What a save changes: school-days whose term summary must be computed again, and schools to rebuild entirely.</summary>
    public sealed record Changes(IReadOnlyCollection<(int SchoolId, DateOnly Day)> Days, IReadOnlyCollection<int> Schools, IReadOnlyCollection<int> Jurisdictions)
    {
        public bool IsEmpty => Days.Count == 0 && Schools.Count == 0 && Jurisdictions.Count == 0;
    }

    /// <summary>The summaries a pending save affects (read from the change tracker before saving).</summary>
    public static Changes Touched(ChangeTracker tracker)
    {
        var days = new HashSet<(int, DateOnly)>();
        var schools = new HashSet<int>();
        var jurisdictions = new HashSet<int>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Inspection { CampaignId: null } i:
                    // A special inspection (campaign) is not a week's. A week belongs to the terms holding any of its school days: its Monday or its Friday.
                    days.Add((i.SchoolId, i.Week.Monday));
                    days.Add((i.SchoolId, i.Week.Monday.AddDays(4)));
                    break;
                case HazardTicket t:
                    days.Add((t.SchoolId, t.FoundOn));
                    break;
                case EducationRecord e:
                    days.Add((e.SchoolId, e.Date));
                    if (entry.State == EntityState.Modified && entry.Property(nameof(EducationRecord.Date)).OriginalValue is DateOnly before)
                        days.Add((e.SchoolId, before));
                    break;
                case Term t:
                    jurisdictions.Add(t.JurisdictionId);
                    break;
                case School s when entry.State == EntityState.Modified && entry.Property(nameof(School.JurisdictionId)).IsModified:
                    schools.Add(s.Id);
                    break;
            }
        }
        return new Changes(days, schools, jurisdictions);
    }

    /// <summary>The schools' summaries of the term starting on the day, by school.</summary>
    public static Task<Dictionary<int, SchoolTermSummary>> ReadAsync(AppDbContext db, IQueryable<int> schoolIds, DateOnly termStart, CancellationToken ct) =>
        db.SchoolTermSummaries.AsNoTracking().Where(s => schoolIds.Contains(s.SchoolId) && s.TermStart == termStart).ToDictionaryAsync(s => s.SchoolId, ct);

    /// <summary>Computes the touched summaries again; call after the save, inside its transaction.</summary>
    public static async Task RefreshAsync(AppDbContext db, Changes changes, CancellationToken ct)
    {
        var rebuild = changes.Schools.ToHashSet();
        if (changes.Jurisdictions.Count > 0)
        {
            var paths = await db.Jurisdictions.Where(j => changes.Jurisdictions.Contains(j.Id)).Select(j => j.Path).ToListAsync(ct);
            foreach (var path in paths)
                rebuild.UnionWith(await db.Schools.Where(s => s.Jurisdiction!.Path.StartsWith(path)).Select(s => s.Id).ToListAsync(ct));
        }
        var bySchool = changes.Days.Where(d => !rebuild.Contains(d.SchoolId)).GroupBy(d => d.SchoolId).ToDictionary(g => g.Key, g => g.Select(d => d.Day).ToList());
        var ids = bySchool.Keys.Concat(rebuild).Order().ToList();
        foreach (var id in ids) await SchoolLocks.TakeAsync(db, SchoolLocks.Summary, id, ct);   // in one order, so that two saves cannot wait for each other

        var schools = await db.Schools.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Jurisdiction!.Path }).ToListAsync(ct);
        var terms = await TermsAsync(db, ct);
        var work = schools.Select(s => (s.Id, Terms: rebuild.Contains(s.Id)
                ? TermsOf(terms, s.Path).ToList()
                : bySchool[s.Id].Select(d => TermOn(terms, s.Path, d)).OfType<Term>().DistinctBy(t => t.Start).ToList()))
            .ToList();
        await ReplaceAsync(db, work, whole: rebuild, ct);
    }

    /// <summary>Computes every summary of the schools again (after bulk inserts, or for a database that has none yet).</summary>
    public static async Task RebuildAsync(AppDbContext db, IQueryable<int> schoolIds, CancellationToken ct)
    {
        var terms = await TermsAsync(db, ct);
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Jurisdiction!.Path }).ToListAsync(ct);
        foreach (var chunk in schools.Chunk(1000))
            await ReplaceAsync(db, chunk.Select(s => (s.Id, TermsOf(terms, s.Path).ToList())).ToList(), chunk.Select(s => s.Id).ToHashSet(), ct);
    }

    /// <summary>Rebuilds every summary when there are none but there are records (a database from before the summaries).</summary>
    public static async Task EnsureBuiltAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.SchoolTermSummaries.AnyAsync(ct)) return;
        if (!await db.Inspections.AnyAsync(ct) && !await db.HazardTickets.AnyAsync(ct) && !await db.EducationRecords.AnyAsync(ct)) return;
        await RebuildAsync(db, db.Schools.Select(s => s.Id), ct);
    }

    /// <summary>The term of a school's that contains the day (the latest-starting one if several do).</summary>
    private static Term? TermOn(IEnumerable<Term> terms, string schoolPath, DateOnly day) =>
        TermsOf(terms, schoolPath).Where(t => t.Start <= day && day <= t.End).MaxBy(t => t.Start);

    private static IEnumerable<Term> TermsOf(IEnumerable<Term> terms, string schoolPath) =>
        terms.Where(t => schoolPath.StartsWith(t.Jurisdiction!.Path, StringComparison.Ordinal)).DistinctBy(t => t.Start);

    private static Task<List<Term>> TermsAsync(AppDbContext db, CancellationToken ct) =>
        db.Terms.AsNoTracking().Include(t => t.Jurisdiction).OrderBy(t => t.Start).ToListAsync(ct);

    /// <summary>
    /// Replaces the summaries of the schools' terms: for the schools in <paramref name="whole"/> every summary of theirs,
    /// for the others those of the terms listed.
    /// </summary>
    private static async Task ReplaceAsync(AppDbContext db, IReadOnlyList<(int Id, List<Term> Terms)> work, IReadOnlySet<int> whole, CancellationToken ct)
    {
        if (work.Count == 0) return;
        var ids = work.Select(w => w.Id).ToList();
        var from = work.SelectMany(w => w.Terms).Select(t => t.Start).DefaultIfEmpty(DateOnly.MaxValue).Min();
        var to = work.SelectMany(w => w.Terms).Select(t => t.End).DefaultIfEmpty(DateOnly.MinValue).Max();
        var (firstWeek, lastWeek) = (SchoolWeek.Of(from).Number, SchoolWeek.Of(to).Number);

        var weeks = (await db.Inspections.AsNoTracking()
                .Where(i => ids.Contains(i.SchoolId) && i.IsCurrent && i.Status != InspectionStatus.Draft && i.WeekNumber >= firstWeek && i.WeekNumber <= lastWeek)
                .Select(i => new { i.SchoolId, i.WeekNumber }).ToListAsync(ct))
            .ToLookup(i => i.SchoolId, i => i.WeekNumber);
        var tickets = (await db.HazardTickets.AsNoTracking()
                .Where(r => ids.Contains(r.SchoolId) && r.FoundOn >= from && r.FoundOn <= to)
                .Select(r => new
                {
                    r.SchoolId,
                    Facts = new SchoolTermSummary.TicketFacts(r.FoundOn, r.ClosedOn, r.Deadline, r.Status == HazardStatus.Closed, r.Rejections,
                        r.ChecklistItemId != null && db.HazardTickets.Any(c => c.SchoolId == r.SchoolId && c.ChecklistItemId == r.ChecklistItemId
                            && c.ClosedAt != null && c.ClosedAt < r.FoundAt && c.ClosedOn >= r.FoundOn.AddDays(-TicketFigures.RepeatWindowDays))),
                })
                .ToListAsync(ct))
            .ToLookup(t => t.SchoolId, t => t.Facts);
        var education = (await db.EducationRecords.AsNoTracking()
                .Where(e => ids.Contains(e.SchoolId) && e.Date >= from && e.Date <= to)
                .Select(e => new { e.SchoolId, Facts = new SchoolTermSummary.EducationFacts(e.Date, e.Kind == EducationKind.FirstLesson, e.Topics) })
                .ToListAsync(ct))
            .ToLookup(e => e.SchoolId, e => e.Facts);

        var wholeIds = ids.Where(whole.Contains).ToList();
        await db.SchoolTermSummaries.Where(s => wholeIds.Contains(s.SchoolId)).ExecuteDeleteAsync(ct);
        foreach (var (id, terms) in work.Where(w => !whole.Contains(w.Id)))
        {
            var starts = terms.Select(t => t.Start).ToList();
            await db.SchoolTermSummaries.Where(s => s.SchoolId == id && starts.Contains(s.TermStart)).ExecuteDeleteAsync(ct);
        }

        var rows = work.SelectMany(w => w.Terms.Select(t => SchoolTermSummary.Compute(w.Id, t, weeks[w.Id], tickets[w.Id], education[w.Id])))
            .OfType<SchoolTermSummary>().ToList();
        db.SchoolTermSummaries.AddRange(rows);
        await db.SaveChangesAsync(ct);
        foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
    }
}
