using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Hazards;
using SchoolSafety.Notifications;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Notifications;

/// <summary>The user's own notifications (the bell). Nobody sees another user's.</summary>
[Authorize(Policy = Policies.AnyUser)]
public sealed class NotificationsController(AppDbContext db, TicketDigest digest, TimeProvider clock) : Controller
{
    /// <summary>The daily digest: what reached the user in the last day, and the tickets that need them today.</summary>
    [HttpGet]
    public async Task<IActionResult> Digest(CancellationToken ct)
    {
        var scope = User.GetScope();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var recent = await db.Notifications.Where(n => n.UserId == scope.UserId && n.CreatedAt >= since)
            .OrderByDescending(n => n.Id).Take(200).ToListAsync(ct);
        var today = SchoolSafety.Common.ChinaTime.Today(clock);
        return View(new DigestViewModel(today, recent, await digest.ForAsync(scope, today, ct)));
    }

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = User.GetScope().UserId;
        var list = await db.Notifications.Where(n => n.UserId == userId)
            .OrderByDescending(n => n.Id).Take(100).ToListAsync(ct);
        return View(list);
    }

    /// <summary>Marks one notification read and follows its link.</summary>
    [HttpPost]
    public async Task<IActionResult> Open(long id, CancellationToken ct)
    {
        var userId = User.GetScope().UserId;
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct);
        if (n is null) return NotFound();
        n.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return n.Link is { } link && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> MarkAllRead(CancellationToken ct)
    {
        var userId = User.GetScope().UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in await db.Notifications.Where(x => x.UserId == userId && x.ReadAt == null).ToListAsync(ct))
            n.ReadAt = now;
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Index));
    }
}

public sealed record DigestViewModel(DateOnly Today, IReadOnlyList<Notification> Recent, TicketDigestLists Tickets);

/// <summary>The bell in the menu, with the number of unread notifications.</summary>
public sealed class NotificationBellViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.GetScope().UserId;
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
        return View("~/Features/Notifications/_Bell.cshtml", unread);
    }
}
