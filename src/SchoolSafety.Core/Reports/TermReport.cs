using SchoolSafety.Defences;

namespace SchoolSafety.Reports;

/// <summary>
/// The county's term report (情况汇报), in the structure of the county's own 2020 report: 一、部署
/// (the node's own text, then the campaigns and checklist from the data), 二、培训, 三、排查 (with a bar
/// chart of hazards by checklist item and a line of weekly completion), 四、存在问题与不足 (guards
/// required/present/short, their age and education, camera retention against the rule, blind spots,
/// surroundings problems by kind), 五、今后工作及其打算 (the node's own text) and an appendix table per
/// school. Every figure comes from <see cref="TermReportData"/>; the dashboard's figures are its own.
/// </summary>
public static class TermReport
{
    /// <summary>How many checklist items the bar chart shows (the most frequent ones).</summary>
    public const int ChartItems = 10;

    private const double WeeklyChartHeight = 150;
    private const double CaptionHeight = 24;

    /// <summary>The sentence after the node's own 一、部署 text: the checklist and the campaigns of the term.</summary>
    public static string DeploymentFigures(TermReportData r) => TermReportPhrases.Checklist(r.ChecklistItems) + TermReportPhrases.Campaigns(r.Campaigns);

    /// <summary>二、培训: county training, then the schools' own training and lessons.</summary>
    public static IReadOnlyList<string> Training(TermReportData r)
    {
        var t = r.Training;
        return [
            TermReportPhrases.CountyTraining(r.Node, t.CountySessions, t.CountyAttendees, t.SchoolsAtCounty, t.CountyTitles),
            TermReportPhrases.SchoolTraining(t.SchoolsWithSession, t.SchoolSessions, t.SchoolAttendees, t.FirstLessonSchools, r.Dashboard.Schools,
                t.EducationActivities, t.StudentsReached),
        ];
    }

    /// <summary>三、排查: inspections done against expected, hazards found, closed and open.</summary>
    public static string Inspections(TermReportData r)
    {
        var data = r.Dashboard;
        var t = data.Tickets;
        return TermReportPhrases.Inspections(data.Schools, data.Lines.Sum(l => l.Submitted), data.Lines.Sum(l => l.Expected), data.Inspections.TermCompletionPercent)
               + TermReportPhrases.Tickets(t.Found, t.Closed, t.ClosedOnTimePercent, t.Open, t.Overdue, t.MajorOpen);
    }

    /// <summary>四、存在问题与不足: （一）guards, （二）cameras, （三）surroundings.</summary>
    public static IReadOnlyList<string> Problems(TermReportData r)
    {
        var d = r.Dashboard.Defences;
        return [
            TermReportPhrases.GuardsHeading + TermReportPhrases.Guards(d.Guards.Required, d.Guards.Present, d.Guards.Short) + TermReportPhrases.GuardProfile(r.Guards),
            TermReportPhrases.TechnicalHeading + TermReportPhrases.Retention(d.SchoolsWithCameras, d.RetentionMin, d.RetentionMax,
                d.SchoolsWithGap(GapKind.RetentionShort), d.SchoolsWithGap(GapKind.BlindSpots), r.RetentionRuleDays, r.BlindSpots),
            TermReportPhrases.SurroundingsHeading + TermReportPhrases.Surroundings(r.Surroundings),
        ];
    }

