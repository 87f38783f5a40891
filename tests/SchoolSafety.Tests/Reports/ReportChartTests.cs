using PdfSharp.Drawing;
using SchoolSafety.Defences;
using SchoolSafety.Ledger;
using SchoolSafety.Reports;

namespace SchoolSafety.Tests.Reports;

/// <summary>The charts' geometry (axis, bar lengths, line points) and the term report's computed sentences.</summary>
public class ReportChartTests
{
    [Theory]
    [InlineData(7, 8, 2)]
    [InlineData(100, 100, 20)]
    [InlineData(3, 3, 1)]
    [InlineData(23, 25, 5)]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(1234, 1500, 500)]
    public void The_value_axis_ends_on_a_round_number_at_or_above_the_largest_value(double largest, double max, double step)
    {
        var axis = ChartAxis.For(largest);
        Assert.Equal(max, axis.Max, 6);
        Assert.Equal(step, axis.Step, 6);
        Assert.True(axis.Max >= largest);
        Assert.InRange(axis.Ticks, 1, 7);
    }

    [Fact]
    public void Bars_are_proportional_to_their_values_and_the_largest_never_runs_past_the_plot()
    {
        var axis = ChartAxis.For(10);
        Assert.Equal([200, 100, 0, 40], ReportCharts.BarLengths([10, 5, 0, 2], axis, 200));
        Assert.Equal(200, ReportCharts.BarLengths([12], new ChartAxis(10, 2), 200)[0]);
    }

    [Fact]
    public void Line_points_spread_over_the_width_with_zero_at_the_bottom()
    {
        var points = ReportCharts.LinePoints([0, 50, 100], new ChartAxis(100, 20), new XRect(10, 20, 200, 100));
        Assert.Equal([10, 110, 210], points.Select(p => p.X));
        Assert.Equal([120, 70, 20], points.Select(p => p.Y));
        Assert.Equal(110, ReportCharts.LinePoints([40], new ChartAxis(100, 20), new XRect(10, 20, 200, 100))[0].X);
    }

    [Fact]
    public void A_report_with_charts_prints_their_labels_as_text()
    {
        var pdf = new PdfReportBuilder(ReportFont.Shipped, "图表", new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
        string[] items = ["3. 消防安全", "4. 食品安全"];
        var series = new[] { new ChartSeries("发现", ReportCharts.Found, [5, 2]), new ChartSeries("已销号", ReportCharts.Closed, [4, 2]) };
        pdf.Chart(ReportCharts.BarChartHeight(2, 2), items, (g, area, f) => ReportCharts.DrawBars(g, area, items, series, f));
        string[] weeks = ["第1周", "第2周", "第3周"];
        pdf.Chart(150, weeks, (g, area, f) => ReportCharts.DrawLine(g, area, weeks, new ChartSeries("周检完成率", ReportCharts.Line, [80, 92.5, 100]), f, 100, "%"));
        var report = pdf.Build();
        Assert.Empty(report.MissingCharacters);
        PdfReportBuilderTests.Keep(report.Bytes, "charts-unit");
        var text = PdfReportBuilderTests.PageTexts(report.Bytes)[0];
        Assert.Contains("3.消防安全", text);
        Assert.Contains("已销号", text);
        Assert.Contains("第3周", text);
        Assert.Contains("100%", text);
    }

    [Fact]
    public void The_problems_read_like_the_county_wrote_them()
    {
        Assert.Equal("保安员配备不足，按目前规模应配保安232名，现仅125名，缺107名。", TermReportPhrases.Guards(232, 125, 107));
        Assert.Equal("现有保安员平均年龄56岁，最大68岁，超过60岁的31名（22所学校）；学历低于初中的17名（12所学校），保安员年龄偏大、学历偏低的问题依然存在。",
            TermReportPhrases.GuardProfile(new GuardProfile(125, 56, 68, 60, 31, 22, EducationLevel.JuniorMiddle, 17, 12)));
        Assert.Equal("已安装监控的80所学校中，监控图像存储时间为12-30天，74所学校未达到规定的90天存储时间要求；9所学校监控面未全覆盖，共有盲区死角23处。",
            TermReportPhrases.Retention(80, 12, 30, 74, 9, 90, 23));
        Assert.Equal("本学期各学校登记校园周边环境问题5起：学生上下学交通拥堵3起（2所学校）；网吧接纳未成年人2起（1所学校）；尚未解决1起。",
            TermReportPhrases.Surroundings([new SurroundingsLine(SurroundingsKind.TrafficCongestion, 3, 2, 1), new SurroundingsLine(SurroundingsKind.InternetCafe, 2, 1, 0)]));
        Assert.Equal("", TermReportPhrases.GuardProfile(new GuardProfile(0, null, null, 60, 0, 0, EducationLevel.JuniorMiddle, 0, 0)));
    }
}
