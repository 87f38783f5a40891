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
using SchoolSafety.Reports;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Tickets;

public sealed class TicketQuery
{
    public HazardStatus? Status { get; set; }
    public HazardGrade? Grade { get; set; }

    /// <summary>Only tickets not yet closed (待整改, 整改中, 待复查).</summary>
    public bool Open { get; set; }
    public bool Overdue { get; set; }
    public bool Supervised { get; set; }

    /// <summary>Rectified and waiting for verification longer than the county's 10 days.</summary>
    public bool LateVerification { get; set; }

    /// <summary>The checklist item's key (I01…I28), the same across template versions.</summary>
    public string? Item { get; set; }
    public HazardPlace? Place { get; set; }
    public string? Township { get; set; }
    public SchoolType? Type { get; set; }
    public int? SchoolId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public TicketSort Sort { get; set; }
    public bool Desc { get; set; }
    public int Page { get; set; } = 1;
}

public enum TicketSort { Deadline, Found, Number, School, Grade }

public sealed record TicketListViewModel(TicketQuery Query, IReadOnlyList<HazardTicket> Tickets, int Total, int Page, int PageCount, DateOnly Today)
{
    public const int PageSize = 30;
    public IReadOnlyList<string> Townships { get; init; } = [];
    public IReadOnlyList<ChecklistItem> Items { get; init; } = [];
}

public sealed record TicketViewModel(
    HazardTicket Ticket, IReadOnlyList<StoredFile> Before, IReadOnlyList<StoredFile> After, DateOnly Today,
    bool CanRectify, bool CanVerify, string? Message)
{
    public bool CanRequestExtension { get; init; }
    public bool CanDecideExtension { get; init; }
    public bool CanRecordPlan { get; init; }
    public string? SourceLink { get; init; }
    public IReadOnlyDictionary<string, string> PlanErrors { get; init; } = new Dictionary<string, string>();

    /// <summary>The rectification note as typed, when the rectification was refused for its photos.</summary>
    public string? RectifyNote { get; init; }

    /// <summary>What the plan form shows: the stored plan, or what was just submitted when it was refused.</summary>
    public PlanForm Plan { get; init; } = PlanForm.Of(Ticket);
}

public sealed record TicketFormViewModel(School? School, NewTicket Input, IReadOnlyList<School> Schools, IReadOnlyList<AppUser> Users,
    IReadOnlyList<ChecklistItem> Items, IReadOnlyList<HazardSource> Sources);

