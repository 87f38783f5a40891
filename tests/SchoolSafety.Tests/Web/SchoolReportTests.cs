using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Demo;
using SchoolSafety.Drills;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Reports;
using SchoolSafety.Security;
using SchoolSafety.Tests.Infrastructure;
using SchoolSafety.Tests.Reports;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// The reports beyond the notice: the term report's narrative (preview, save, conflict) and its
/// computed sections, the school file, the weekly record sheet, the drill record and the closing
/// record — each downloaded through the app and read back with PdfPig.
/// </summary>
public abstract class SchoolReportTests(SchoolSafetyApp app)
{
    private static async Task<(IReadOnlyList<string> Pages, string Text, HttpResponseMessage Response)> PdfAsync(AppClient client, string url, string keep)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        PdfReportBuilderTests.Keep(bytes, keep);
        var pages = PdfReportBuilderTests.PageTexts(bytes);
        Assert.Contains($"第1页共{pages.Count}页", pages[0]);
        Assert.Contains($"第{pages.Count}页共{pages.Count}页", pages[^1]);
        return (pages, string.Concat(pages), response);
    }

    [Fact]
    public async Task The_county_writes_the_narrative_a_second_editor_is_told_and_the_pdf_prints_the_saved_text_with_the_computed_sections()
    {
        using var county = await app.LoginAsync("county");
        var link = (await county.PageAsync("/Dashboard")).QuerySelector("#term-report-preview")!.GetAttribute("href")!;
        Assert.StartsWith("/Reports/TermPreview?termId=", link);
        var termId = int.Parse(link.Split('=')[1]);

        // Two editors open the page before either saves.
        using var second = await app.LoginAsync("county");
        var page = await county.PageAsync(link);
        var version = page.QuerySelector("input[name='Form.RowVersion']")!.GetAttribute("value") ?? "";
        Assert.Equal(version, (await second.PageAsync(link)).QuerySelector("input[name='Form.RowVersion']")!.GetAttribute("value") ?? "");
        Assert.Contains("全县", page.QuerySelector("#preview-inspections")!.TextContent);

        var deployment = $"8月26日，县教体局召开秋季学期安全工作会议，部署五项重点工作。{Guid.NewGuid():N}"[..48];
        var plans = "（一）安全工作要做到三个“保障”。\n（二）安全工作要完成三个“定期”。";
        var saved = await county.PostFormAsync($"/Reports/TermPreview?termId={termId}", new Dictionary<string, string>
        {
            ["Form.Deployment"] = deployment, ["Form.Plans"] = plans, ["Form.RowVersion"] = version,
        }, link);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await county.PageAsync(link);
        Assert.Equal(deployment, after.QuerySelector("#Form_Deployment")!.TextContent.Trim());

        var late = await second.PostFormAsync($"/Reports/TermPreview?termId={termId}", new Dictionary<string, string>
        {
            ["Form.Deployment"] = "第二位编辑的文字", ["Form.Plans"] = "", ["Form.RowVersion"] = version,
        }, link);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var conflict = AppClient.Parse(await late.Content.ReadAsStringAsync());
        Assert.Contains("county", conflict.QuerySelector("#narrative-errors")!.TextContent);
        Assert.Equal("第二位编辑的文字", conflict.QuerySelector("#Form_Deployment")!.TextContent.Trim());
        Assert.Contains(deployment, conflict.QuerySelector("#stored-deployment")!.TextContent);

        await using (var db = app.Db())
        {
            var node = await db.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CountyCode);
            var row = await db.Context.TermReportNarratives.SingleAsync(n => n.JurisdictionId == node.Id && n.TermId == termId);
            Assert.Equal(deployment, row.Deployment);
            Assert.Equal(plans, row.Plans);
            Assert.True(await db.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(TermReportNarrative) && a.EntityKey == row.Id.ToString()
                                                                    && a.Action == AuditAction.Added && a.UserName == "county"));
        }

        // A term the page did not show (unknown here) saves nothing.
        var elsewhere = await second.PostFormAsync("/Reports/TermPreview?termId=999999", new Dictionary<string, string>
        {
            ["Form.Deployment"] = "别处", ["Form.Plans"] = "", ["Form.RowVersion"] = "",
        }, link);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        // The second editor saves again on top of the stored version: now it goes through.
        var token = conflict.QuerySelector("input[name='Form.RowVersion']")!.GetAttribute("value")!;
        var retry = await second.PostFormAsync($"/Reports/TermPreview?termId={termId}", new Dictionary<string, string>
        {
            ["Form.Deployment"] = deployment + "\n第二段：开学第一周上好安全教育第一课。", ["Form.Plans"] = plans, ["Form.RowVersion"] = token,
        }, link);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);

        var download = (await county.PageAsync(link)).QuerySelector("#term-report-download")!.GetAttribute("href")!;
        var (pages, text, _) = await PdfAsync(county, download, "term-narrative-" + GetType().Name);
        Assert.Contains(deployment.Replace(" ", ""), text);
        Assert.Contains("第二段：开学第一周上好安全教育第一课。", text);
        Assert.Contains("（二）安全工作要完成三个“定期”。", text);
        Assert.DoesNotContain("第二位编辑的文字", text);

        // The computed sections, from the same data the report service reads.
        await using var check = app.Db();
        var county2 = await check.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CountyCode);
        var scope = new UserScope("", Roles.CountyStaff, null, county2.Path);
        var data = (await check.Get<TermReportService>().BuildAsync(check.Context.Schools.VisibleTo(scope), county2.Id, county2.Name, termId, ChinaTime.Today(app.Clock)))!;
        Assert.Contains("一、全力部署，抓实重点工作。", text);
        Assert.Contains("二、全员培训，提高安全防范意识。", text);
        Assert.Contains($"开展安全教育活动{data.Training.EducationActivities}次，覆盖学生{data.Training.StudentsReached}人次", text);
        Assert.Contains("三、全面排查，综合治理安全隐患。", text);
        Assert.Contains("四、存在问题与不足", text);
        var g = data.Guards;
        Assert.True(g.Guards > 0, "the demo county has guards on record");
        Assert.Contains($"现有保安员平均年龄{g.AverageAge}岁，最大{g.OldestAge}岁，超过{g.MaxAge}岁的{g.OverAge}名", text);
        Assert.Contains($"学历低于初中的{g.Undereducated}名", text);
        var d = data.Dashboard.Defences;
        Assert.Contains($"监控图像存储时间为{d.RetentionMin}-{d.RetentionMax}天，", text);
        Assert.Contains($"规定的{data.RetentionRuleDays}天存储时间要求", text);
        Assert.Contains("（三）校园周边环境问题极易反弹。", text);
        Assert.NotEmpty(data.Surroundings);
        var first = data.Surroundings[0];
        Assert.Contains($"{TermReportPhrases.SurroundingsKindName(first.Kind)}{first.Problems}起（{first.Schools}所学校）", text);
        Assert.Contains("五、今后工作及其打算", text);
        if (data.ByItem.Count > 0)
        {
            Assert.Contains("图1", text);
            Assert.Contains($"{data.ByItem[0].Number}.{data.ByItem[0].Name}", text);
        }
        Assert.Contains("图2各周周检完成率", text);
        Assert.All(data.Dashboard.Lines, l => Assert.Contains(l.School.Name, text));
        Assert.Contains("演练达标", pages[^1]);

        using var officer = await app.LoginAsync("officer");
        var refused = await officer.GetAsync(link);
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_school_downloads_its_school_file_with_the_terms_records_and_another_school_gets_404()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var title = $"校车应急演练{Guid.NewGuid():N}"[..14];
        await using (var db = app.Db())
        {
            db.Context.Drills.Add(new Drill
            {
                SchoolId = school.Id, Date = new DateOnly(2026, 11, 18), Type = DrillType.Earthquake, Buildings = "教学楼A栋", Floors = 4,
                SignalAt = new TimeOnly(10, 0), AllClearAt = new TimeOnly(10, 1, 45), StudentsExpected = 642, StudentsCounted = 642, StaffTakingPart = 38,
                Evaluator = "王建华", Evaluation = title, CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.Context.SaveChangesAsync();
        }

        using var officer = await app.LoginAsync("officer");
        var link = (await officer.PageAsync($"/Schools/Details/{school.Id}")).QuerySelector("#school-file-pdf")!.GetAttribute("href")!;
        Assert.Equal($"/Schools/{school.Id}/SchoolFile", link);
        var (_, text, response) = await PdfAsync(officer, link, "school-file-" + GetType().Name);
        Assert.Contains(DemoCounty.OfficerSchoolName, response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Contains($"{DemoCounty.OfficerSchoolName}安全工作档案（一校一档）", text);
        Assert.Contains("一、学校基本情况", text);
        Assert.Contains(DemoCounty.OfficerSchoolCode, text);
        Assert.Contains($"在校学生{school.Students}人（其中住校生{school.BoardingStudents}人），教职工{school.Staff}人", text);
        Assert.Contains("二、本学期周检月查", text);
        Assert.Contains("三、隐患排查整改", text);
        Assert.Contains("四、应急演练", text);
        Assert.Contains("2026-11-18防震演练1分45秒642/642", text);
        Assert.Contains("五、培训与安全教育", text);
        Assert.Contains("六、台账资料与安全责任书", text);
        Assert.Contains("七、“三防”建设", text);

        await using (var db = app.Db())
        {
            // The term's weeks and tickets as the database has them.
            var open = await db.Context.HazardTickets.Where(t => t.SchoolId == school.Id && t.Status != HazardStatus.Closed).Select(t => t.Number).ToListAsync();
            Assert.All(open, n => Assert.Contains(n, text));
            var defence = (await db.Get<Defences.DefenceFigures>().StatusesAsync(db.Context.Schools.Where(s => s.Id == school.Id), ChinaTime.Today(app.Clock))).Single();
            Assert.Contains($"应配保安{defence.GuardsRequired}名，现有{defence.GuardsPresent}名", text);
            Assert.Contains(defence.Gaps.Count == 0 ? "未发现差距" : $"存在以下{defence.Gaps.Count}项差距", text);
        }

        var other = await app.SchoolAsync(DemoCounty.Officer2SchoolCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Schools/{other.Id}/SchoolFile")).StatusCode);
        using var county = await app.LoginAsync("county");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/Schools/{other.Id}/SchoolFile")).StatusCode);
    }

    [Fact]
    public async Task A_school_prints_the_weekly_record_sheet_of_a_submitted_week_with_its_answers_and_signature_lines()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        Inspection inspection;
        await using (var db = app.Db())
        {
            inspection = await db.Context.Inspections.AsNoTracking().Include(i => i.Results).ThenInclude(r => r.Item)
                .Where(i => i.SchoolId == school.Id && i.IsCurrent && i.CampaignId == null && i.Status != InspectionStatus.Draft && i.Results.Count > 0)
                .OrderByDescending(i => i.Results.Count(r => r.Outcome == Outcome.Hazard)).ThenByDescending(i => i.WeekNumber).FirstAsync();
        }

        using var officer = await app.LoginAsync("officer");
        var week = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{inspection.WeekNumber}");
        var link = week.QuerySelector("#weekly-sheet-pdf")!.GetAttribute("href")!;
        Assert.Equal($"/Schools/{school.Id}/Inspections/{inspection.WeekNumber}/Sheet", link);
        var (_, text, _) = await PdfAsync(officer, link, "weekly-sheet-" + GetType().Name);
        Assert.Contains("学校安全周检月查记录表", text);
        Assert.Contains(DemoCounty.OfficerSchoolName, text);
        Assert.Contains(ReportPhrases.Date(inspection.Week.Monday), text);
        Assert.All(inspection.Results, r => Assert.Contains(r.Item!.NameZh.Replace(" ", ""), text));
        var results = inspection.Results;
        Assert.Contains($"本周共检查{results.Count}项，合格{results.Count(r => r.Outcome == Outcome.Pass)}项，发现隐患{results.Count(r => r.Outcome == Outcome.Hazard)}项", text);
        foreach (var hazard in results.Where(r => r.Outcome == Outcome.Hazard))
            Assert.Contains(hazard.HazardDescription!.Replace(" ", ""), text);
        Assert.Contains("检查人（签字）", text);
        Assert.Contains("校（园）长审签", text);

        var other = await app.SchoolAsync(DemoCounty.Officer2SchoolCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Schools/{other.Id}/Inspections/{inspection.WeekNumber}/Sheet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Schools/{school.Id}/Inspections/{SchoolWeek.Of(new DateOnly(2027, 3, 1)).Number}/Sheet")).StatusCode);
    }

    [Fact]
    public async Task A_week_not_yet_inspected_prints_as_a_blank_sheet_of_the_items_due()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        int number;
        await using (var db = app.Db())
        {
            var weeks = await db.Context.Inspections.Where(i => i.SchoolId == school.Id && i.IsCurrent).Select(i => i.WeekNumber).ToListAsync();
            var week = SchoolWeek.Of(new DateOnly(2026, 9, 7));
            while (weeks.Contains(week.Number)) week = week.Next();
            Assert.True(week.Monday <= ChinaTime.Today(app.Clock), "a week without an inspection before today");
            number = week.Number;
        }
        using var officer = await app.LoginAsync("officer");
        var (_, text, _) = await PdfAsync(officer, $"/Schools/{school.Id}/Inspections/{number}/Sheet", "weekly-blank-" + GetType().Name);
        Assert.Contains("本周尚未开展检查", text);
        Assert.Contains("序号检查项目检查结果情况说明", text);
        Assert.Contains("检查人（签字）", text);
    }

    [Fact]
    public async Task The_drill_record_prints_the_drill_and_its_assessment_and_another_school_gets_404()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var problems = $"三楼西侧楼梯口拥挤，个别班级未按路线疏散{Guid.NewGuid():N}"[..28];
        int id;
        await using (var db = app.Db())
        {
            var drill = new Drill
            {
                SchoolId = school.Id, Date = new DateOnly(2026, 11, 20), Type = DrillType.Fire, Announced = false, Buildings = "教学楼", Floors = 5,
                SignalAt = new TimeOnly(9, 30), AllClearAt = new TimeOnly(9, 32, 30), StudentsExpected = 120, StudentsCounted = 118, StaffTakingPart = 12,
                Problems = problems, Actions = "调整疏散路线，增派教师在楼梯口引导", Evaluator = "李建国", CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Context.Drills.Add(drill);
            await db.Context.SaveChangesAsync();
            id = drill.Id;
        }
        using var officer = await app.LoginAsync("officer");
        var link = (await officer.PageAsync($"/Drills/Details/{id}")).QuerySelector("#drill-record-pdf")!.GetAttribute("href")!;
        Assert.Equal($"/Drills/Record/{id}", link);
        var (_, text, _) = await PdfAsync(officer, link, "drill-" + GetType().Name);
        Assert.Contains("消防（火灾）演练记录", text);
        Assert.Contains(DemoCounty.OfficerSchoolName, text);
        Assert.Contains("2026年11月20日", text);
        Assert.Contains("不预先通知（突击）", text);
        Assert.Contains("09:30:00/09:32:30", text);
        Assert.Contains("2分30秒", text);
        Assert.Contains("应到120人，实到118人，缺2人", text);
        Assert.Contains(problems, text);
        Assert.Contains("未达到演练标准", text);
        Assert.Contains("人数清点不全", text);
        Assert.Contains("李建国", text);

        using var other = await app.LoginAsync("officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_closed_ticket_has_a_closing_record_an_open_one_does_not_and_another_school_gets_404()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var number = $"XP004-C{Guid.NewGuid():N}"[..20];
        int closedId, openId;
        await using (var db = app.Db())
        {
            var closed = new HazardTicket
            {
                Number = number, SchoolId = school.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Canteen,
                Description = "食堂操作间灭火毯缺失", Grade = HazardGrade.General, FoundAt = now.AddDays(-10), ResponsibleName = "赵丽",
                Deadline = ChinaTime.Today(app.Clock).AddDays(-2), Status = HazardStatus.Closed, RectificationNote = "已购置灭火毯两条并挂放到位",
                RectifiedAt = now.AddDays(-5), ClosedAt = now.AddDays(-4), VerificationNote = "现场复查，灭火毯已配齐",
                Events =
                [
                    new() { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = now.AddDays(-10), UserName = "county" },
                    new() { Kind = TicketEventKind.Rectified, From = HazardStatus.Open, To = HazardStatus.AwaitingVerification, At = now.AddDays(-5), UserName = "officer", Note = "已购置灭火毯两条并挂放到位" },
                    new() { Kind = TicketEventKind.Closed, From = HazardStatus.AwaitingVerification, To = HazardStatus.Closed, At = now.AddDays(-4), UserName = "county", Note = "现场复查，灭火毯已配齐" },
                ],
            };
            var open = new HazardTicket
            {
                Number = number + "O", SchoolId = school.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Canteen, Description = "未销号",
                Grade = HazardGrade.General, FoundAt = now, ResponsibleName = "赵丽", Deadline = ChinaTime.Today(app.Clock).AddDays(10),
                Events = [new() { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = now, UserName = "county" }],
            };
            db.Context.HazardTickets.AddRange(closed, open);
            await db.Context.SaveChangesAsync();
            (closedId, openId) = (closed.Id, open.Id);
        }
        using var officer = await app.LoginAsync("officer");
        var link = (await officer.PageAsync($"/Tickets/Details/{closedId}")).QuerySelector("#closing-pdf")!.GetAttribute("href")!;
        Assert.Equal($"/Tickets/Closing/{closedId}", link);
        var (_, text, _) = await PdfAsync(officer, link, "closing-" + GetType().Name);
        Assert.Contains("隐患整改销号记录", text);
        Assert.Contains(number, text);
        Assert.Contains(DemoCounty.OfficerSchoolName, text);
        Assert.Contains("食堂操作间灭火毯缺失", text);
        Assert.Contains("已购置灭火毯两条并挂放到位", text);
        Assert.Contains("现场复查，灭火毯已配齐", text);
        Assert.Contains(ReportPhrases.Date(ChinaTime.FromUtc(now.AddDays(-4))), text);
        Assert.Contains("按期完成", text);
        Assert.Contains("复查销号county", text);

        Assert.Null((await officer.PageAsync($"/Tickets/Details/{openId}")).QuerySelector("#closing-pdf"));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Tickets/Closing/{openId}")).StatusCode);
        using var other = await app.LoginAsync("officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SchoolReportsOnSqlite(SqliteApp app) : SchoolReportTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class SchoolReportsOnPostgreSql(PostgreSqlApp app) : SchoolReportTests(app);
