using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Demo;
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
}

[Collection(SqliteCollection.Name)]
public sealed class ReportsOnSqlite(SqliteApp app) : ReportTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class ReportsOnPostgreSql(PostgreSqlApp app) : ReportTests(app);
