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

public enum ComplianceFilter { All, Missing, Complete }

public sealed class DocumentQuery : LedgerQuery
{
    public ComplianceFilter Status { get; set; }

    /// <summary>Only schools missing this document type.</summary>
    public int? Missing { get; set; }
}

public sealed record DocumentListViewModel(DocumentQuery Query, Paged<SchoolDocumentStatus> Schools, int Complete, int Incomplete,
    IReadOnlyList<RequiredDocumentType> Types, IReadOnlyDictionary<int, int> MissingByType, IReadOnlyList<string> Townships);

/// <summary>One required (or retired) type on a school's page: its current version and every version.</summary>
public sealed record DocumentTypeRow(RequiredDocumentType Type, SafetyDocument? Current, IReadOnlyList<SafetyDocument> Versions);

public sealed record SchoolDocumentsViewModel(School School, IReadOnlyList<DocumentTypeRow> Required, IReadOnlyList<DocumentTypeRow> Retired,
    bool CanRecord, NewDocumentVersion Input, DateOnly Today);

public sealed record DocumentTypesViewModel(IReadOnlyList<RequiredDocumentType> Types, DocumentTypeForm Input, int? EditingId);

public sealed class DocumentTypeForm
{
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public string? RowVersion { get; set; }
}

/// <summary>
/// The institutional documents (制度台账): schools upload versions of each required document; the
/// county sees which schools miss any; administrators keep the list of required documents.
/// </summary>
public sealed class DocumentsController(AppDbContext db, SchoolAccess access, FileStorage storage, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The county list: every school of the scope with the documents it misses.</summary>
    [HttpGet("Documents"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Index([FromQuery] DocumentQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        var all = await LedgerStatus.DocumentsAsync(db, query.Apply(db.Schools.VisibleTo(scope)), ct);
        var types = await LedgerStatus.RequiredTypesAsync(db, ct);
        var shown = all.Where(s => query.Status switch
        {
            ComplianceFilter.Missing => !s.IsComplete,
            ComplianceFilter.Complete => s.IsComplete,
            _ => true,
        }).Where(s => query.Missing is not { } typeId || s.Missing.Any(t => t.Id == typeId)).ToList();
        return View(new DocumentListViewModel(query, Paged<SchoolDocumentStatus>.Of(shown, query.Page),
            all.Count(s => s.IsComplete), all.Count(s => !s.IsComplete), types,
            types.ToDictionary(t => t.Id, t => all.Count(s => s.Missing.Any(m => m.Id == t.Id))),
            await db.Schools.VisibleTo(scope).Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct)));
    }

    /// <summary>A school's documents: the current version of each and the history.</summary>
    [HttpGet("Schools/{schoolId:int}/Documents"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> School(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        return View(await ModelAsync(school, new NewDocumentVersion { EffectiveOn = Today }, ct));
    }

    /// <summary>Uploads a new version of one document; the type and effective date are checked, the file by its bytes.</summary>
    [HttpPost("Schools/{schoolId:int}/Documents"), Authorize(Policy = Policies.SchoolStaff)]
    [RequestSizeLimit(12 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
    public async Task<IActionResult> Upload(int schoolId, [Bind(Prefix = "Input")] NewDocumentVersion input, IFormFile? file, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        var typeIsActive = input.DocumentTypeId is { } typeId && await db.RequiredDocumentTypes.AnyAsync(t => t.Id == typeId && t.IsActive, ct);
        ModelState.AddErrors("Input", DocumentRules.Validate(input, typeIsActive, file is { Length: > 0 }, Today), l);
        StoredFile? stored = null;
        if (ModelState.IsValid)
        {
            try
            {
                await using var stream = file!.OpenReadStream();
                stored = await storage.SaveDocumentAsync(stream, file.Length, file.FileName, school.Id, User.GetScope().UserId, ct);
            }
            catch (FileRejectedException e)
            {
                ModelState.AddModelError("File", l[e.MessageKey, e.Args]);
            }
        }
        if (!ModelState.IsValid || stored is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(School), await ModelAsync(school, input, ct));
        }

        db.StoredFiles.Add(stored);
        db.SafetyDocuments.Add(new SafetyDocument
        {
            SchoolId = school.Id, DocumentTypeId = input.DocumentTypeId!.Value, EffectiveOn = input.EffectiveOn!.Value, FileId = stored.Id,
            Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedById = User.GetScope().UserId, UploadedByName = User.GetDisplayName(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            storage.Delete(stored);
            throw;
        }
        TempData["Success"] = l["Document.Uploaded"].Value;
        return RedirectToAction(nameof(School), new { schoolId });
    }

    private async Task<SchoolDocumentsViewModel> ModelAsync(School school, NewDocumentVersion input, CancellationToken ct)
    {
        var versions = await db.SafetyDocuments.AsNoTracking().Include(d => d.File).Where(d => d.SchoolId == school.Id).ToListAsync(ct);
        var types = await db.RequiredDocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        DocumentTypeRow Row(RequiredDocumentType t)
        {
            var mine = versions.Where(v => v.DocumentTypeId == t.Id).ToList();
            return new DocumentTypeRow(t, DocumentRules.Current(mine),
                mine.OrderByDescending(v => v.EffectiveOn).ThenByDescending(v => v.UploadedAt).ThenByDescending(v => v.Id).ToList());
        }
        return new SchoolDocumentsViewModel(school,
            types.Where(t => t.IsActive).Select(Row).ToList(),
            types.Where(t => !t.IsActive && versions.Any(v => v.DocumentTypeId == t.Id)).Select(Row).ToList(),
            await access.FindAsync(school.Id, SchoolOperations.Record, ct) is not null, input, Today);
    }

    /// <summary>The list of required documents, for administrators: add, rename, reorder, retire.</summary>
    [HttpGet("Documents/Types"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Types(CancellationToken ct) =>
        View(new DocumentTypesViewModel(await AllTypesAsync(ct), new DocumentTypeForm { SortOrder = await NextSortOrderAsync(ct) }, null));

    [HttpPost("Documents/Types"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> AddType([Bind(Prefix = "Input")] DocumentTypeForm input, CancellationToken ct)
    {
        await ValidateTypeAsync(input, null, ct);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Types), new DocumentTypesViewModel(await AllTypesAsync(ct), input, null));
        }
        db.RequiredDocumentTypes.Add(new RequiredDocumentType { Name = input.Name!.Trim(), NameEn = input.NameEn?.Trim(), SortOrder = input.SortOrder, IsActive = true });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Document.TypeAdded", input.Name!.Trim()].Value;
        return RedirectToAction(nameof(Types));
    }

    /// <summary>Renames, reorders, retires or brings back one type; two administrators at once: the second is told.</summary>
    [HttpPost("Documents/Types/{id:int}"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> EditType(int id, [Bind(Prefix = "Input")] DocumentTypeForm input, CancellationToken ct)
    {
        var type = await db.RequiredDocumentTypes.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (type is null) return NotFound();
        await ValidateTypeAsync(input, id, ct);
        if (ModelState.IsValid)
        {
            type.Name = input.Name!.Trim();
            type.NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? null : input.NameEn.Trim();
            type.SortOrder = input.SortOrder;
            type.IsActive = input.IsActive;
            db.Entry(type).Property(t => t.RowVersion).OriginalValue = LedgerForms.DecodeRowVersion(input.RowVersion);
            try
            {
                await db.SaveChangesAsync(ct);
                TempData["Success"] = l["Saved"].Value;
                return RedirectToAction(nameof(Types));
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError("", l["Document.TypeConflict"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(nameof(Types), new DocumentTypesViewModel(await AllTypesAsync(ct), new DocumentTypeForm { SortOrder = await NextSortOrderAsync(ct) }, null));
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Types), new DocumentTypesViewModel(await AllTypesAsync(ct), input, id));
    }

    private async Task ValidateTypeAsync(DocumentTypeForm input, int? id, CancellationToken ct)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) ModelState.AddModelError("Input.Name", l["Document.TypeNameRequired"]);
        else if (name.Length > RequiredDocumentType.NameMaxLength) ModelState.AddModelError("Input.Name", l["Validation.MaxLength", l["Document.TypeName"], RequiredDocumentType.NameMaxLength]);
        else if (await db.RequiredDocumentTypes.AnyAsync(t => t.Name == name && t.Id != id, ct)) ModelState.AddModelError("Input.Name", l["Document.TypeNameTaken"]);
        if (input.NameEn?.Trim().Length > RequiredDocumentType.NameEnMaxLength) ModelState.AddModelError("Input.NameEn", l["Validation.MaxLength", l["Document.TypeNameEn"], RequiredDocumentType.NameEnMaxLength]);
    }

    private Task<List<RequiredDocumentType>> AllTypesAsync(CancellationToken ct) =>
        db.RequiredDocumentTypes.AsNoTracking().OrderByDescending(t => t.IsActive).ThenBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);

    private async Task<int> NextSortOrderAsync(CancellationToken ct) =>
        (await db.RequiredDocumentTypes.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 1;
}
