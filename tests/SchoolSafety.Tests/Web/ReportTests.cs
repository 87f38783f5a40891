using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Defences;
using SchoolSafety.Demo;
using SchoolSafety.Identity;
using SchoolSafety.Security;
using SchoolSafety.Tests.Infrastructure;
using SchoolSafety.Tests.Reports;

namespace SchoolSafety.Tests.Web;

/// <summary>PDF documents downloaded from the app and read back with PdfPig.</summary>
public abstract class ReportTests(SchoolSafetyApp app)
{
    [Fact]
    public async Task A_school_downloads_the_rectification_notice_of_its_major_ticket_another_school_gets_404()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var description = $"教学楼北侧外墙瓷砖空鼓脱落，存在坠落伤人风险，编号{Guid.NewGuid():N}"[..40];
        using var county = await app.LoginAsync("county");
        var form = $"/Tickets/Create?schoolId={school.Id}";
        var opened = await county.PostFormAsync(form, new Dictionary<string, string>
        {
            ["Input.Source"] = "CountyCheck", ["Input.SourceReference"] = "11月县级安全抽查", ["Input.Place"] = "TeachingBuilding",
            ["Input.Description"] = description, ["Input.Grade"] = "Major", ["Input.FoundOn"] = "2026-11-25",
            ["Input.ResponsibleName"] = "李建国", ["Input.ResponsiblePhone"] = "13987712345", ["Input.Deadline"] = "2026-12-20",
            ["Input.InterimMeasures"] = "设置警戒线，学生绕行北门；每日专人巡查。",
        }, form);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        int id;
        string number;
        await using (var db = app.Db())
        {
            var ticket = await db.Context.HazardTickets.SingleAsync(t => t.Description == description);
            (id, number) = (ticket.Id, ticket.Number);
        }

        using var officer = await app.LoginAsync("officer");
        var details = await officer.PageAsync($"/Tickets/Details/{id}");
        Assert.Equal($"/Tickets/Notice/{id}", details.QuerySelector("#notice-pdf")!.GetAttribute("href"));
        var response = await officer.GetAsync($"/Tickets/Notice/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(number, response.Content.Headers.ContentDisposition!.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        PdfReportBuilderTests.Keep(pdf, "notice-" + GetType().Name);

        var text = string.Concat(PdfReportBuilderTests.PageTexts(pdf));
        Assert.Contains("隐患整改通知书", text);
        Assert.Contains(number, text);
        Assert.Contains(description.Replace(" ", ""), text);
        Assert.Contains(DemoCounty.OfficerSchoolName, text);
        Assert.Contains("重大隐患", text);
        Assert.Contains("教学楼", text);
        Assert.Contains("2026年11月25日", text);
        Assert.Contains("2026年12月20日", text);
        Assert.Contains("李建国（13987712345）", text);
        Assert.Contains("设置警戒线，学生绕行北门；每日专人巡查。", text);
        Assert.Contains("重大隐患治理方案", text);
        Assert.Contains("盖章处", text);
        Assert.Contains("回执", text);
        Assert.Contains("第1页共", text);
        Assert.Contains("生成时间：2026-11-2509:00", text);

        using var other = await app.LoginAsync("officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Tickets/Notice/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_county_downloads_the_term_report_whose_figures_are_the_dashboards_and_a_school_cannot()
    {
        using var county = await app.LoginAsync("county");
        var link = (await county.PageAsync("/Dashboard")).QuerySelector("#term-report-pdf")!.GetAttribute("href")!;
        Assert.StartsWith("/Reports/Term?termId=", link);
        var response = await county.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        PdfReportBuilderTests.Keep(pdf, "term-" + GetType().Name);
        var pages = PdfReportBuilderTests.PageTexts(pdf);
        var text = string.Concat(pages);

        // The same figures, computed from the same database the way the dashboard computes them.
        await using var db = app.Db();
        var node = await db.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CountyCode);
        var scope = new UserScope("", Roles.CountyStaff, null, node.Path);
        var data = await db.Get<DashboardService>().BuildAsync(db.Context.Schools.VisibleTo(scope), ChinaTime.Today(app.Clock), new DashboardFilter(null, null, null, null));
        var term = data.Term!;
        Assert.Contains($"新平县{term.Name}学校安全工作开展情况汇报", pages[0]);
        Assert.Contains($"全县{data.Schools}所学校（园）", text);
        Assert.Contains($"应开展周检{data.Lines.Sum(l => l.Expected)}次，已开展{data.Lines.Sum(l => l.Submitted)}次", text);
        var t = data.Tickets;
        Assert.Contains($"排查发现安全隐患{t.Found}处，已整改销号{t.Closed}处", text);
        if (t.ClosedOnTimePercent is { } onTime) Assert.Contains($"按期销号率{onTime:0.#}%", text);
        Assert.Contains($"尚有{t.Open}处正在整改，其中逾期{t.Overdue}处", text);
        var g = data.Defences.Guards;
        Assert.True(g.Short > 0, "the demo county is short of guards");
        Assert.Contains($"按目前规模应配保安{g.Required}名，现仅{g.Present}名，缺{g.Short}名", text);
        var d = data.Defences;
        Assert.Contains($"监控图像存储时间为{d.RetentionMin}-{d.RetentionMax}天，{d.SchoolsWithGap(GapKind.RetentionShort)}所学校未达到", text);
        // The appendix: every school once, the header on every page it runs over.
        Assert.All(data.Lines, l => Assert.Contains(l.School.Name, text));
        var appendixFrom = pages.Select((p, i) => (p, i)).First(x => x.p.Contains("附表")).i;
        Assert.All(pages.Skip(appendixFrom), p => Assert.Contains("序号学校名称乡镇", p));
        Assert.Contains($"第1页共{pages.Count}页", pages[0]);
        Assert.Contains($"第{pages.Count}页共{pages.Count}页", pages[^1]);

        using var officer = await app.LoginAsync("officer");
        var refused = await officer.GetAsync("/Reports/Term");
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, ((int)refused.StatusCode).ToString());
        if (refused.StatusCode == HttpStatusCode.Redirect) Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportsOnSqlite(SqliteApp app) : ReportTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class ReportsOnPostgreSql(PostgreSqlApp app) : ReportTests(app);
