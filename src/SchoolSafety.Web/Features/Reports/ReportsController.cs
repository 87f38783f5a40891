using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Data;
using SchoolSafety.Reports;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Reports;

/// <summary>Reports for the bureau, as PDF documents.</summary>
public sealed class ReportsController(AppDbContext db, DashboardService dashboard, ReportFonts fonts, TimeProvider clock, ILogger<ReportsController> logger,
    DownloadAudit downloads) : Controller
{
    /// <summary>The term report (情况汇报) of the user's node: the current term, or <paramref name="termId"/>.</summary>
    [HttpGet("Reports/Term"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Term(int? termId, CancellationToken ct)
    {
        var scope = User.GetScope();
        var today = ChinaTime.Today(clock);
        var data = await dashboard.BuildAsync(db.Schools.VisibleTo(scope), today, new DashboardFilter(termId, null, null, null), ct);
        if (data.Term is null) return NotFound();
        var node = await db.Jurisdictions.AsNoTracking().Where(j => j.Path == scope.JurisdictionPath).Select(j => j.Name).FirstOrDefaultAsync(ct) ?? "";
        var report = TermReport.Build(data, node, today, fonts.Font, clock.GetUtcNow());
        if (report.MissingCharacters.Count > 0)
            logger.LogWarning("Term report {Term}: the report font has no glyph for {Characters}", data.Term.Name, string.Join(" ", report.MissingCharacters));
        var fileName = $"{node}{data.Term.Name}学校安全工作情况汇报.pdf";
        await downloads.RecordAsync(DownloadAudit.Kinds.TermReport, data.Term.Id.ToString(), null,
            new Dictionary<string, string?> { ["Term"] = data.Term.Name, ["Jurisdiction"] = node, ["FileName"] = fileName }, ct);
        return File(report.Bytes, "application/pdf", fileName);
    }
}
