using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Audit;

public sealed class AuditQuery
{
    public int? SchoolId { get; set; }
    public string? User { get; set; }
    public string? Entity { get; set; }

    /// <summary>Only entries of one kind, e.g. <see cref="AuditAction.Download"/>: who downloaded what.</summary>
    public AuditAction? Action { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record AuditRow(AuditEntry Entry, string? SchoolName);

public sealed record AuditViewModel(
    AuditQuery Query, IReadOnlyList<AuditRow> Entries, int Page, int PageCount,
    IReadOnlyList<string> EntityTypes, string? SchoolName)
{
    public const int PageSize = 50;
}

/// <summary>
/// The audit trail (痕迹管理), read-only. Bureau users see the entries of schools in their
/// jurisdiction; administrators also see entries that belong to no school (accounts, jurisdictions).
/// </summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class AuditController(AppDbContext db) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] AuditQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        var schoolIds = db.Schools.VisibleTo(scope).Select(s => s.Id);
        var entries = db.AuditEntries.Where(a =>
            (a.SchoolId != null && schoolIds.Contains(a.SchoolId.Value))
            || (a.SchoolId == null && scope.Role == Roles.Administrator));

        string? schoolName = null;
        if (query.SchoolId is int schoolId)
        {
            schoolName = await db.Schools.VisibleTo(scope).Where(s => s.Id == schoolId).Select(s => s.Name).FirstOrDefaultAsync(ct);
            if (schoolName is null) return NotFound();
            entries = entries.Where(a => a.SchoolId == schoolId);
        }
        if (!string.IsNullOrWhiteSpace(query.User)) entries = entries.Where(a => a.UserName == query.User.Trim());
        if (!string.IsNullOrWhiteSpace(query.Entity)) entries = entries.Where(a => a.EntityType == query.Entity);
        if (query.Action is { } action) entries = entries.Where(a => a.Action == action);
        // Dates are the user's calendar days in China Standard Time.
        if (query.From is { } from) entries = entries.Where(a => a.At >= StartOfDayUtc(from));
        if (query.To is { } to) entries = entries.Where(a => a.At < StartOfDayUtc(to.AddDays(1)));

        var total = await entries.CountAsync(ct);
        var pageCount = Math.Max(1, (total + AuditViewModel.PageSize - 1) / AuditViewModel.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await entries.OrderByDescending(a => a.Id)
            .Skip((page - 1) * AuditViewModel.PageSize).Take(AuditViewModel.PageSize)
            .Select(a => new { Entry = a, School = db.Schools.Where(s => s.Id == a.SchoolId).Select(s => s.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

        return View(new AuditViewModel(query, rows.Select(r => new AuditRow(r.Entry, r.School)).ToList(),
            page, pageCount, types, schoolName));
    }

    internal static DateTime StartOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
}
