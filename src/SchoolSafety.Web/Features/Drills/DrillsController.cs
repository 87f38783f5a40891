using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Drills;
using SchoolSafety.Files;
using SchoolSafety.Hazards;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Drills;

public sealed record DrillIndexViewModel(School School, SchoolDrillStatus Status, IReadOnlyList<Drill> Drills, DateOnly Today, bool CanRecord);

public sealed record DrillFormViewModel(School School, DrillForm Form, int? Id, Drill? Current);

public sealed record DrillDetailsViewModel(Drill Drill, DrillAssessment Assessment, IReadOnlyList<StoredFile> Photos, IReadOnlyList<HazardTicket> Tickets, bool CanRecord);

public sealed class DrillComplianceQuery : Ledger.LedgerQuery
{
    /// <summary>Only schools with a month (quarter) of term that ended without a drill.</summary>
    public bool OnlyMissing { get; set; }

    /// <summary>Only schools with no drill yet in the current month (quarter).</summary>
    public bool NoneThisPeriod { get; set; }
}

public sealed record DrillComplianceViewModel(DrillComplianceQuery Query, IReadOnlyList<SchoolDrillStatus> Rows, int Schools, int Compliant,
    int DoneThisPeriod, IReadOnlyList<string> Townships, DateOnly Today);

