using SchoolSafety.Dashboard;

namespace SchoolSafety.Reports;

/// <summary>
/// The county's term report (情况汇报), written from the same figures as the dashboard, so the
/// paper and the screen never disagree. Sections 三 (inspections and hazards), 四 (problems:
/// guards, camera retention) and the appendix table per school are computed. The narrative
/// sections the county writes itself (一、部署, 二、培训, 五、今后工作) are not built yet: the
/// numbering keeps their places.
/// </summary>
public static class TermReport
{
    public static PdfReport Build(DashboardData data, string county, DateOnly today, ReportFont font, DateTimeOffset now)
    {
        if (data.Term is not { } term) throw new InvalidOperationException("No term: the report is written for a term.");
        var to = term.End < today ? term.End : today;
        var title = TermReportPhrases.Title(county, term.Name);
        var pdf = new PdfReportBuilder(font, title, now);
        pdf.Title(title)
            .Paragraph(TermReportPhrases.Intro(county, term.Name, term.Start, to));

        var submitted = data.Lines.Sum(l => l.Submitted);
        var expected = data.Lines.Sum(l => l.Expected);
        var t = data.Tickets;
        pdf.Heading(TermReportPhrases.InspectionHeading)
            .Paragraph(TermReportPhrases.Inspections(data.Schools, submitted, expected, data.Inspections.TermCompletionPercent)
                       + TermReportPhrases.Tickets(t.Found, t.Closed, t.ClosedOnTimePercent, t.Open, t.Overdue, t.MajorOpen));

        var d = data.Defences;
        pdf.Heading(TermReportPhrases.ProblemsHeading)
            .Paragraph(TermReportPhrases.GuardsHeading + TermReportPhrases.Guards(d.Guards.Required, d.Guards.Present, d.Guards.Short))
            .Paragraph(TermReportPhrases.TechnicalHeading + TermReportPhrases.Retention(d.SchoolsWithCameras, d.RetentionMin, d.RetentionMax,
                d.SchoolsWithGap(Defences.GapKind.RetentionShort), d.SchoolsWithGap(Defences.GapKind.BlindSpots)));

        pdf.Heading(TermReportPhrases.AppendixHeading)
            .Table(TermReportPhrases.AppendixHeaders, [0.7, 3.0, 1.3, 1.8, 1.4, 1.2, 1.3],
                data.Lines.Select((l, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(), l.School.Name, l.School.Township, $"{l.Submitted}/{l.Expected}",
                    l.Open.ToString(), l.Overdue.ToString(), l.GuardsShort.ToString()]));
        return pdf.Build();
    }
}