    public static PdfReport Build(TermReportData report, DateOnly today, ReportFont font, DateTimeOffset now)
    {
        var data = report.Dashboard;
        if (data.Term is not { } term) throw new InvalidOperationException("No term: the report is written for a term.");
        var county = report.Node;
        var to = term.End < today ? term.End : today;
        var title = TermReportPhrases.Title(county, term.Name);
        var pdf = new PdfReportBuilder(font, title, now);
        pdf.Title(title)
            .Paragraph(TermReportPhrases.Intro(county, term.Name, term.Start, to));

        // 一、部署
        pdf.Heading(TermReportPhrases.DeploymentHeading);
        var deployment = TermReportNarrative.Paragraphs(report.Narrative?.Deployment);
        if (deployment.Count == 0) pdf.Paragraph(TermReportPhrases.NotWritten);
        foreach (var p in deployment) pdf.Paragraph(p);
        pdf.Paragraph(DeploymentFigures(report));

        // 二、培训
        pdf.Heading(TermReportPhrases.TrainingHeading);
        foreach (var p in Training(report)) pdf.Paragraph(p);

        // 三、排查
        pdf.Heading(TermReportPhrases.InspectionHeading).Paragraph(Inspections(report));
        var top = report.ByItem.Take(ChartItems).ToList();
        if (top.Count > 0)
        {
            pdf.KeepTogether(ReportCharts.BarChartHeight(top.Count, 2) + CaptionHeight)
                .Paragraph(TermReportPhrases.ItemsChartCaption(top.Count), indent: false, size: 10.5);
            var categories = top.Select(i => $"{i.Number}. {i.Name}").ToList();
            var series = new[]
            {
                new ChartSeries(TermReportPhrases.SeriesFound, ReportCharts.Found, top.Select(i => (double)i.Found).ToList()),
                new ChartSeries(TermReportPhrases.SeriesClosed, ReportCharts.Closed, top.Select(i => (double)i.Closed).ToList()),
            };
            pdf.Chart(ReportCharts.BarChartHeight(top.Count, 2), categories.Append(TermReportPhrases.SeriesFound).Append(TermReportPhrases.SeriesClosed),
                (g, area, f) => ReportCharts.DrawBars(g, area, categories, series, f));
        }
        // Weeks that are over: the week in progress would show as a fall.
        var thisWeek = SchoolSafety.Inspections.SchoolWeek.Of(today);
        var weeks = data.Weekly.Where(w => w.Week.Number < thisWeek.Number).ToList();
        if (weeks.Count > 1 && data.Schools > 0)
        {
            pdf.KeepTogether(WeeklyChartHeight + CaptionHeight)
                .Paragraph(TermReportPhrases.WeeklyChartCaption, indent: false, size: 10.5);
            var labels = weeks.Select((w, i) => TermReportPhrases.WeekLabel(i + 1)).ToList();
            var line = new ChartSeries(TermReportPhrases.SeriesCompletion, ReportCharts.Line,
                weeks.Select(w => Math.Round(100.0 * w.Submitted / data.Schools, 1)).ToList());
            pdf.Chart(WeeklyChartHeight, labels.Append(TermReportPhrases.SeriesCompletion).Append("%"),
                (g, area, f) => ReportCharts.DrawLine(g, area, labels, line, f, axisMax: 100, unit: "%"));
        }

        // 四、存在问题与不足
        pdf.Heading(TermReportPhrases.ProblemsHeading);
        foreach (var p in Problems(report)) pdf.Paragraph(p);

        // 五、今后工作及其打算
        pdf.Heading(TermReportPhrases.PlansHeading);
        var plans = TermReportNarrative.Paragraphs(report.Narrative?.Plans);
        if (plans.Count == 0) pdf.Paragraph(TermReportPhrases.NotWritten);
        foreach (var p in plans) pdf.Paragraph(p);

        pdf.Space(12).Paragraph(county, indent: false, alignRight: true)
            .Paragraph(ReportPhrases.Date(today), indent: false, alignRight: true);

        pdf.PageBreak().Heading(TermReportPhrases.AppendixHeading)
            .Table(TermReportPhrases.AppendixHeaders, [0.6, 3.0, 1.3, 1.6, 1.0, 1.0, 1.0, 1.0],
                data.Lines.Select((l, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(), l.School.Name, l.School.Township, $"{l.Submitted}/{l.Expected}",
                    l.Open.ToString(), l.Overdue.ToString(), l.GuardsShort.ToString(), l.DrillCompliant ? TermReportPhrases.Yes : TermReportPhrases.No]));
        return pdf.Build();
    }
}
