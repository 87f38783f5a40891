using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Defences;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Reports;
using SchoolSafety.Security;
using SchoolSafety.Web.Features.Defences;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Reports;

public sealed class TermNarrativeForm
{
    public string? Deployment { get; set; }
    public string? Plans { get; set; }
    public string? RowVersion { get; set; }
}

/// <summary>The term report's preview: the computed figures, and the node's own text in editable fields.</summary>
public sealed record TermPreviewViewModel(TermReportData Data, TermNarrativeForm Form, TermReportNarrative? Stored, DateOnly Today);

/// <summary>
/// The PDF documents: the term report (with its preview and the narrative the node writes), the
/// school file, the weekly record sheet, the drill record and a ticket's closing record. Each is
/// composed in SchoolSafety.Core/Reports; this controller checks the scope, loads and serves.
/// </summary>
public sealed class ReportsController(
    AppDbContext db, TermReportService termReports, DefenceFigures defences, InspectionService inspections, SchoolAccess access,
    ReportFonts fonts, IStringLocalizer<SharedResource> l, TimeProvider clock, ILogger<ReportsController> logger, DownloadAudit downloads) : Controller
{
    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The term report (情况汇报) of the user's node: the current term, or <paramref name="termId"/>.</summary>
    [HttpGet("Reports/Term"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Term(int? termId, CancellationToken ct)
    {
        var data = await TermDataAsync(termId, ct);
        if (data is null) return NotFound();
        var report = TermReport.Build(data, Today, fonts.Font, clock.GetUtcNow());
        return await PdfAsync(report, $"{data.Node}{data.Dashboard.Term!.Name}学校安全工作情况汇报.pdf", DownloadAudit.Kinds.TermReport, data.Dashboard.Term.Id.ToString(), null, ct,
            ("Term", data.Dashboard.Term.Name), ("Jurisdiction", data.Node));
    }

    /// <summary>The term report in the page, with 一、部署 and 五、今后工作 in editable fields.</summary>
    [HttpGet("Reports/TermPreview"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> TermPreview(int? termId, CancellationToken ct)
    {
        var data = await TermDataAsync(termId, ct);
        if (data is null) return NotFound();
        var n = data.Narrative;
        return View(new TermPreviewViewModel(data, new TermNarrativeForm
        {
            Deployment = n?.Deployment, Plans = n?.Plans, RowVersion = n is null ? "" : Convert.ToBase64String(n.RowVersion),
        }, null, Today));
    }

    /// <summary>
    /// Saves the node's text for the term. If someone saved it since this user opened the page, nothing
    /// is overwritten: the page comes back (409) with this user's text in the fields and the stored text beside it.
    /// </summary>
    [HttpPost("Reports/TermPreview"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> TermPreview(int termId, [Bind(Prefix = "Form")] TermNarrativeForm form, CancellationToken ct)
    {
        var data = await TermDataAsync(termId, ct);
        if (data is null || data.Dashboard.Term!.Id != termId) return NotFound(); // never save onto another term than the one shown
        var node = await NodeAsync(ct);
        if (node is null) return NotFound();
        if ((form.Deployment?.Length ?? 0) > TermReportNarrative.TextMaxLength)
            ModelState.AddModelError("Form.Deployment", l["TermReport.TooLong", TermReportNarrative.TextMaxLength]);
        if ((form.Plans?.Length ?? 0) > TermReportNarrative.TextMaxLength)
            ModelState.AddModelError("Form.Plans", l["TermReport.TooLong", TermReportNarrative.TextMaxLength]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new TermPreviewViewModel(data, form, null, Today));
        }

        var term = data.Dashboard.Term!;
        var narrative = await db.TermReportNarratives.FirstOrDefaultAsync(x => x.JurisdictionId == node.Id && x.TermId == term.Id, ct);
        var conflict = false;
        if (narrative is null)
        {
            // Someone else's first save can only be seen as a row this user's form did not know.
            narrative = new TermReportNarrative { JurisdictionId = node.Id, TermId = term.Id };
            db.TermReportNarratives.Add(narrative);
        }
        else if (string.IsNullOrEmpty(form.RowVersion)) conflict = true;
        else db.Entry(narrative).Property(x => x.RowVersion).OriginalValue = Decode(form.RowVersion);

        if (!conflict)
        {
            narrative.Deployment = TermReportNarrative.Clean(form.Deployment);
            narrative.Plans = TermReportNarrative.Clean(form.Plans);
            narrative.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            narrative.UpdatedById = User.GetScope().UserId;
            narrative.UpdatedByName = User.Identity?.Name;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) // a changed row version, or a second first save (unique node + term)
            {
                conflict = true;
            }
        }
        if (conflict)
        {
            db.ChangeTracker.Clear();
            var stored = await db.TermReportNarratives.AsNoTracking().FirstAsync(x => x.JurisdictionId == node.Id && x.TermId == term.Id, ct);
            ModelState.Clear();
            ModelState.AddModelError("", l["TermReport.Conflict", stored.UpdatedByName ?? "", ChinaTime.FromUtc(stored.UpdatedAt).ToString("yyyy-MM-dd HH:mm")]);
            form.RowVersion = Convert.ToBase64String(stored.RowVersion);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new TermPreviewViewModel(data with { Narrative = stored }, form, stored, Today));
        }
        TempData["Success"] = l["TermReport.Saved"].Value;
        return RedirectToAction(nameof(TermPreview), new { termId = term.Id });
    }

    /// <summary>The school file (一校一档) of one school for the current term or <paramref name="termId"/>.</summary>
    [HttpGet("Schools/{schoolId:int}/SchoolFile"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> SchoolFile(int schoolId, int? termId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        await db.Entry(school).Reference(s => s.Jurisdiction).LoadAsync(ct);
        var terms = await inspections.TermsForAsync(school, ct);
        var term = termId is int id ? terms.FirstOrDefault(t => t.Id == id) : terms.LastOrDefault(t => t.Start <= Today);
        if (term is null) return NotFound();
        var data = await SchoolFileReport.LoadAsync(db, defences, school, term, Today, ct);
        var report = SchoolFileReport.Build(data, GapInChinese, fonts.Font, clock.GetUtcNow());
        return await PdfAsync(report, $"{school.Name}安全工作档案-{term.Name}.pdf", DownloadAudit.Kinds.SchoolFile, school.Code, school.Id, ct, ("Term", term.Name));
    }

    /// <summary>The weekly inspection record sheet (周检月查记录表) of one school and week, for the paper ledger.</summary>
    [HttpGet("Schools/{schoolId:int}/Inspections/{week:int}/Sheet"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> WeeklySheet(int schoolId, int week, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null || !SchoolWeek.TryParse(week, out var w) || w.Monday > Today) return NotFound();
        await db.Entry(school).Reference(s => s.Jurisdiction).LoadAsync(ct);
        var data = await SchoolSafety.Reports.WeeklySheet.LoadAsync(db, inspections, school, w, ct);
        var report = SchoolSafety.Reports.WeeklySheet.Build(data, fonts.Font, clock.GetUtcNow());
        return await PdfAsync(report, $"{school.Name}周检月查记录表-{w.Year}年第{w.Week}周.pdf", DownloadAudit.Kinds.WeeklySheet, w.Number.ToString(), school.Id, ct);
    }

    /// <summary>The record of one drill.</summary>
    [HttpGet("Drills/Record/{id:int}"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> DrillRecord(int id, CancellationToken ct)
    {
        var drill = await db.Drills.AsNoTracking().Include(d => d.Photos).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (drill is null) return NotFound();
        drill.School = await access.FindAsync(drill.SchoolId, SchoolOperations.Read, ct);
        if (drill.School is null) return NotFound();
        var report = SchoolSafety.Reports.DrillRecord.Build(drill, fonts.Font, clock.GetUtcNow());
        return await PdfAsync(report, $"{drill.School.Name}应急演练记录-{drill.Date:yyyy-MM-dd}.pdf", DownloadAudit.Kinds.DrillRecord, drill.Id.ToString(), drill.SchoolId, ct);
    }

    /// <summary>The closing record (销号) of a closed ticket; 404 while it is open.</summary>
    [HttpGet("Tickets/Closing/{id:int}"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Closing(int id, CancellationToken ct)
    {
        var ticket = await db.HazardTickets.AsNoTracking().Include(t => t.Events).Include(t => t.ChecklistItem).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null) return NotFound();
        ticket.School = await access.FindAsync(ticket.SchoolId, SchoolOperations.Read, ct);
        if (ticket.School is null || ticket.Status != HazardStatus.Closed || ticket.ClosedAt is null) return NotFound();
        var report = ClosingRecord.Build(ticket, fonts.Font, clock.GetUtcNow());
        return await PdfAsync(report, $"隐患整改销号记录-{ticket.Number}.pdf", DownloadAudit.Kinds.ClosingRecord, ticket.Number, ticket.SchoolId, ct);
    }

    private async Task<TermReportData?> TermDataAsync(int? termId, CancellationToken ct)
    {
        var node = await NodeAsync(ct);
        if (node is null) return null;
        return await termReports.BuildAsync(db.Schools.VisibleTo(User.GetScope()), node.Id, node.Name, termId, Today, ct);
    }

    private Task<Jurisdiction?> NodeAsync(CancellationToken ct)
    {
        var path = User.GetScope().JurisdictionPath;
        return db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Path == path, ct);
    }

    /// <summary>A gap in the app's own Chinese wording, whatever the reader's language: the documents are Chinese.</summary>
    private string GapInChinese(DefenceGap gap)
    {
        var culture = CultureInfo.CurrentUICulture;
        var format = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
            return DefenceText.Gap(l, gap);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = format;
        }
    }

    /// <summary>Serves a report, after noting in the audit trail who downloaded it (and logging characters the font lacks).</summary>
    private async Task<FileContentResult> PdfAsync(PdfReport report, string fileName, string kind, string key, int? schoolId, CancellationToken ct,
        params (string Name, string? Value)[] details)
    {
        if (report.MissingCharacters.Count > 0)
            logger.LogWarning("Report {File} ({Kind} {Key}): the report font has no glyph for {Characters}", fileName, kind, key, string.Join(" ", report.MissingCharacters));
        var audit = details.ToDictionary(d => d.Name, d => d.Value);
        audit["FileName"] = fileName;
        await downloads.RecordAsync(kind, key, schoolId, audit, ct);
        return File(report.Bytes, "application/pdf", fileName);
    }

    private static byte[] Decode(string? value)
    {
        try { return Convert.FromBase64String(value ?? ""); }
        catch (FormatException) { return []; }
    }
}
