using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Data;
using SchoolSafety.Files;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Tickets;

public sealed class TicketQuery
{
    public HazardStatus? Status { get; set; }
    public bool Overdue { get; set; }
    public bool Supervised { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record TicketListViewModel(TicketQuery Query, IReadOnlyList<HazardTicket> Tickets, int Total, int Page, int PageCount, DateOnly Today)
{
    public const int PageSize = 30;
}

public sealed record TicketViewModel(
    HazardTicket Ticket, IReadOnlyList<StoredFile> Before, IReadOnlyList<StoredFile> After, DateOnly Today,
    bool CanRectify, bool CanVerify, string? Message)
{
    public bool CanRequestExtension { get; init; }
    public bool CanDecideExtension { get; init; }
}

/// <summary>
/// Hazard rectification tickets (隐患整改单): the school rectifies with evidence, someone else
/// verifies (一般: a school leader or the bureau; 重大: the bureau), and only then is it closed.
/// </summary>
public sealed class TicketsController(
    AppDbContext db, SchoolAccess access, FileStorage storage, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private DateOnly Today => SchoolSafety.Common.ChinaTime.Today(clock);

    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Index([FromQuery] TicketQuery query, CancellationToken ct)
    {
        var tickets = db.HazardTickets.VisibleTo(User.GetScope());
        if (query.Status is { } status) tickets = tickets.Where(t => t.Status == status);
        var today = Today;
        if (query.Overdue) tickets = tickets.Where(t => t.Status != HazardStatus.Closed && t.Deadline < today);
        if (query.Supervised) tickets = tickets.Where(t => t.IsSupervised);
        var total = await tickets.CountAsync(ct);
        var pageCount = Math.Max(1, (total + TicketListViewModel.PageSize - 1) / TicketListViewModel.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await tickets.Include(t => t.School).Include(t => t.ChecklistItem)
            .OrderBy(t => t.Status == HazardStatus.Closed).ThenBy(t => t.Deadline).ThenBy(t => t.Number)
            .Skip((page - 1) * TicketListViewModel.PageSize).Take(TicketListViewModel.PageSize).ToListAsync(ct);
        return View(new TicketListViewModel(query, rows, total, page, pageCount, today));
    }

    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        return ticket is null ? NotFound() : View(await ModelAsync(ticket, null, ct));
    }

    [HttpPost, Authorize(Policy = Policies.SchoolStaff)]
    [RequestSizeLimit(60 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
    public async Task<IActionResult> Rectify(int id, string? note, List<IFormFile>? photos, string? rowVersion, CancellationToken ct)
    {
        var ticket = await LoadAsync(id, ct);
        if (ticket is null || await access.FindAsync(ticket.SchoolId, SchoolOperations.Record, ct) is null) return NotFound();
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
        var ticket = await db.HazardTickets.Include(t => t.Events).Include(t => t.ChecklistItem).Include(t => t.InspectionResult)
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
        return new TicketViewModel(ticket, before, after, Today, canRectify, ticket.CanVerify(Actor()), message)
        {
            CanRequestExtension = canRectify && ticket.ExtensionRequestedTo is null,
            CanDecideExtension = ticket.CanDecideExtension(Actor()),
        };
    }

    private static byte[] Decode(string? value)
    {
        try { return Convert.FromBase64String(value ?? ""); }
        catch (FormatException) { return []; }
    }
}
