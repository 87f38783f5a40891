using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Schools;

namespace SchoolSafety.Defences;

/// <summary>The outcome of saving a school's three-defences form: saved, refused with field errors, or refused because someone saved first.</summary>
public sealed record DefenceSaveResult(DefenceRecord? Saved, IReadOnlyDictionary<string, FieldError> Errors, DefenceRecord? StoredInstead)
{
    public bool IsConflict => Saved is null && Errors.Count == 0;
}

/// <summary>Reads a school's records and saves a new one that supersedes the current one.</summary>
public sealed class DefenceService(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public Task<DefenceRecord?> CurrentAsync(int schoolId, CancellationToken ct = default) =>
        db.DefenceRecords.Include(r => r.Guards).FirstOrDefaultAsync(r => r.SchoolId == schoolId && r.IsCurrent, ct);

    /// <summary>Every record of the school, newest first.</summary>
    public Task<List<DefenceRecord>> HistoryAsync(int schoolId, CancellationToken ct = default) =>
        db.DefenceRecords.AsNoTracking().Include(r => r.Guards).Where(r => r.SchoolId == schoolId)
            .OrderByDescending(r => r.Revision).ToListAsync(ct);

    /// <summary>The school measured on a day with the rules in force for it that day.</summary>
    public async Task<SchoolDefenceStatus> AssessAsync(School school, DefenceRecord? record, DateOnly on, CancellationToken ct = default)
    {
        var sets = await new DefenceFigures(db).RuleSetsAsync(ct);
        return DefenceRules.Assess(school, record, DefenceRules.RulesFor(school.Jurisdiction!.Path, sets, on), on);
    }

    /// <summary>
    /// Saves the form as the school's next record. The form names the revision it was opened on: if
    /// another record was saved since (or is saved at the same moment), nothing is saved and the
    /// stored record is returned, so the person can compare and save again.
    /// </summary>
    public async Task<DefenceSaveResult> RecordAsync(School school, DefenceInput input, string? userId, string? userName, CancellationToken ct = default)
    {
        var current = await CurrentAsync(school.Id, ct);
        if (current?.Revision != input.BaseRevision) return new(null, new Dictionary<string, FieldError>(), current);
        var errors = DefenceRules.Validate(input, Today, current?.EffectiveFrom);
        if (errors.Count > 0) return new(null, errors, null);

        var now = clock.GetUtcNow().UtcDateTime;
        var record = input.ToRecord(school.Id, (current?.Revision ?? 0) + 1, now, userId, userName);
        if (current is not null)
        {
            current.IsCurrent = false;
            current.SupersededAt = now;
            db.Entry(current).Property(r => r.RowVersion).OriginalValue = Decode(input.RowVersion);
        }
        db.DefenceRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // A concurrency token that no longer matches, or the same revision number saved a moment earlier.
            db.ChangeTracker.Clear();
            var stored = await CurrentAsync(school.Id, ct);
            if (e is not DbUpdateConcurrencyException && stored?.Revision == input.BaseRevision) throw;
            return new(null, new Dictionary<string, FieldError>(), stored);
        }
        return new(record, new Dictionary<string, FieldError>(), null);
    }

    private static byte[] Decode(string? value)
    {
        try { return Convert.FromBase64String(value ?? ""); }
        catch (FormatException) { return []; }
    }
}