/// <summary>Emergency drills (应急演练): schools record them, the standard and the frequency rule judge them, the bureau sees every school.</summary>
public sealed class DrillsController(AppDbContext db, SchoolAccess access, DrillCompliance compliance, FileStorage storage,
    PhotoLimit photoLimit, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private DateOnly Today => ChinaTime.Today(clock);

    [HttpGet("Schools/{schoolId:int}/Drills"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Index(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        var status = (await compliance.ForAsync(db.Schools.Where(s => s.Id == schoolId), Today, ct)).Single();
        var drills = await db.Drills.AsNoTracking().Where(d => d.SchoolId == schoolId).OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).Take(100).ToListAsync(ct);
        var canRecord = await access.FindAsync(schoolId, SchoolOperations.Record, ct) is not null;
        return View(new DrillIndexViewModel(school, status, drills, Today, canRecord));
    }

    [HttpGet("Schools/{schoolId:int}/Drills/Create"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> Create(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        var form = new DrillForm
        {
            Date = Today, Floors = school.TallestBuildingFloors > 0 ? school.TallestBuildingFloors : null,
            StudentsExpected = school.Students, Injuries = 0,
            // A school above 4 floors keeps its own target: start from the last one it recorded.
            TargetSeconds = await db.Drills.Where(d => d.SchoolId == schoolId && d.TargetSeconds != null).OrderByDescending(d => d.Date)
                .Select(d => d.TargetSeconds).FirstOrDefaultAsync(ct),
        };
        return View("Form", new DrillFormViewModel(school, form, null, null));
    }

    [HttpPost("Schools/{schoolId:int}/Drills/Create"), Authorize(Policy = Policies.SchoolStaff)]
    [RequestSizeLimit(60 * 1024 * 1024), RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
    public async Task<IActionResult> Create(int schoolId, [Bind(Prefix = "Form")] DrillForm form, List<IFormFile>? photos, IFormFile? plan, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        var drill = new Drill { SchoolId = school.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = User.GetScope().UserId };
        return await SaveAsync(school, drill, form, photos, plan, isNew: true, ct);
    }

    [HttpGet("Drills/Edit/{id:int}"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var (drill, school) = await LoadAsync(id, SchoolOperations.Record, ct);
        if (drill is null) return NotFound();
        return View("Form", new DrillFormViewModel(school!, DrillForm.Of(drill), drill.Id, null));
    }

    [HttpPost("Drills/Edit/{id:int}"), Authorize(Policy = Policies.SchoolStaff)]
    [RequestSizeLimit(60 * 1024 * 1024), RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Form")] DrillForm form, List<IFormFile>? photos, IFormFile? plan, CancellationToken ct)
    {
        var (drill, school) = await LoadAsync(id, SchoolOperations.Record, ct);
        if (drill is null) return NotFound();
        db.Entry(drill).Property(d => d.RowVersion).OriginalValue = Decode(form.RowVersion);
        return await SaveAsync(school!, drill, form, photos, plan, isNew: false, ct);
    }

    [HttpGet("Drills/Details/{id:int}"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var (drill, _) = await LoadAsync(id, SchoolOperations.Read, ct);
        if (drill is null) return NotFound();
        var photos = await db.StoredFiles.AsNoTracking().Where(f => f.DrillId == id).ToListAsync(ct);
        var tickets = await db.HazardTickets.AsNoTracking().Where(t => t.DrillId == id).OrderBy(t => t.Number).ToListAsync(ct);
        var canRecord = await access.FindAsync(drill.SchoolId, SchoolOperations.Record, ct) is not null;
        return View(new DrillDetailsViewModel(drill, DrillStandard.Assess(drill), photos, tickets, canRecord));
    }

    /// <summary>The county's view: every school's drills this term against the frequency rule, filterable to the gaps.</summary>
    [HttpGet("Drills/Compliance"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Compliance([FromQuery] DrillComplianceQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        var today = Today;
        var all = await compliance.ForAsync(query.Apply(db.Schools.VisibleTo(scope)), today, ct);
        var rows = all.Where(r => (!query.OnlyMissing || !r.Compliant) && (!query.NoneThisPeriod || r.Term is not null && !r.DoneInPeriodOf(today))).ToList();
        var townships = await db.Schools.VisibleTo(scope).Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct);
        return View(new DrillComplianceViewModel(query, rows, all.Count, all.Count(r => r.Compliant), all.Count(r => r.DoneInPeriodOf(today)), townships, today));
    }

    private async Task<IActionResult> SaveAsync(School school, Drill drill, DrillForm form, List<IFormFile>? photos, IFormFile? plan, bool isNew, CancellationToken ct)
    {
        foreach (var (field, key) in DrillStandard.Validate(form, Today)) ModelState.AddModelError($"Form.{field}", l[key]);
        if (!ModelState.IsValid) return Refused(school, form, isNew ? null : drill.Id, null);

        // A count limit beside the size limit: a record holds at most Storage:MaxPhotosPerRecord photos.
        var stored = isNew ? 0 : await db.StoredFiles.CountAsync(f => f.DrillId == drill.Id, ct);
        if (!photoLimit.Allows(ModelState, "photos", photos, stored))
            return Refused(school, form, isNew ? null : drill.Id, null);

        form.ApplyTo(drill);
        if (isNew) db.Drills.Add(drill);
        var saved = new List<StoredFile>();
        var uploading = "photos";
        try
        {
            foreach (var photo in photos ?? [])
            {
                await using var stream = photo.OpenReadStream();
                var file = await storage.SaveImageAsync(stream, photo.Length, school.Id, User.GetScope().UserId, ct);
                drill.Photos.Add(file);
                saved.Add(file);
            }
            if (plan is { Length: > 0 })
            {
                // The drill plan (演练方案): PDF, Word or a photo of the paper, recognised by its bytes.
                uploading = "plan";
                await using var stream = plan.OpenReadStream();
                var file = await storage.SaveDocumentAsync(stream, plan.Length, plan.FileName, school.Id, User.GetScope().UserId, ct);
                drill.Photos.Add(file);
                saved.Add(file);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (FileRejectedException e)
        {
            foreach (var f in saved) storage.Delete(f);
            ModelState.AddModelError(uploading, l[e.MessageKey, e.Args]);
            return Refused(school, form, isNew ? null : drill.Id, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var f in saved) storage.Delete(f);
            db.ChangeTracker.Clear();
            var current = await db.Drills.AsNoTracking().FirstAsync(d => d.Id == drill.Id, ct);
            ModelState.AddModelError("", l["Concurrency.Conflict"]);
            form.RowVersion = Convert.ToBase64String(current.RowVersion);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Form", new DrillFormViewModel(school, form, drill.Id, current));
        }
        TempData["Success"] = l[isNew ? "Drill.Recorded" : "Drill.Updated"].Value;
        return RedirectToAction(nameof(Details), new { id = drill.Id });
    }

    private ViewResult Refused(School school, DrillForm form, int? id, Drill? current)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Form", new DrillFormViewModel(school, form, id, current));
    }

    /// <summary>The drill, if its school is in the user's scope for the operation.</summary>
    private async Task<(Drill?, School?)> LoadAsync(int id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var drill = await db.Drills.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (drill is null) return (null, null);
        var school = await access.FindAsync(drill.SchoolId, operation, ct);
        if (school is null) return (null, null);
        drill.School = school;
        return (drill, school);
    }

    private static byte[] Decode(string? value)
    {
        try { return Convert.FromBase64String(value ?? ""); }
        catch (FormatException) { return []; }
    }
}
