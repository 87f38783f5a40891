using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Reports;

/// <summary>One line of the sheet: the item and, when the week was inspected, its answer.</summary>
public sealed record SheetLine(ChecklistItem Item, InspectionResult? Result);

/// <summary>The week of one school: its current inspection (null: not started, a blank sheet of the due items) and who filled and signed it.</summary>
public sealed record WeeklySheetData(School School, SchoolWeek Week, int? TermWeek, Inspection? Inspection, IReadOnlyList<SheetLine> Lines,
    string? SubmittedBy, string? SignedOffBy);

/// <summary>
/// The weekly inspection record sheet (周检月查记录表) for the paper ledger: every item of the week
/// with its answer and note, the hazards found with their responsible person and deadline, and
/// the signature lines of the inspector, the safety head and the principal. A week not yet
/// inspected prints as a blank sheet of the items due, to be filled in by hand.
/// </summary>
public static class WeeklySheet
{
    public static async Task<WeeklySheetData> LoadAsync(AppDbContext db, InspectionService inspections, School school, SchoolWeek week, CancellationToken ct = default)
    {
        var inspection = await inspections.CurrentAsync(school.Id, week, ct);
        IReadOnlyList<SheetLine> lines;
        if (inspection is not null)
            lines = inspection.Results.Where(r => r.Item is not null).OrderBy(r => r.Item!.Number).Select(r => new SheetLine(r.Item!, r)).ToList();
        else
        {
            var template = await inspections.CurrentTemplateAsync(ct);
            lines = (await inspections.DueItemsAsync(school.Id, week, template, ct)).OrderBy(i => i.Number).Select(i => new SheetLine(i, null)).ToList();
        }
        var term = (await inspections.TermsForAsync(school, ct)).LastOrDefault(t => t.Contains(week));
        int? termWeek = term is null ? null : term.Weeks().TakeWhile(w => w.Number <= week.Number).Count();
        var ids = new[] { inspection?.SubmittedById, inspection?.SignedOffById }.Where(i => i is not null).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new WeeklySheetData(school, week, termWeek, inspection, lines,
            inspection?.SubmittedById is { } s ? names.GetValueOrDefault(s) : null, inspection?.SignedOffById is { } g ? names.GetValueOrDefault(g) : null);
    }

    public static PdfReport Build(WeeklySheetData d, ReportFont font, DateTimeOffset now)
    {
        var pdf = new PdfReportBuilder(font, $"{WeeklySheetPhrases.Title} {d.School.Name} {d.Week.Number}", now);
        var i = d.Inspection;
        pdf.Title(WeeklySheetPhrases.Title)
            .Paragraph(WeeklySheetPhrases.Heading(d.School.Name, d.TermWeek ?? d.Week.Week, d.Week.Monday), indent: false);
        if (i is null) pdf.Paragraph(WeeklySheetPhrases.NotStarted, indent: false, size: 10.5);
        else
            pdf.Paragraph(WeeklySheetPhrases.StatusLine(ReportNames.InspectionStatus(i.Status),
                i.SubmittedAt is { } s ? ChinaTime.FromUtc(s) : null, i.SignedOffAt is { } g ? ChinaTime.FromUtc(g) : null)
                + (d.SubmittedBy is { Length: > 0 } by ? $"；填报人：{by}" : "") + (d.SignedOffBy is { Length: > 0 } so ? $"；审签人：{so}" : ""),
                indent: false, size: 10.5);

        pdf.Table(WeeklySheetPhrases.ItemHeaders, [0.6, 3.4, 1.1, 3.4],
            d.Lines.Select(l => (IReadOnlyList<string>)[
                l.Item.Number.ToString(), l.Item.NameZh, l.Result is null ? "" : ReportNames.Outcome(l.Result.Outcome),
                l.Result switch
                {
                    null => "",
                    { Outcome: Outcome.Hazard } r => r.HazardDescription ?? r.Note ?? "",
                    { Outcome: Outcome.NotApplicable } r => r.NotApplicableReason ?? r.Note ?? "",
                    var r => r.Note ?? "",
                }]));

        if (i is not null)
        {
            var results = d.Lines.Where(l => l.Result is not null).Select(l => l.Result!).ToList();
            pdf.Paragraph(WeeklySheetPhrases.Summary(results.Count, results.Count(r => r.Outcome == Outcome.Pass),
                results.Count(r => r.Outcome == Outcome.Hazard), results.Count(r => r.Outcome == Outcome.NotApplicable)), indent: false);
            var hazards = d.Lines.Where(l => l.Result is { Outcome: Outcome.Hazard }).ToList();
            pdf.Heading(WeeklySheetPhrases.HazardsHeading, 13);
            if (hazards.Count == 0) pdf.Paragraph(WeeklySheetPhrases.NoHazards, indent: false);
            else
                pdf.Table(WeeklySheetPhrases.HazardHeaders, [2.0, 3.2, 1.1, 1.3, 1.5, 1.5],
                    hazards.Select(l => (IReadOnlyList<string>)[
                        $"{l.Item.Number}. {l.Item.NameZh}", l.Result!.HazardDescription ?? "",
                        l.Result.HazardPlace is { } p ? RectificationNotice.PlacePhrase(p) : "",
                        l.Result.HazardGrade is { } g ? RectificationNotice.GradePhrase(g) : "",
                        l.Result.ResponsiblePerson ?? "", l.Result.Deadline is { } dl ? $"{dl:yyyy-MM-dd}" : ""]));
        }
        else
        {
            pdf.Heading(WeeklySheetPhrases.HazardsHeading, 13)
                .Table(WeeklySheetPhrases.HazardHeaders, [2.0, 3.2, 1.1, 1.3, 1.5, 1.5], Enumerable.Repeat((IReadOnlyList<string>)["", "\n", "", "", "", ""], 3));
        }

        pdf.Space(10).KeepTogether(90).Signature([WeeklySheetPhrases.Inspector, WeeklySheetPhrases.SafetyHead, WeeklySheetPhrases.Principal, NoticePhrases.BlankDate]);
        return pdf.Build();
    }
}
