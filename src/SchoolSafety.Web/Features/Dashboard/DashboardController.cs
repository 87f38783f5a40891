using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Data;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Dashboard;

public enum DashboardSort { Risk, Overdue, Open, Completion, Name }

public sealed class DashboardQuery
{
    public int? TermId { get; set; }
    public int? Week { get; set; }
    public string? Township { get; set; }
    public SchoolType? Type { get; set; }

    /// <summary>One county of a city's or a province's dashboard.</summary>
    public int? County { get; set; }

    /// <summary>Search in the school table: part of the name or the code.</summary>
    public string? Q { get; set; }
    public DashboardSort Sort { get; set; }
    public bool Desc { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record DashboardViewModel(DashboardQuery Query, DashboardData Data, IReadOnlyList<SchoolLine> Page, int Total, int PageNumber, int PageCount,
    IReadOnlyList<string> Townships, bool Bureau)
{
    /// <summary>The counties a city or province user can narrow the page to (empty for a county or a school).</summary>
    public IReadOnlyList<(int Id, string Name)> Counties { get; init; } = [];

    public const int PageSize = 50;
}

/// <summary>
/// The dashboard (看板): where the county stands this week and which schools need a call today. Bureau users see every
/// school of their node; school users see the same figures for their own school.
/// </summary>
public sealed class DashboardController(AppDbContext db, DashboardService dashboard, TimeProvider clock) : Controller
{
    [HttpGet("Dashboard"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Index([FromQuery] DashboardQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        var schools = db.Schools.VisibleTo(scope);
        var counties = scope.IsBureauUser
            ? (await db.Jurisdictions.VisibleTo(scope).Where(j => j.Level == JurisdictionLevel.County).OrderBy(j => j.Code)
                .Select(j => new { j.Id, j.Name }).ToListAsync(ct)).Select(j => (j.Id, j.Name)).ToList()
            : [];
        if (counties.Count < 2) counties = [];
        if (query.County is int county)
        {
            if (!counties.Any(c => c.Id == county)) return NotFound();
            schools = schools.Where(s => s.JurisdictionId == county);
        }
        var data = await dashboard.BuildAsync(schools, ChinaTime.Today(clock), new DashboardFilter(query.TermId, query.Week, query.Township, query.Type), ct);

        IEnumerable<SchoolLine> lines = data.Lines;
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            lines = lines.Where(l => l.School.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || l.School.Code.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        lines = (query.Sort, query.Desc) switch
        {
            (DashboardSort.Overdue, _) => Order(lines, l => l.Overdue, !query.Desc),
            (DashboardSort.Open, _) => Order(lines, l => l.Open, !query.Desc),
            (DashboardSort.Completion, _) => Order(lines, l => l.Expected == 0 ? 1.0 : (double)l.Submitted / l.Expected, query.Desc),
            (DashboardSort.Name, _) => Order(lines, l => l.School.Code, query.Desc),
            _ => Order(lines, l => (int)l.Risk * 10000 + l.Overdue * 100 + l.Open, !query.Desc),
        };
        var all = lines.ToList();
        var pageCount = Math.Max(1, (all.Count + DashboardViewModel.PageSize - 1) / DashboardViewModel.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var townships = scope.IsBureauUser
            ? await schools.Where(s => s.IsActive).Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct) : [];
        return View(new DashboardViewModel(query, data, all.Skip((page - 1) * DashboardViewModel.PageSize).Take(DashboardViewModel.PageSize).ToList(),
            all.Count, page, pageCount, townships, scope.IsBureauUser) { Counties = counties });
    }

    private static IEnumerable<SchoolLine> Order<TKey>(IEnumerable<SchoolLine> lines, Func<SchoolLine, TKey> key, bool descending) =>
        descending ? lines.OrderByDescending(key).ThenBy(l => l.School.Code) : lines.OrderBy(key).ThenBy(l => l.School.Code);
}
