using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Schools;

namespace SchoolSafety.Ledger;

/// <summary>A school's institutional documents: the required types it has no version of.</summary>
public sealed record SchoolDocumentStatus(School School, IReadOnlyList<RequiredDocumentType> Missing, int Required)
{
    public int Present => Required - Missing.Count;
    public bool IsComplete => Missing.Count == 0;
}

/// <summary>A school's responsibility letters of one year, at both levels (null: not recorded).</summary>
public sealed record SchoolLetterStatus(School School, ResponsibilityLetter? County, ResponsibilityLetter? Staff)
{
    public bool CountySigned => County is not null;
    public bool StaffComplete => Staff is { IsComplete: true };
    public bool IsComplete => CountySigned && StaffComplete;
}

/// <summary>
/// Where schools stand with their ledger, for the county's lists and the school file. Each method
/// takes the schools already narrowed to the user's scope and filters; the figures are computed for
/// exactly those schools.
/// </summary>
public static class LedgerStatus
{
    /// <summary>The document types every school must keep now, in their order.</summary>
    public static Task<List<RequiredDocumentType>> RequiredTypesAsync(AppDbContext db, CancellationToken ct = default) =>
        db.RequiredDocumentTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);

    /// <summary>
    /// The dashboard's two ledger figures, counted by the database: schools missing one of the required document
    /// types, and schools without the year's letter with the bureau.
    /// </summary>
    public static async Task<(int MissingDocuments, int LetterNotSigned)> CountsAsync(AppDbContext db, IQueryable<int> schoolIds, int year, CancellationToken ct = default)
    {
        var required = (await RequiredTypesAsync(db, ct)).Select(t => t.Id).ToList();
        // Counted over the documents, not per school: the schools holding every required type, taken from all of them.
        var missing = required.Count == 0 ? 0 : await schoolIds.CountAsync(ct) - await db.SafetyDocuments
            .Where(d => schoolIds.Contains(d.SchoolId) && required.Contains(d.DocumentTypeId))
            .GroupBy(d => d.SchoolId)
            .CountAsync(g => g.Select(d => d.DocumentTypeId).Distinct().Count() >= required.Count, ct);
        var unsigned = await schoolIds.CountAsync(id => !db.ResponsibilityLetters.Any(l => l.SchoolId == id && l.Year == year && l.Level == LetterLevel.CountyToSchool), ct);
        return (missing, unsigned);
    }

    public static async Task<List<SchoolDocumentStatus>> DocumentsAsync(AppDbContext db, IQueryable<School> schools, CancellationToken ct = default)
    {
        var required = await RequiredTypesAsync(db, ct);
        var rows = await schools.AsNoTracking().OrderBy(s => s.Township).ThenBy(s => s.Code).ToListAsync(ct);
        var present = (await db.SafetyDocuments.Where(d => schools.Select(s => s.Id).Contains(d.SchoolId))
                .Select(d => new { d.SchoolId, d.DocumentTypeId }).Distinct().ToListAsync(ct))
            .ToLookup(p => p.SchoolId, p => p.DocumentTypeId);
        return rows.Select(s => new SchoolDocumentStatus(s, required.Where(t => !present[s.Id].Contains(t.Id)).ToList(), required.Count)).ToList();
    }

    public static async Task<List<SchoolLetterStatus>> LettersAsync(AppDbContext db, IQueryable<School> schools, int year, CancellationToken ct = default)
    {
        var rows = await schools.AsNoTracking().OrderBy(s => s.Township).ThenBy(s => s.Code).ToListAsync(ct);
        var letters = (await db.ResponsibilityLetters.AsNoTracking()
                .Where(l => l.Year == year && schools.Select(s => s.Id).Contains(l.SchoolId)).ToListAsync(ct))
            .ToLookup(l => l.SchoolId);
        return rows.Select(s => new SchoolLetterStatus(s,
            letters[s.Id].FirstOrDefault(l => l.Level == LetterLevel.CountyToSchool),
            letters[s.Id].FirstOrDefault(l => l.Level == LetterLevel.SchoolToStaff))).ToList();
    }

    /// <summary>The ids of the surroundings problems of these schools that recur (see <see cref="SurroundingsRecurrence"/>).</summary>
    public static async Task<IReadOnlySet<int>> RecurringIssuesAsync(AppDbContext db, IQueryable<School> schools, CancellationToken ct = default)
    {
        var observations = await db.SurroundingsIssues.Where(i => schools.Select(s => s.Id).Contains(i.SchoolId))
            .Select(i => new { i.Id, i.SchoolId, i.Kind, i.ObservedOn }).ToListAsync(ct);
        return SurroundingsRecurrence.Recurring(observations.Select(o => new SurroundingsRecurrence.Observation(o.Id, o.SchoolId, o.Kind, o.ObservedOn)));
    }
}
