using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Exports;
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
public sealed class DashboardController(AppDbContext db, DashboardService dashboard, TimeProvider clock, TableDownload exports,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("Dashboard"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Index([FromQuery] DashboardQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        var (schools, counties) = await SchoolsAsync(scope, query.County, ct);
        if (schools is null) return NotFound();
        var (data, all) = await TableAsync(schools, query, ct);
        var pageCount = Math.Max(1, (all.Count + DashboardViewModel.PageSize - 1) / DashboardViewModel.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var townships = scope.IsBureauUser
            ? await schools.Where(s => s.IsActive).Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct) : [];
        return View(new DashboardViewModel(query, data, all.Skip((page - 1) * DashboardViewModel.PageSize).Take(DashboardViewModel.PageSize).ToList(),
            all.Count, page, pageCount, townships, scope.IsBureauUser) { Counties = counties });
    }

    /// <summary>
    /// The user's schools, narrowed to one county when asked (null when that county is not one of theirs), and the
    /// counties a city or province user can choose from (none for a county or a school).
    /// </summary>
    private async Task<(IQueryable<School>? Schools, List<(int Id, string Name)> Counties)> SchoolsAsync(UserScope scope, int? county, CancellationToken ct)
    {
        var schools = db.Schools.VisibleTo(scope);
        var counties = !scope.IsBureauUser ? [] : (await db.Jurisdictions.VisibleTo(scope).Where(j => j.Level == JurisdictionLevel.County).OrderBy(j => j.Code)
            .Select(j => new { j.Id, j.Name }).ToListAsync(ct)).Select(j => (j.Id, j.Name)).ToList();
        if (counties.Count < 2) counties = [];
        if (county is null) return (schools, counties);
        return counties.Any(c => c.Id == county) ? (schools.Where(s => s.JurisdictionId == county), counties) : (null, counties);
    }

    /// <summary>The school table as .xlsx or CSV: every line the table would show for the same query (all pages), in its order.</summary>
    [HttpGet("Dashboard/Export"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Export([FromQuery] DashboardQuery query, ExportFormat format, CancellationToken ct)
    {
        if (!Enum.IsDefined(format)) return NotFound();
        var scope = User.GetScope();
        var (schools, _) = await SchoolsAsync(scope, query.County, ct);
        if (schools is null) return NotFound();
        var (_, lines) = await TableAsync(schools, query, ct);
        return await exports.FileAsync(Request, DownloadAudit.Kinds.DashboardExport, format, "Export.Dashboard", scope.SchoolId,
        [
            new("School.Code", x => x.School.Code),
            new("School.Name", x => x.School.Name),
            new("School.Township", x => x.School.Township),
            new("School.Type", x => text["SchoolType." + x.School.Type].Value),
            new("Dashboard.Risk", x => text["RiskLevel." + x.Risk].Value),
            new("Export.RiskReasons", x => string.Join("、", x.Reasons.Select(r => text[r].Value))),
            new("Export.Submitted", x => x.Submitted),
            new("Export.Expected", x => x.Expected),
            new("Dashboard.Open", x => x.Open),
            new("Export.MajorOpen", x => x.MajorOpen),
            new("Dashboard.Overdue", x => x.Overdue),
            new("Dashboard.GuardsShortColumn", x => x.GuardsShort),
            new("Drill.Title", x => text[x.DrillCompliant ? "Drill.PeriodDone" : "Drill.NotCompliant"].Value),
            new("EducationKind.FirstLesson", x => text[x.FirstLesson ? "Education.Done" : "Education.NotDone"].Value),
        ], lines.ToAsyncEnumerable(), ct);
    }

    /// <summary>
    /// The dashboard and its school table for a query: search and sort applied, not paged. The page shows one page of
    /// it, the export all of it. The lines are counted in memory by <see cref="DashboardService"/> (one line per school).
    /// </summary>
    private async Task<(DashboardData Data, List<SchoolLine> Lines)> TableAsync(IQueryable<School> schools, DashboardQuery query, CancellationToken ct)
    {
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
            (DashboardSort.Name, _) => Order(lines, l => l.School.Code, query.Desc, StringComparer.Ordinal),
            _ => Order(lines, l => (int)l.Risk * 10000 + l.Overdue * 100 + l.Open, !query.Desc),
        };
        return (data, lines.ToList());
    }

    /// <summary>Sorted by the key, then by code. Codes compare ordinally (as the database orders them; a culture's rules are slow on 20,000 lines).</summary>
    private static IEnumerable<SchoolLine> Order<TKey>(IEnumerable<SchoolLine> lines, Func<SchoolLine, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? lines.OrderByDescending(key, comparer).ThenBy(l => l.School.Code, StringComparer.Ordinal)
            : lines.OrderBy(key, comparer).ThenBy(l => l.School.Code, StringComparer.Ordinal);
}
