using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Security;

namespace SchoolSafety.Hazards;

/// <summary>One user's day on the tickets (每日待办): what is due soon, what is overdue, what waits for them to verify.</summary>
public sealed record TicketDigestLists(
    IReadOnlyList<HazardTicket> DueSoon, IReadOnlyList<HazardTicket> Overdue, IReadOnlyList<HazardTicket> ToVerify, IReadOnlyList<HazardTicket> LateVerification);

public sealed class TicketDigest(AppDbContext db)
{
    public const int ListLimit = 50;

    /// <summary>
    /// For a school: its tickets due in two days and overdue, and (for a leader) the 一般 tickets waiting for verification.
    /// For the bureau: 重大 or supervised tickets overdue, 重大 tickets waiting for verification, and verifications past the 10 days.
    /// </summary>
    public async Task<TicketDigestLists> ForAsync(UserScope scope, DateOnly today, CancellationToken ct = default)
    {
        var open = db.HazardTickets.VisibleTo(scope).Include(t => t.School).Where(t => t.Status != HazardStatus.Closed);
        var soon = today.AddDays(HazardRules.DueSoonDays);
        var cutoff = new DateTimeOffset(today.AddDays(-HazardRules.VerificationDays).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        var bureau = scope.IsBureauUser;
        var awaiting = open.Where(t => t.Status == HazardStatus.AwaitingVerification && t.RectifiedById != scope.UserId);

        var dueSoon = bureau ? [] : await open.Where(t => t.Deadline >= today && t.Deadline <= soon).OrderBy(t => t.Deadline).Take(ListLimit).ToListAsync(ct);
        var overdue = await open.Where(t => t.Deadline < today && (!bureau || t.Grade == HazardGrade.Major || t.IsSupervised))
            .OrderBy(t => t.Deadline).Take(ListLimit).ToListAsync(ct);
        var toVerify = bureau ? await awaiting.Where(t => t.Grade == HazardGrade.Major).OrderBy(t => t.RectifiedAt).Take(ListLimit).ToListAsync(ct)
            : scope.Role == Roles.SchoolLeader ? await awaiting.Where(t => t.Grade == HazardGrade.General).OrderBy(t => t.RectifiedAt).Take(ListLimit).ToListAsync(ct)
            : [];
        var late = bureau ? await awaiting.Where(t => t.RectifiedAt < cutoff).OrderBy(t => t.RectifiedAt).Take(ListLimit).ToListAsync(ct) : [];
        return new TicketDigestLists(dueSoon, overdue, toVerify, late);
    }
}