/// <summary>
/// Hazard rectification tickets (隐患整改单): the school rectifies with evidence, someone else
/// verifies (一般: a school leader or the bureau; 重大: the bureau), and only then is it closed.
/// </summary>
public sealed class TicketsController(
    AppDbContext db, SchoolAccess access, FileStorage storage, PhotoLimit photoLimit, TicketService tickets, IStringLocalizer<SharedResource> l, TimeProvider clock,
    ReportFonts fonts, ILogger<TicketsController> logger, DownloadAudit downloads, TableDownload exports) : Controller
{
    private DateOnly Today => SchoolSafety.Common.ChinaTime.Today(clock);

    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Index([FromQuery] TicketQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        if (query.SchoolId is int schoolId && await access.FindAsync(schoolId, SchoolOperations.Read, ct) is null) return NotFound();
        var today = Today;
        var tickets = Filter(db.HazardTickets.VisibleTo(scope), query, today);
        var total = await tickets.CountAsync(ct);
        var pageCount = Math.Max(1, (total + TicketListViewModel.PageSize - 1) / TicketListViewModel.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await Sort(tickets.Include(t => t.School).Include(t => t.ChecklistItem), query)
            .Skip((page - 1) * TicketListViewModel.PageSize).Take(TicketListViewModel.PageSize).ToListAsync(ct);
        return View(new TicketListViewModel(query, rows, total, page, pageCount, today)
        {
            Townships = scope.IsBureauUser
                ? await db.Schools.VisibleTo(scope).Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct) : [],
            Items = await CurrentItemsAsync(ct),
        });
    }

    /// <summary>
    /// The list as .xlsx or CSV: every ticket the page would list for the same query (all pages), in the page's order.
    /// Rows are projected to plain values and streamed, so a large export tracks no entity and holds no list.
    /// </summary>
    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Export([FromQuery] TicketQuery query, ExportFormat format, CancellationToken ct)
    {
        if (!Enum.IsDefined(format)) return NotFound();
        var scope = User.GetScope();
        if (query.SchoolId is int schoolId && await access.FindAsync(schoolId, SchoolOperations.Read, ct) is null) return NotFound();
        var today = Today;
        var en = System.Globalization.CultureInfo.CurrentUICulture.Name == "en-US";
        var rows = Sort(Filter(db.HazardTickets.VisibleTo(scope), query, today), query).AsNoTracking()
            .Select(t => new TicketExportRow(t.Number, t.School!.Name, t.School.Township, t.ChecklistItem == null ? null : en ? t.ChecklistItem.NameEn : t.ChecklistItem.NameZh,
                t.Description, t.Place, t.Grade, t.Status, t.IsSupervised, t.FoundAt, t.Deadline, t.ResponsibleName, t.RectifiedAt, t.ClosedAt))
            .AsAsyncEnumerable();
        string Day(DateTime? utc) => utc is { } u ? SchoolSafety.Common.ChinaTime.FromUtc(u).ToString("yyyy-MM-dd") : "";
        return await exports.FileAsync(Request, DownloadAudit.Kinds.TicketExport, format, "Export.Tickets", query.SchoolId ?? scope.SchoolId,
        [
            new("Ticket.Number", r => r.Number),
            new("School.Name", r => r.School),
            new("School.Township", r => r.Township),
            new("Inspection.Item", r => r.Item),
            new("Inspection.HazardDescription", r => r.Description),
            new("Inspection.HazardPlace", r => l["HazardPlace." + r.Place].Value),
            new("Inspection.HazardGrade", r => l["HazardGrade." + r.Grade].Value),
            new("User.Status", r => l["HazardStatus." + r.Status].Value),
            new("Ticket.Supervised", r => exports.YesNo(r.Supervised)),
            new("Ticket.FoundAt", r => Day(r.FoundAt)),
            new("Inspection.Deadline", r => r.Deadline.ToString("yyyy-MM-dd")),
            new("Ticket.Overdue", r => exports.YesNo(r.Status != HazardStatus.Closed && today > r.Deadline)),
            new("Export.Responsible", r => r.Responsible),
            new("Export.RectifiedOn", r => Day(r.RectifiedAt)),
            new("Export.ClosedOn", r => Day(r.ClosedAt)),
        ], rows, ct);
    }

    private sealed record TicketExportRow(string Number, string School, string Township, string? Item, string Description, HazardPlace Place,
        HazardGrade Grade, HazardStatus Status, bool Supervised, DateTime FoundAt, DateOnly Deadline, string Responsible, DateTime? RectifiedAt, DateTime? ClosedAt);

    private static IQueryable<HazardTicket> Filter(IQueryable<HazardTicket> tickets, TicketQuery q, DateOnly today)
    {
        if (q.Status is { } status) tickets = tickets.Where(t => t.Status == status);
        if (q.Grade is { } grade) tickets = tickets.Where(t => t.Grade == grade);
        if (q.Open) tickets = tickets.Where(t => t.Status != HazardStatus.Closed);
        if (q.Overdue) tickets = tickets.Where(t => t.Status != HazardStatus.Closed && t.Deadline < today);
        if (q.Supervised) tickets = tickets.Where(t => t.IsSupervised);
        if (q.LateVerification)
        {
            // Rectified before the start of (today − 10 days), China time, and still waiting.
            var cutoff = new DateTimeOffset(today.AddDays(-HazardRules.VerificationDays).ToDateTime(TimeOnly.MinValue), SchoolSafety.Common.ChinaTime.Offset).UtcDateTime;
            tickets = tickets.Where(t => t.Status == HazardStatus.AwaitingVerification && t.RectifiedAt < cutoff);
        }
        if (!string.IsNullOrEmpty(q.Item)) tickets = tickets.Where(t => t.ChecklistItem!.Key == q.Item);
        if (q.Place is { } place) tickets = tickets.Where(t => t.Place == place);
        if (!string.IsNullOrEmpty(q.Township)) tickets = tickets.Where(t => t.School!.Township == q.Township);
        if (q.Type is { } type) tickets = tickets.Where(t => t.School!.Type == type);
        if (q.SchoolId is { } schoolId) tickets = tickets.Where(t => t.SchoolId == schoolId);
        if (q.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), SchoolSafety.Common.ChinaTime.Offset).UtcDateTime;
            tickets = tickets.Where(t => t.FoundAt >= start);
        }
        if (q.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), SchoolSafety.Common.ChinaTime.Offset).UtcDateTime;
            tickets = tickets.Where(t => t.FoundAt < end);
        }
        return tickets;
    }

    private static IQueryable<HazardTicket> Sort(IQueryable<HazardTicket> tickets, TicketQuery q) => (q.Sort, q.Desc) switch
    {
        (TicketSort.Found, false) => tickets.OrderBy(t => t.FoundAt).ThenBy(t => t.Number),
        (TicketSort.Found, true) => tickets.OrderByDescending(t => t.FoundAt).ThenBy(t => t.Number),
        (TicketSort.Number, false) => tickets.OrderBy(t => t.Number),
        (TicketSort.Number, true) => tickets.OrderByDescending(t => t.Number),
        (TicketSort.School, false) => tickets.OrderBy(t => t.School!.Code).ThenBy(t => t.Number),
        (TicketSort.School, true) => tickets.OrderByDescending(t => t.School!.Code).ThenBy(t => t.Number),
        (TicketSort.Grade, false) => tickets.OrderByDescending(t => t.Grade).ThenBy(t => t.Deadline),
        (TicketSort.Grade, true) => tickets.OrderBy(t => t.Grade).ThenBy(t => t.Deadline),
        (_, true) => tickets.OrderBy(t => t.Status == HazardStatus.Closed).ThenByDescending(t => t.Deadline).ThenBy(t => t.Number),
        _ => tickets.OrderBy(t => t.Status == HazardStatus.Closed).ThenBy(t => t.Deadline).ThenBy(t => t.Number),
    };

    /// <summary>The items of the newest published checklist: what a new ticket or a filter refers to.</summary>
    private async Task<List<ChecklistItem>> CurrentItemsAsync(CancellationToken ct) =>
        await db.ChecklistItems.Where(i => i.TemplateId == db.ChecklistTemplates.Where(t => t.Status == TemplateStatus.Published)
                .OrderByDescending(t => t.Version).Select(t => t.Id).First())
            .OrderBy(i => i.Number).ToListAsync(ct);

    /// <summary>Opening a ticket by hand: the bureau for any school in its scope (spot check), a school for itself.</summary>
    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Create(int? schoolId, int? drillId, CancellationToken ct)
    {
        var scope = User.GetScope();
        schoolId ??= scope.SchoolId;
        if (schoolId is null)
        {
            if (!scope.IsBureauUser) return NotFound();
            return View(await FormAsync(null, new NewTicket(), ct));
        }
        var school = await OpenableSchoolAsync(schoolId.Value, ct);
        if (school is null) return NotFound();
        var today = Today;
        var input = new NewTicket
        {
            SchoolId = school.Id, FoundOn = today, Grade = HazardGrade.General,
            Source = scope.IsBureauUser ? HazardSource.CountyCheck : HazardSource.Report,
            Deadline = HazardRules.DefaultDeadline(HazardGrade.General, today),
        };
        if (drillId is not null)
        {
            // A problem found in a drill becomes a ticket in one step: the form comes filled from the drill.
            var drill = await db.Drills.AsNoTracking().FirstOrDefaultAsync(d => d.Id == drillId && d.SchoolId == school.Id, ct);
            if (drill is null) return NotFound();
            input.Source = HazardSource.Drill;
            input.DrillId = drill.Id;
            input.Description = drill.Problems;
            input.FoundOn = drill.Date;
            input.Deadline = HazardRules.DefaultDeadline(HazardGrade.General, drill.Date);
            input.SourceReference = $"{drill.Date:yyyy-MM-dd} {l["DrillType." + drill.Type]}{l["Drill.Suffix"]}";
        }
        return View(await FormAsync(school, input, ct));
    }

    [HttpPost, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Create(int schoolId, [Bind(Prefix = "Input")] NewTicket input, CancellationToken ct)
    {
        var school = await OpenableSchoolAsync(schoolId, ct);
        if (school is null) return NotFound();
        input.SchoolId = school.Id;
        var scope = User.GetScope();
        var errors = HazardRules.Validate(input, Today, scope.IsBureauUser).ToDictionary();
        AppUser? responsible = null;
        if (!string.IsNullOrWhiteSpace(input.ResponsibleUserId))
        {
            responsible = await db.Users.FirstOrDefaultAsync(u => u.Id == input.ResponsibleUserId && u.SchoolId == school.Id && !u.IsDisabled, ct);
            if (responsible is null) errors[nameof(NewTicket.ResponsibleUserId)] = "Ticket.ResponsibleUserInvalid";
        }
        if (input.DrillId is { } fromDrill && !await db.Drills.AnyAsync(d => d.Id == fromDrill && d.SchoolId == school.Id, ct))
            errors[nameof(NewTicket.Source)] = "Ticket.SourceInvalid";
        if (input.ChecklistItemId is { } itemId && !await db.ChecklistItems.AnyAsync(i => i.Id == itemId, ct))
            errors[nameof(NewTicket.ChecklistItemId)] = "Ticket.ItemInvalid";
        foreach (var (field, key) in errors) ModelState.AddModelError($"Input.{field}", l[key]);
        if (errors.Count > 0 || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await FormAsync(school, input, ct));
        }
        var ticket = await tickets.OpenAsync(input, school, Actor(), responsible?.DisplayName is { Length: > 0 } name ? name : responsible?.UserName ?? input.ResponsibleName!, ct);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Ticket.OpenedDone", ticket.Number].Value;
        return RedirectToAction(nameof(Details), new { id = ticket.Id });
    }

    /// <summary>The school a user may open a ticket for: in the bureau's scope, or the school user's own active school.</summary>
    private async Task<School?> OpenableSchoolAsync(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, User.GetScope().IsBureauUser ? SchoolOperations.Read : SchoolOperations.Record, ct);
        return school is { IsActive: true } ? school : null;
    }

    private async Task<TicketFormViewModel> FormAsync(School? school, NewTicket input, CancellationToken ct)
    {
        var scope = User.GetScope();
        var schools = school is null
            ? await db.Schools.VisibleTo(scope).Where(s => s.IsActive).OrderBy(s => s.Township).ThenBy(s => s.Code).ToListAsync(ct) : [];
        var users = school is null ? [] : await db.Users.Where(u => u.SchoolId == school.Id && !u.IsDisabled).OrderBy(u => u.UserName).ToListAsync(ct);
        var sources = input.DrillId is null ? HazardRules.ManualSources(scope.IsBureauUser) : [HazardSource.Drill];
        return new TicketFormViewModel(school, input, schools, users, await CurrentItemsAsync(ct), sources);
    }

    /// <summary>The treatment plan of a 重大 hazard (治理方案): the school or the bureau records it before rectification.</summary>
    [HttpPost, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> RecordPlan(int id, [Bind(Prefix = "Plan")] PlanForm form, string? rowVersion, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null || !await CanRecordPlanAsync(ticket, ct)) return NotFound();
        var plan = new TreatmentPlan(form.Goal, form.Measures, form.Funds, form.People, form.TimeLimit, form.Safety);
        var missing = plan.MissingFields();
        if (missing.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var model = await ModelAsync(ticket, l["Ticket.PlanIncomplete"], ct);
            return View(nameof(Details), model with { PlanErrors = missing.ToDictionary(f => f, _ => l["Ticket.PlanFieldRequired"].Value), Plan = form });
        }
        return await ActAsync(ticket, rowVersion, () =>
        {
            ticket.RecordPlan(Actor(), clock.GetUtcNow().UtcDateTime, plan);
            return Task.CompletedTask;
        }, [], "Ticket.PlanRecordedDone", ct);
    }

    private async Task<bool> CanRecordPlanAsync(HazardTicket ticket, CancellationToken ct) =>
        ticket.Grade == HazardGrade.Major && ticket.Status != HazardStatus.Closed
        && (User.GetScope().IsBureauUser || await access.FindAsync(ticket.SchoolId, SchoolOperations.Record, ct) is not null);

    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        return ticket is null ? NotFound() : View(await ModelAsync(ticket, null, ct));
    }

    /// <summary>The rectification notice (隐患整改通知书) as a PDF; for anyone who may see the ticket, 404 otherwise.</summary>
    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Notice(int id, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null) return NotFound();
        var report = RectificationNotice.Build(ticket, fonts.Font, clock.GetUtcNow());
        if (report.MissingCharacters.Count > 0)
            logger.LogWarning("Rectification notice {Ticket}: the report font has no glyph for {Characters}", ticket.Number, string.Join(" ", report.MissingCharacters));
        var fileName = $"隐患整改通知书-{ticket.Number}.pdf";
        await downloads.RecordAsync(DownloadAudit.Kinds.RectificationNotice, ticket.Number, ticket.SchoolId,
            new Dictionary<string, string?> { ["Ticket"] = ticket.Id.ToString(), ["FileName"] = fileName }, ct);
        return File(report.Bytes, "application/pdf", fileName);
    }

    [HttpPost, Authorize(Policy = Policies.SchoolStaff)]
    [RequestSizeLimit(60 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
    public async Task<IActionResult> Rectify(int id, string? note, List<IFormFile>? photos, string? rowVersion, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null || await access.FindAsync(ticket.SchoolId, SchoolOperations.Record, ct) is null) return NotFound();
        // The after photos of all rectifications of the ticket count together; a refusal keeps the note and stores nothing.
        if (ticket.Status is HazardStatus.Open or HazardStatus.Rectifying
            && !photoLimit.Allows(ModelState, "photos", photos, await db.StoredFiles.CountAsync(f => f.HazardTicketId == ticket.Id, ct)))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Details), await ModelAsync(ticket, null, ct) with { RectifyNote = note });
        }
        var saved = new List<StoredFile>();
        return await ActAsync(ticket, rowVersion, async () =>
        {
            foreach (var photo in photos ?? [])
            {
                await using var stream = photo.OpenReadStream();
                var file = await storage.SaveImageAsync(stream, photo.Length, ticket.SchoolId, User.GetScope().UserId, ct);
                file.HazardTicketId = ticket.Id;
                db.StoredFiles.Add(file);
                saved.Add(file);
            }
            ticket.Rectify(Actor(), clock.GetUtcNow().UtcDateTime, note);
        }, saved, "Ticket.RectifiedDone", ct);
    }

    [HttpPost, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Verify(int id, string? note, string? rowVersion, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null) return NotFound();
        return await ActAsync(ticket, rowVersion, () =>
        {
            ticket.Verify(Actor(), clock.GetUtcNow().UtcDateTime, note);
            return Task.CompletedTask;
        }, [], "Ticket.ClosedDone", ct);
    }

    [HttpPost, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Reject(int id, string? note, string? rowVersion, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null) return NotFound();
        return await ActAsync(ticket, rowVersion, () =>
        {
            ticket.Reject(Actor(), clock.GetUtcNow().UtcDateTime, note);
            return Task.CompletedTask;
        }, [], "Ticket.RejectedDone", ct);
    }

    [HttpPost, Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> RequestExtension(int id, DateOnly? to, string? note, string? rowVersion, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null || await access.FindAsync(ticket.SchoolId, SchoolOperations.Record, ct) is null) return NotFound();
        return await ActAsync(ticket, rowVersion, () =>
        {
            ticket.RequestExtension(Actor(), clock.GetUtcNow().UtcDateTime, to, note);
            return Task.CompletedTask;
        }, [], "Ticket.ExtensionRequestedDone", ct);
    }

    [HttpPost, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> DecideExtension(int id, bool approve, string? note, string? rowVersion, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null) return NotFound();
        return await ActAsync(ticket, rowVersion, () =>
        {
            ticket.DecideExtension(Actor(), clock.GetUtcNow().UtcDateTime, approve, note);
            return Task.CompletedTask;
        }, [], approve ? "Ticket.ExtensionApprovedDone" : "Ticket.ExtensionRefusedDone", ct);
    }

    [HttpPost, Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Supervise(int id, string? note, DateOnly? due, string? rowVersion, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null) return NotFound();
        return await ActAsync(ticket, rowVersion, () =>
        {
            ticket.Supervise(Actor(), clock.GetUtcNow().UtcDateTime, note, due, Today);
            return Task.CompletedTask;
        }, [], "Ticket.SupervisedDone", ct);
    }

    [HttpPost, Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> LiftSupervision(int id, string? rowVersion, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null) return NotFound();
        return await ActAsync(ticket, rowVersion, () =>
        {
            ticket.LiftSupervision(Actor(), clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        }, [], "Ticket.LiftedDone", ct);
    }

    /// <summary>Runs one move of the ticket; a refused move or a conflict is shown on the ticket page and nothing is saved.</summary>
    private async Task<IActionResult> ActAsync(HazardTicket ticket, string? rowVersion, Func<Task> move, List<StoredFile> files, string doneKey, CancellationToken ct)
    {
        db.Entry(ticket).Property(t => t.RowVersion).OriginalValue = Decode(rowVersion);
        try
        {
            await move();
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is TicketRuleException or FileRejectedException or DbUpdateConcurrencyException)
        {
            foreach (var f in files) storage.Delete(f);
            var message = e switch
            {
                TicketRuleException r => l[r.MessageKey].Value,
                FileRejectedException f => l[f.MessageKey, f.Args].Value,
                _ => l["Ticket.Conflict"].Value,
            };
            db.ChangeTracker.Clear();
            var fresh = (await LoadAsync(ticket.Id, ct))!;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Details), await ModelAsync(fresh, message, ct));
        }
        TempData["Success"] = l[doneKey, ticket.Number].Value;
        return RedirectToAction(nameof(Details), new { id = ticket.Id });
    }

    /// <summary>The ticket, if its school is in the user's scope.</summary>
    private async Task<HazardTicket?> LoadAsync(int id, CancellationToken ct)
    {
        var ticket = await db.HazardTickets.Include(t => t.Events).Include(t => t.ChecklistItem).Include(t => t.InspectionResult!.Inspection)
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null) return null;
        ticket.School = await access.FindAsync(ticket.SchoolId, SchoolOperations.Read, ct);
        return ticket.School is null ? null : ticket;
    }

    private TicketActor Actor()
    {
        var scope = User.GetScope();
        return new TicketActor(scope.UserId, User.Identity?.Name ?? "", scope.IsBureauUser, scope.IsSchoolUser && scope.Role == Roles.SchoolLeader);
    }

    private async Task<TicketViewModel> ModelAsync(HazardTicket ticket, string? message, CancellationToken ct)
    {
        var before = ticket.InspectionResultId is int r
            ? await db.StoredFiles.AsNoTracking().Where(f => f.InspectionResultId == r).ToListAsync(ct) : [];
        var after = await db.StoredFiles.AsNoTracking().Where(f => f.HazardTicketId == ticket.Id).ToListAsync(ct);
        var canRectify = ticket.Status is HazardStatus.Open or HazardStatus.Rectifying
                         && await access.FindAsync(ticket.SchoolId, SchoolOperations.Record, ct) is not null;
        var inspection = ticket.InspectionResult?.Inspection;
        return new TicketViewModel(ticket, before, after, Today, canRectify, ticket.CanVerify(Actor()), message)
        {
            CanRequestExtension = canRectify && ticket.ExtensionRequestedTo is null,
            CanDecideExtension = ticket.CanDecideExtension(Actor()),
            CanRecordPlan = await CanRecordPlanAsync(ticket, ct),
            SourceLink = ticket.DrillId is int drillId ? $"/Drills/Details/{drillId}"
                : inspection is null ? null
                : inspection.CampaignId is int campaign ? $"/Schools/{ticket.SchoolId}/Campaigns/{campaign}"
                : $"/Schools/{ticket.SchoolId}/Inspections/{inspection.WeekNumber}",
        };
    }

    private static byte[] Decode(string? value)
    {
        try { return Convert.FromBase64String(value ?? ""); }
        catch (FormatException) { return []; }
    }
}

/// <summary>The treatment plan form; each field is checked by <see cref="TreatmentPlan.MissingFields"/>.</summary>
public sealed class PlanForm
{
    public string? Goal { get; set; }
    public string? Measures { get; set; }
    public string? Funds { get; set; }
    public string? People { get; set; }
    public DateOnly? TimeLimit { get; set; }
    public string? Safety { get; set; }

    public static PlanForm Of(HazardTicket t) => new()
    {
        Goal = t.PlanGoal, Measures = t.PlanMeasures, Funds = t.PlanFunds, People = t.PlanPeople, TimeLimit = t.PlanTimeLimit, Safety = t.PlanSafety,
    };
}
