using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Files;
using SchoolSafety.Ledger;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Ledger;

public enum LetterFilter { All, CountyMissing, StaffMissing, Complete }

public sealed class LetterQuery : LedgerQuery
{
    public int? Year { get; set; }
    public LetterFilter Status { get; set; }
}

public sealed record LetterListViewModel(LetterQuery Query, int Year, Paged<SchoolLetterStatus> Schools,
    int CountySigned, int CountyMissing, int StaffIncomplete, int Complete, IReadOnlyList<string> Townships, IReadOnlyList<int> Years);

public sealed record SchoolLettersViewModel(School School, int Year, ResponsibilityLetter? County, ResponsibilityLetter? Staff,
    LetterInput CountyForm, LetterInput StaffForm, bool CanRecord, IReadOnlyList<ResponsibilityLetter> History, IReadOnlyList<int> Years, DateOnly Today)
{
    /// <summary>A refusal that belongs to no one field (someone else saved first).</summary>
    public string? Message { get; init; }
}

/// <summary>
/// Safety responsibility letters (安全责任书), signed every year county ↔ school (by the principal)
/// and school ↔ staff and classes. The county sees at once which schools have not signed this year.
/// </summary>
public sealed class LettersController(AppDbContext db, SchoolAccess access, FileStorage storage, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private DateOnly Today => ChinaTime.Today(clock);

    [HttpGet("Letters"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Index([FromQuery] LetterQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        var year = query.Year is { } y && LetterRules.IsValidYear(y, Today) ? y : Today.Year;
        var all = await LedgerStatus.LettersAsync(db, query.Apply(db.Schools.VisibleTo(scope)), year, ct);
        var shown = all.Where(s => query.Status switch
        {
            LetterFilter.CountyMissing => !s.CountySigned,
            LetterFilter.StaffMissing => !s.StaffComplete,
            LetterFilter.Complete => s.IsComplete,
            _ => true,
        }).ToList();
        return View(new LetterListViewModel(query, year, Paged<SchoolLetterStatus>.Of(shown, query.Page),
            all.Count(s => s.CountySigned), all.Count(s => !s.CountySigned), all.Count(s => !s.StaffComplete), all.Count(s => s.IsComplete),
            await db.Schools.VisibleTo(scope).Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct), Years()));
    }

    [HttpGet("Schools/{schoolId:int}/Letters"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> School(int schoolId, int? year, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        return View(await ModelAsync(school, year is { } y && LetterRules.IsValidYear(y, Today) ? y : Today.Year, null, null, ct));
    }

    /// <summary>Records (or corrects) the county ↔ school letter of a year; the principal's scanned copy is required.</summary>
    [HttpPost("Schools/{schoolId:int}/Letters/{year:int}/County"), Authorize(Policy = Policies.SchoolStaff)]
    [RequestSizeLimit(12 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
    public Task<IActionResult> RecordCounty(int schoolId, int year, [Bind(Prefix = "CountyForm")] LetterInput input, IFormFile? scan, CancellationToken ct) =>
        RecordAsync(schoolId, year, LetterLevel.CountyToSchool, "CountyForm", input, scan, ct);

    /// <summary>Records (or updates) how many staff and classes signed the school's letter of a year.</summary>
    [HttpPost("Schools/{schoolId:int}/Letters/{year:int}/Staff"), Authorize(Policy = Policies.SchoolStaff)]
    [RequestSizeLimit(12 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
    public Task<IActionResult> RecordStaff(int schoolId, int year, [Bind(Prefix = "StaffForm")] LetterInput input, IFormFile? scan, CancellationToken ct) =>
        RecordAsync(schoolId, year, LetterLevel.SchoolToStaff, "StaffForm", input, scan, ct);

    private async Task<IActionResult> RecordAsync(int schoolId, int year, LetterLevel level, string prefix, LetterInput input, IFormFile? scan, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null || !LetterRules.IsValidYear(year, Today)) return NotFound();
        var letter = await db.ResponsibilityLetters.FirstOrDefaultAsync(x => x.SchoolId == schoolId && x.Year == year && x.Level == level, ct);
        var hasScan = scan is { Length: > 0 } || letter?.ScanFileId is not null;
        ModelState.AddErrors(prefix, LetterRules.Validate(level, input, hasScan, Today), l);
        StoredFile? stored = null;
        if (ModelState.IsValid && scan is { Length: > 0 })
        {
            try
            {
                await using var stream = scan.OpenReadStream();
                stored = await storage.SaveDocumentAsync(stream, scan.Length, scan.FileName, school.Id, User.GetScope().UserId, ct);
            }
            catch (FileRejectedException e)
            {
                ModelState.AddModelError($"{prefix}.Scan", l[e.MessageKey, e.Args]);
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(School), await ModelAsync(school, year, level == LetterLevel.CountyToSchool ? input : null, level == LetterLevel.SchoolToStaff ? input : null, ct));
        }

        if (letter is null)
        {
            letter = new ResponsibilityLetter { SchoolId = school.Id, Year = year, Level = level };
            db.ResponsibilityLetters.Add(letter);
        }
        else
        {
            db.Entry(letter).Property(x => x.RowVersion).OriginalValue = LedgerForms.DecodeRowVersion(input.RowVersion);
        }
        letter.Apply(input);
        letter.RecordedAt = clock.GetUtcNow().UtcDateTime;
        letter.RecordedById = User.GetScope().UserId;
        letter.RecordedByName = User.GetDisplayName();
        if (stored is not null)
        {
            db.StoredFiles.Add(stored);
            letter.ScanFileId = stored.Id;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Someone else recorded or changed this letter first (a concurrency conflict, or the same letter created twice).
            if (stored is not null) storage.Delete(stored);
            if (e is not DbUpdateConcurrencyException && !await db.ResponsibilityLetters.AnyAsync(x => x.SchoolId == schoolId && x.Year == year && x.Level == level, ct)) throw;
            // What this user typed stays in the form, above the stored letter; saving again overwrites it knowingly.
            db.ChangeTracker.Clear();
            var fresh = await db.ResponsibilityLetters.AsNoTracking().FirstAsync(x => x.SchoolId == schoolId && x.Year == year && x.Level == level, ct);
            input.RowVersion = Convert.ToBase64String(fresh.RowVersion);
            ModelState.Remove($"{prefix}.RowVersion");
            Response.StatusCode = StatusCodes.Status409Conflict;
            var model = await ModelAsync(school, year, level == LetterLevel.CountyToSchool ? input : null, level == LetterLevel.SchoolToStaff ? input : null, ct);
            return View(nameof(School), model with { Message = l["Letter.Conflict"].Value });
        }
        TempData["Success"] = l["Letter.Saved"].Value;
        return Redirect($"/Schools/{schoolId}/Letters?year={year}");
    }

    private async Task<SchoolLettersViewModel> ModelAsync(School school, int year, LetterInput? county, LetterInput? staff, CancellationToken ct)
    {
        var letters = await db.ResponsibilityLetters.AsNoTracking().Include(x => x.ScanFile).Where(x => x.SchoolId == school.Id)
            .OrderByDescending(x => x.Year).ThenBy(x => x.Level).ToListAsync(ct);
        var countyLetter = letters.FirstOrDefault(x => x.Year == year && x.Level == LetterLevel.CountyToSchool);
        var staffLetter = letters.FirstOrDefault(x => x.Year == year && x.Level == LetterLevel.SchoolToStaff);
        return new SchoolLettersViewModel(school, year, countyLetter, staffLetter,
            county ?? FormOf(countyLetter, school.PrincipalName), staff ?? FormOf(staffLetter, null),
            await access.FindAsync(school.Id, SchoolOperations.Record, ct) is not null, letters, Years(), Today);
    }

    private LetterInput FormOf(ResponsibilityLetter? letter, string? signer) => letter is null
        ? new LetterInput { SignerName = signer }
        : new LetterInput
        {
            SignedOn = letter.SignedOn, SignerName = letter.SignerName, SignedCount = letter.SignedCount, TotalCount = letter.TotalCount,
            Note = letter.Note, RowVersion = Convert.ToBase64String(letter.RowVersion),
        };

    /// <summary>The years offered in the pickers: next year back to five years ago.</summary>
    private List<int> Years() => Enumerable.Range(0, 7).Select(i => Today.Year + 1 - i).ToList();
}
