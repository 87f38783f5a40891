using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Auditing;
using SchoolSafety.Data;
using SchoolSafety.Exports;
using SchoolSafety.Files;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Inspections;

/// <summary>The weekly/monthly inspection (周检月查): fill, save, submit, sign off, and the county's completion grid.</summary>
public sealed class InspectionsController(
    AppDbContext db, SchoolAccess access, InspectionService inspections, FileStorage storage, PhotoLimit photoLimit,
    IStringLocalizer<SharedResource> l, TimeProvider clock, DownloadAudit downloads, TableDownload exports) : Controller
{
    [HttpGet("Schools/{schoolId:int}/Inspections/{week:int?}"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Week(int schoolId, int? week, int? revision, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        if (!TryWeek(week, out var w)) return NotFound();
        if (revision is int r && await inspections.RevisionAsync(school.Id, w, r, ct) is null) return NotFound();
        return View(await BuildAsync(school, w, null, ct, revision: revision));
    }

    /// <summary>Corrects a submitted inspection through a new revision; the submitted one stays in the history.</summary>
    [HttpPost("Schools/{schoolId:int}/Inspections/Revise/{id:int}"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> Revise(int schoolId, int id, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        var submitted = await db.Inspections.Include(i => i.Results).ThenInclude(r => r.Photos)
            .FirstOrDefaultAsync(i => i.Id == id && i.SchoolId == school.Id, ct);
        if (submitted is null) return NotFound();
        if (submitted.Status == InspectionStatus.Draft || !submitted.IsCurrent)
        {
            TempData["Success"] = l["Inspection.CannotRevise"].Value;
            return RedirectToAction(nameof(Week), new { schoolId, week = submitted.WeekNumber });
        }
        db.Inspections.Add(InspectionRules.Revise(submitted, clock.GetUtcNow().UtcDateTime, User.GetScope().UserId));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Inspection.RevisionStarted", submitted.Revision + 1].Value;
        return RedirectToAction(nameof(Week), new { schoolId, week = submitted.WeekNumber });
    }

    [HttpPost("Schools/{schoolId:int}/Inspections/{week:int?}"), Authorize(Policy = Policies.SchoolStaff)]
    [RequestSizeLimit(120 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 120 * 1024 * 1024)]
    public async Task<IActionResult> Week(int schoolId, int? week, InspectionForm form, string? command, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        if (!TryWeek(week, out var w)) return NotFound();

        var status = await inspections.CheckWeekAsync(school, w, ct);
        if (status != WeekStatus.Open)
        {
            ModelState.AddModelError("", l[status == WeekStatus.Future ? "Inspection.FutureWeek" : "Inspection.OutsideTerm"]);
            return View(await BuildAsync(school, w, form, ct));
        }

        var inspection = await inspections.CurrentAsync(school.Id, w, ct);
        if (inspection is { Status: not InspectionStatus.Draft })
        {
            ModelState.AddModelError("", l["Inspection.AlreadySubmitted"]);
            return View(await BuildAsync(school, w, null, ct));
        }
        var existing = inspection is not null;
        inspection ??= await inspections.StartDraftAsync(school, w, User.GetScope().UserId, ct);
        switch (await SaveAnswersAsync(school, inspection, existing, form, command == "submit", ct))
        {
            case SaveOutcome.Conflict:
                return View(await BuildAsync(school, w, form, ct, conflict: true));
            case SaveOutcome.Invalid:
                return View(await BuildAsync(school, w, form, ct));
            default:
                return RedirectToAction(nameof(Week), new { schoolId, week = w.Number });
        }
    }

    private enum SaveOutcome { Saved, Invalid, Conflict }

    /// <summary>
    /// Applies the posted answers and photos to a draft, submits it when asked and complete, and saves.
    /// A refused submit still saves everything entered as a draft; a conflict saves nothing.
    /// </summary>
    private async Task<SaveOutcome> SaveAnswersAsync(School school, Inspection inspection, bool existing, InspectionForm form, bool submitting, CancellationToken ct)
    {
        var userId = User.GetScope().UserId;
        if (existing)
            db.Entry(inspection).Property(i => i.RowVersion).OriginalValue = Convert.FromBase64String(form.RowVersion ?? "");
        inspection.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        inspection.UpdatedById = userId;
        // Always update the inspection row itself, so its concurrency token is checked even when only answers changed.
        db.Entry(inspection).Property(i => i.UpdatedAt).IsModified = true;
        var saved = new List<StoredFile>();
        var today = inspections.Today;
        foreach (var result in inspection.Results)
        {
            var index = form.Answers.FindIndex(a => a.ItemId == result.ItemId);
            if (index < 0) continue;
            var answer = form.Answers[index];
            Apply(answer, result, today);
            // Too many photos for the item: none of its new ones is stored, the rest of the form is saved as a draft.
            if (!photoLimit.Allows(ModelState, $"Answers[{index}].NewPhotos", answer.NewPhotos, result.Photos.Count)) continue;
            foreach (var photo in answer.NewPhotos ?? [])
            {
                try
                {
                    await using var stream = photo.OpenReadStream();
                    var file = await storage.SaveImageAsync(stream, photo.Length, school.Id, userId, ct);
                    saved.Add(file);
                    result.Photos.Add(file);
                }
                catch (FileRejectedException e)
                {
                    ModelState.AddModelError($"Answers[{index}].NewPhotos", l[e.MessageKey, e.Args]);
                }
            }
        }

        if (submitting && ModelState.IsValid)
        {
            var errors = InspectionRules.CheckForSubmit(inspection, today);
            foreach (var e in errors)
                ModelState.AddModelError($"Answers[{form.Answers.FindIndex(a => a.ItemId == e.ItemId)}].{e.Field}", l[e.MessageKey, e.Args]);
            if (errors.Count == 0)
                await inspections.SubmitAsync(inspection, school, userId, ct, User.Identity?.Name);
            else
                ModelState.AddModelError("", l["Inspection.NotComplete", errors.Select(e => e.ItemId).Distinct().Count()]);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var file in saved) storage.Delete(file);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Inspection.Conflict"]);
            ViewData["Conflict"] = true;
            return SaveOutcome.Conflict;
        }
        if (!ModelState.IsValid) return SaveOutcome.Invalid;
        TempData["Success"] = submitting
            ? l["Inspection.Submitted", inspection.Results.Count(r => r.Outcome == Outcome.Hazard)].Value
            : l["Inspection.DraftSaved"].Value;
        return SaveOutcome.Saved;
    }

    /// <summary>A special inspection (专项检查) aimed at the school: fill it like a week, or read it.</summary>
    [HttpGet("Schools/{schoolId:int}/Campaigns/{id:int}"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Campaign(int schoolId, int id, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        var campaign = await inspections.CampaignForAsync(school.Id, id, ct);
        if (campaign is null) return NotFound();
        return View(await BuildCampaignAsync(school, campaign, null, ct));
    }

    [HttpPost("Schools/{schoolId:int}/Campaigns/{id:int}"), Authorize(Policy = Policies.SchoolStaff)]
    [RequestSizeLimit(120 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 120 * 1024 * 1024)]
    public async Task<IActionResult> Campaign(int schoolId, int id, InspectionForm form, string? command, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        var campaign = await inspections.CampaignForAsync(school.Id, id, ct);
        if (campaign is null) return NotFound();
        if (!campaign.IsOpen(inspections.Today))
        {
            ModelState.AddModelError("", l["Campaign.Closed"]);
            return View(await BuildCampaignAsync(school, campaign, form, ct));
        }
        var inspection = await inspections.CampaignResponseAsync(school.Id, campaign, ct);
        if (inspection is { Status: not InspectionStatus.Draft })
        {
            ModelState.AddModelError("", l["Inspection.AlreadySubmitted"]);
            return View(await BuildCampaignAsync(school, campaign, null, ct));
        }
        var existing = inspection is not null;
        inspection ??= inspections.StartCampaignDraft(school, campaign, User.GetScope().UserId);
        return await SaveAnswersAsync(school, inspection, existing, form, command == "submit", ct) switch
        {
            SaveOutcome.Conflict => View(await BuildCampaignAsync(school, campaign, form, ct, conflict: true)),
            SaveOutcome.Invalid => View(await BuildCampaignAsync(school, campaign, form, ct)),
            _ => RedirectToAction(nameof(Campaign), new { schoolId, id }),
        };
    }

    private async Task<CampaignFillViewModel> BuildCampaignAsync(School school, Campaign campaign, InspectionForm? posted, CancellationToken ct, bool conflict = false)
    {
        var inspection = await inspections.CampaignResponseAsync(school.Id, campaign, ct);
        var items = campaign.Template!.Items.OrderBy(i => i.Number).ToList();
        var canRecord = await access.FindAsync(school.Id, SchoolOperations.Record, ct) is not null;
        var resultIds = inspection?.Results.Select(r => r.Id).ToList() ?? [];
        return new CampaignFillViewModel
        {
            School = school, Campaign = campaign, Inspection = inspection, Items = items,
            Answers = AnswersFor(items, inspection, posted),
            Photos = inspection?.Results.ToDictionary(r => r.ItemId, r => r.Photos) ?? [],
            RowVersion = conflict ? posted?.RowVersion : Version(inspection),
            CanEdit = canRecord && campaign.IsOpen(inspections.Today) && inspection is null or { Status: InspectionStatus.Draft },
            People = await db.Users.Where(u => u.SchoolId == school.Id && !u.IsDisabled).Select(u => u.DisplayName).ToListAsync(ct),
            Tickets = await db.HazardTickets.AsNoTracking().Where(t => t.InspectionResultId != null && resultIds.Contains(t.InspectionResultId.Value)).OrderBy(t => t.Number).ToListAsync(ct),
            Today = inspections.Today,
        };
    }

    private static Dictionary<int, AnswerInput> AnswersFor(IEnumerable<ChecklistItem> items, Inspection? inspection, InspectionForm? posted) =>
        items.ToDictionary(i => i.Id, i =>
        {
            var fromForm = posted?.Answers.FirstOrDefault(a => a.ItemId == i.Id);
            if (fromForm is not null) return fromForm;
            var r = inspection?.Results.FirstOrDefault(x => x.ItemId == i.Id);
            return new AnswerInput
            {
                ItemId = i.Id, Outcome = r?.Outcome, Note = r?.Note, NotApplicableReason = r?.NotApplicableReason,
                HazardDescription = r?.HazardDescription, HazardPlace = r?.HazardPlace, HazardGrade = r?.HazardGrade,
                ResponsiblePerson = r?.ResponsiblePerson, Deadline = r?.Deadline, InterimMeasures = r?.InterimMeasures,
            };
        });

    [HttpPost("Schools/{schoolId:int}/Inspections/SignOff/{id:int}"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> SignOff(int schoolId, int id, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == id && i.SchoolId == school.Id, ct);
        if (inspection is null) return NotFound();
        if (!User.IsInRole(Roles.SchoolLeader)) return Forbid();
        if (inspection.Status != InspectionStatus.Submitted)
        {
            TempData["Success"] = l["Inspection.CannotSignOff"].Value;
            return RedirectToAction(nameof(Week), new { schoolId, week = inspection.WeekNumber });
        }
        InspectionRules.SignOff(inspection, clock.GetUtcNow().UtcDateTime, User.GetScope().UserId);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Inspection.SignedOffDone"].Value;
        return RedirectToAction(nameof(Week), new { schoolId, week = inspection.WeekNumber });
    }

    /// <summary>
    /// A stored file, only for users who may read its school. Photos are shown in the page; documents
    /// (PDF, Word) are always downloaded (Content-Disposition: attachment), never opened in the browser.
    /// </summary>
    [HttpGet("Files/{id:guid}"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Photo(Guid id, CancellationToken ct)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null || await access.FindAsync(file.SchoolId, SchoolOperations.Read, ct) is null) return NotFound();
        Response.Headers.CacheControl = "private, max-age=86400";
        Response.Headers.XContentTypeOptions = "nosniff";
        // Documents are downloads and go on record; photos are shown inside pages (one request per thumbnail), so they do not.
        if (!file.IsImage)
            await downloads.RecordAsync(DownloadAudit.Kinds.StoredFile, file.Id.ToString(), file.SchoolId,
                new Dictionary<string, string?> { ["FileName"] = file.FileName }, ct);
        // Photos are shown in the page (inline), other files are downloaded (attachment); the name is never the uploader's for photos.
        if (file.IsImage) Response.Headers.ContentDisposition = $"inline; filename=\"{file.Id:N}{Path.GetExtension(file.StorageKey)}\"";
        return file.IsImage
            ? File(storage.Open(file), file.ContentType)
            : File(storage.Open(file), file.ContentType, file.FileName ?? $"{file.Id:N}{Path.GetExtension(file.StorageKey)}");
    }

    /// <summary>A school's term at a glance: each item's answer in each week, and the hazards found per item.</summary>
    [HttpGet("Schools/{schoolId:int}/Inspections/History"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> History(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        var term = await inspections.TermAtAsync(school, inspections.Today, ct);
        var weeks = term?.Weeks().Where(w => w.Number <= inspections.ThisWeek.Number).ToList() ?? [];
        var numbers = weeks.Select(w => w.Number).ToList();
        var answers = await db.InspectionResults.AsNoTracking()
            .Where(r => r.Inspection!.SchoolId == school.Id && r.Inspection.IsCurrent && numbers.Contains(r.Inspection.WeekNumber))
            .Select(r => new { r.Inspection!.WeekNumber, r.Inspection.Status, r.Item!.Key, r.Outcome })
            .ToListAsync(ct);
        var template = await inspections.CurrentTemplateAsync(ct);
        var rows = template.Items.OrderBy(i => i.Number).Select(item => new HistoryRow(item,
            weeks.Select(w => answers.FirstOrDefault(a => a.Key == item.Key && a.WeekNumber == w.Number)?.Outcome).ToList(),
            answers.Count(a => a.Key == item.Key && a.Outcome == Outcome.Hazard && a.Status != InspectionStatus.Draft))).ToList();
        var status = answers.GroupBy(a => a.WeekNumber).ToDictionary(g => g.Key, g => g.First().Status);
        return View(new HistoryViewModel(school, term, weeks, rows, weeks.Select(w => status.TryGetValue(w.Number, out var st) ? st : (InspectionStatus?)null).ToList()));
    }

    /// <summary>The county's grid: schools × weeks of the term.</summary>
    [HttpGet("Inspections/Completion"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Completion(string? township, SchoolType? type, CancellationToken ct) =>
        View(await CompletionGridAsync(township, type, ct));

    /// <summary>The grid as .xlsx or CSV with the page's filters: one row per school, one column per week, then done and missed.</summary>
    [HttpGet("Inspections/Completion/Export"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> CompletionExport(string? township, SchoolType? type, ExportFormat format, CancellationToken ct)
    {
        if (!Enum.IsDefined(format)) return NotFound();
        var grid = await CompletionGridAsync(township, type, ct);
        List<string> headers = [l["School.Code"].Value, l["School.Name"].Value, l["School.Township"].Value];
        headers.AddRange(grid.Weeks.Select(w => l["Export.WeekColumn", w.Week, w.Monday.ToString("MM-dd")].Value));
        headers.AddRange([l["Completion.Done"].Value, l["Completion.Missed"].Value]);
        string Cell(CompletionCell c) => c.Status is { } st ? l["Inspection.Status." + st].Value : c.Expected ? l["Completion.Missing"].Value : "";
        var rows = grid.Rows.Select(r => new object?[] { r.School.Code, r.School.Name, r.School.Township }
            .Concat(r.Cells.Select(c => (object?)Cell(c))).Concat([r.Done, r.Missed]).ToArray());
        return await exports.FileAsync(Request, DownloadAudit.Kinds.CompletionExport, format, "Export.Completion", null, headers,
            rows.ToAsyncEnumerable(), ct);
    }

    /// <summary>The completion grid for the user's scope and the page's filters: what the page shows and the export writes.</summary>
    private async Task<CompletionViewModel> CompletionGridAsync(string? township, SchoolType? type, CancellationToken ct)
    {
        var scope = User.GetScope();
        var schools = db.Schools.VisibleTo(scope).Where(s => s.IsActive);
        var townships = await schools.Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(township)) schools = schools.Where(s => s.Township == township);
        if (type is { } t) schools = schools.Where(s => s.Type == t);
        var list = await schools.Include(s => s.Jurisdiction).OrderBy(s => s.Code).ToListAsync(ct);

        var today = inspections.Today;
        var thisWeek = SchoolWeek.Of(today);
        var term = list.Count == 0 ? null : await inspections.TermAtAsync(list[0], today, ct);
        var weeks = term?.Weeks().Where(w => w.Number <= thisWeek.Number).ToList() ?? [];
        var numbers = weeks.Select(w => w.Number).ToList();
        var ids = list.Select(s => s.Id).ToList();
        var done = await db.Inspections
            .Where(i => i.IsCurrent && numbers.Contains(i.WeekNumber) && ids.Contains(i.SchoolId))
            .Select(i => new { i.SchoolId, i.WeekNumber, i.Status })
            .ToListAsync(ct);
        var byKey = done.ToDictionary(d => (d.SchoolId, d.WeekNumber), d => d.Status);

        var rows = list.Select(s =>
        {
            var cells = weeks.Select(w => new CompletionCell(byKey.TryGetValue((s.Id, w.Number), out var st) ? st : null, w.Number < thisWeek.Number)).ToList();
            var run = 0;
            var longest = 0;
            foreach (var c in cells.Where(c => c.Expected))
            {
                run = c.Status is InspectionStatus.Submitted or InspectionStatus.SignedOff ? 0 : run + 1;
                longest = Math.Max(longest, run);
            }
            return new CompletionRow(s, cells,
                cells.Count(c => c.Status is InspectionStatus.Submitted or InspectionStatus.SignedOff),
                cells.Count(c => c.Expected && c.Status is not (InspectionStatus.Submitted or InspectionStatus.SignedOff)),
                longest);
        }).ToList();
        var perWeek = weeks.Select((_, i) => rows.Count(r => r.Cells[i].Status is InspectionStatus.Submitted or InspectionStatus.SignedOff)).ToList();
        return new CompletionViewModel(term, weeks, thisWeek, rows, perWeek, townships, township, type);
    }

    private bool TryWeek(int? number, out SchoolWeek week)
    {
        if (number is null)
        {
            week = inspections.ThisWeek;
            return true;
        }
        return SchoolWeek.TryParse(number.Value, out week);
    }

    private static void Apply(AnswerInput a, InspectionResult r, DateOnly today)
    {
        static string? Clean(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(s.Trim().Length, max)];
        r.Outcome = a.Outcome;
        r.Note = Clean(a.Note, InspectionRules.NoteMaxLength);
        r.NotApplicableReason = a.Outcome == Outcome.NotApplicable ? Clean(a.NotApplicableReason, InspectionRules.NoteMaxLength) : null;
        var hazard = a.Outcome == Outcome.Hazard;
        r.HazardDescription = hazard ? Clean(a.HazardDescription, HazardTicket.DescriptionMaxLength) : null;
        r.HazardPlace = hazard ? a.HazardPlace : null;
        r.HazardGrade = hazard ? a.HazardGrade : null;
        r.ResponsiblePerson = hazard ? Clean(a.ResponsiblePerson, HazardTicket.PersonMaxLength) : null;
        r.Deadline = hazard ? a.Deadline ?? (a.HazardGrade is { } g ? HazardRules.DefaultDeadline(g, today) : null) : null;
        r.InterimMeasures = hazard && a.HazardGrade == HazardGrade.Major ? Clean(a.InterimMeasures, HazardTicket.DescriptionMaxLength) : null;
    }

    private async Task<WeekViewModel> BuildAsync(School school, SchoolWeek week, InspectionForm? posted, CancellationToken ct,
        bool conflict = false, int? revision = null)
    {
        var status = await inspections.CheckWeekAsync(school, week, ct);
        var inspection = revision is int r
            ? await inspections.RevisionAsync(school.Id, week, r, ct)
            : await inspections.CurrentAsync(school.Id, week, ct);
        var items = inspection?.Results.Select(r => r.Item!).OrderBy(i => i.Number).ToList()
                    ?? (status == WeekStatus.Open
                        ? (await inspections.DueItemsAsync(school.Id, week, await inspections.CurrentTemplateAsync(ct), ct)).ToList()
                        : []);
        var answers = AnswersFor(items, inspection, posted);
        var canRecord = await access.FindAsync(school.Id, SchoolOperations.Record, ct) is not null;
        var term = await inspections.TermAtAsync(school, week.Monday, ct);
        var termWeeks = term?.Weeks().Select(w => w.Number).ToList() ?? [];
        var history = await db.Inspections.AsNoTracking()
            .Where(i => i.SchoolId == school.Id && termWeeks.Contains(i.WeekNumber) && i.IsCurrent)
            .OrderByDescending(i => i.WeekNumber).ToListAsync(ct);
        var resultIds = inspection?.Results.Select(r => r.Id).ToList() ?? [];
        var tickets = await db.HazardTickets.AsNoTracking().Where(t => t.InspectionResultId != null && resultIds.Contains(t.InspectionResultId.Value))
            .OrderBy(t => t.Number).ToListAsync(ct);
        var people = await db.Users.Where(u => u.SchoolId == school.Id && !u.IsDisabled).Select(u => u.DisplayName).ToListAsync(ct);
        var revisions = await db.Inspections.AsNoTracking().Where(i => i.SchoolId == school.Id && i.WeekNumber == week.Number)
            .OrderBy(i => i.Revision).ToListAsync(ct);
        var isCurrent = inspection is null || inspection.IsCurrent;

        return new WeekViewModel
        {
            School = school, Week = week, WeekStatus = status, Inspection = inspection, Items = items, Answers = answers,
            Photos = inspection?.Results.ToDictionary(r => r.ItemId, r => r.Photos) ?? [],
            // After a conflict the form keeps the version it was loaded with, so saving again cannot overwrite the other person's answers.
            RowVersion = conflict ? posted?.RowVersion : Version(inspection),
            CanEdit = canRecord && isCurrent && status == WeekStatus.Open && inspection is null or { Status: InspectionStatus.Draft },
            CanSignOff = canRecord && isCurrent && User.IsInRole(Roles.SchoolLeader) && inspection is { Status: InspectionStatus.Submitted },
            CanRevise = canRecord && isCurrent && inspection is { Status: InspectionStatus.Submitted or InspectionStatus.SignedOff },
            Revisions = revisions,
            People = people, History = history, Tickets = tickets, Today = inspections.Today,
        };
    }

    private static string? Version(Inspection? i) => i is null ? null : Convert.ToBase64String(i.RowVersion);
}
