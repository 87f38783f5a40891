using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Home;

public sealed record HomeViewModel(
    int Schools, int Students, int BoardingStudents, int Staff,
    IReadOnlyList<(SchoolType Type, int Count, int Students)> ByType,
    IReadOnlyList<(string Township, int Count)> ByTownship);

[Authorize(Policy = Policies.AnyUser)]
public sealed class HomeController(AppDbContext db) : Controller
{
    /// <summary>School users land on their school's file; bureau users on the overview of their jurisdiction.</summary>
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var scope = User.GetScope();
        if (scope.IsSchoolUser)
            return RedirectToAction("Details", "Schools", new { id = scope.SchoolId });

        var schools = db.Schools.VisibleTo(scope).Where(s => s.IsActive);
        var byType = await schools.GroupBy(s => s.Type)
            .Select(g => new { g.Key, Count = g.Count(), Students = g.Sum(s => s.Students) })
            .ToListAsync(ct);
        var byTownship = await schools.GroupBy(s => s.Township)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var totals = await schools.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Students = g.Sum(s => s.Students), Boarding = g.Sum(s => s.BoardingStudents), Staff = g.Sum(s => s.Staff) })
            .FirstOrDefaultAsync(ct);

        return View(new HomeViewModel(
            totals?.Count ?? 0, totals?.Students ?? 0, totals?.Boarding ?? 0, totals?.Staff ?? 0,
            byType.OrderBy(t => t.Key).Select(t => (t.Key, t.Count, t.Students)).ToList(),
            byTownship.OrderByDescending(t => t.Count).ThenBy(t => t.Key).Select(t => (t.Key, t.Count)).ToList()));
    }
}
