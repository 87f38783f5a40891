using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Demo;
using SchoolSafety.Drills;
using SchoolSafety.Education;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Tests.Infrastructure;
using SchoolSafety.Training;

namespace SchoolSafety.Tests.Web;

/// <summary>Drills, training and safety education through HTTP, as the school and the county use them.</summary>
public abstract class DrillTrainingEducationTests(SchoolSafetyApp app)
{
    private static Dictionary<string, string> DrillFields(string problems) => new()
    {
        ["Form.Date"] = "2026-11-24", ["Form.Type"] = "Fire", ["Form.Announced"] = "false", ["Form.Buildings"] = "教学楼", ["Form.Floors"] = "4",
        ["Form.SignalAt"] = "10:00:00", ["Form.AllClearAt"] = "10:02:10", ["Form.StudentsExpected"] = "2100", ["Form.StudentsCounted"] = "2100",
        ["Form.StaffTakingPart"] = "96", ["Form.Injuries"] = "0", ["Form.Problems"] = problems, ["Form.Evaluator"] = "王建华", ["Form.Evaluation"] = "总体有序，三楼拥堵",
    };

    private static async Task<HttpResponseMessage> PostMultipartAsync(AppClient client, string url, string formPage, Dictionary<string, string> fields, byte[]? photo = null,
        (byte[] Bytes, string Name)? plan = null)
    {
        var page = await client.PageAsync(formPage);
        var content = new MultipartFormDataContent { { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "photos", "drill.png");
        }
        if (plan is { } p)
            content.Add(new ByteArrayContent(p.Bytes), "plan", p.Name);
        return await client.Http.PostAsync(url, content);
    }

    [Fact]
    public async Task An_officer_records_a_drill_bad_input_is_refused_beside_the_fields_and_the_standard_judges_it()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        var create = $"/Schools/{school.Id}/Drills/Create";
        var problems = $"三楼东侧楼梯拥堵 {Guid.NewGuid():N}"[..20];
        var bad = DrillFields(problems);
        bad["Form.AllClearAt"] = "09:59:00";
        bad["Form.StudentsCounted"] = "2101";
        bad["Form.Date"] = "2026-11-26";
        var refused = await PostMultipartAsync(officer, create, create, bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("解除时间必须晚于信号发出时间。", page.QuerySelector("[data-valmsg-for='Form.AllClearAt']")!.TextContent);
        Assert.Equal("清点人数不能多于应到人数。", page.QuerySelector("[data-valmsg-for='Form.StudentsCounted']")!.TextContent);
        Assert.Equal("演练日期不能晚于今天。", page.QuerySelector("[data-valmsg-for='Form.Date']")!.TextContent);
        Assert.Equal(problems, page.QuerySelector("#Form_Problems")!.TextContent.Trim());
        await using (var db = app.Db())
            Assert.False(await db.Context.Drills.AnyAsync(d => d.Problems == problems));

        var notAPlan = await PostMultipartAsync(officer, create, create, DrillFields(problems), InspectionTests.Png, ("这不是PDF"u8.ToArray(), "方案.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAPlan.StatusCode);
        Assert.NotEmpty(AppClient.Parse(await notAPlan.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='plan']")!.TextContent);
        await using (var db = app.Db())
            Assert.False(await db.Context.Drills.AnyAsync(d => d.Problems == problems));

        var saved = await PostMultipartAsync(officer, create, create, DrillFields(problems), InspectionTests.Png, (DemoLedger.MinimalPdf("防震演练方案"), "防震演练方案.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await officer.PageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("130 秒", details.QuerySelector("#drill-duration")!.TextContent);
        Assert.Equal("未达标", details.QuerySelector("#drill-verdict")!.TextContent);
        Assert.Equal("false", details.QuerySelector("#drill-checks li")!.GetAttribute("data-ok"));
        Assert.Single(details.QuerySelectorAll("#drill-photos img"));
        Assert.Contains("防震演练方案", details.QuerySelector("#drill-plan")!.TextContent);
        await using var check = app.Db();
        var drill = await check.Context.Drills.SingleAsync(d => d.Problems == problems);
        Assert.False(drill.Announced);
        Assert.True(await check.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(Drill) && a.EntityKey == drill.Id.ToString() && a.Action == AuditAction.Added && a.UserName == "officer"));
    }

    [Fact]
    public async Task A_problem_found_in_a_drill_becomes_a_ticket_in_one_step_linked_both_ways()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        var problems = $"应急照明灯不亮 {Guid.NewGuid():N}"[..18];
        var create = $"/Schools/{school.Id}/Drills/Create";
        var saved = await PostMultipartAsync(officer, create, create, DrillFields(problems));
        var drillPage = saved.Headers.Location!.OriginalString;
        var form = await officer.PageAsync(AppClient.Parse(await (await officer.GetAsync(drillPage)).Content.ReadAsStringAsync()).QuerySelector("#drill-open-ticket")!.GetAttribute("href")!);
        Assert.Equal(problems, form.QuerySelector("#Input_Description")!.TextContent.Trim());
        Assert.Equal("Drill", form.QuerySelector("#Input_Source option[selected]")!.GetAttribute("value"));
        var fields = form.QuerySelectorAll("#ticket-form input[name], #ticket-form select[name], #ticket-form textarea[name]")
            .Where(e => !e.GetAttribute("name")!.StartsWith("__"))
            .ToDictionary(e => e.GetAttribute("name")!, e => e.TagName == "SELECT" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : e.TagName == "TEXTAREA" ? e.TextContent.Trim() : e.GetAttribute("value") ?? "");
        fields["Input.Place"] = "TeachingBuilding";
        fields["Input.ResponsibleName"] = "杨晓梅";
        fields["Input.ResponsiblePhone"] = "13987700001";
        var opened = await officer.PostFormAsync(form.QuerySelector("#ticket-form")!.GetAttribute("action")!, fields, drillPage);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        await using var db = app.Db();
        var drill = await db.Context.Drills.SingleAsync(d => d.Problems == problems);
        var ticket = await db.Context.HazardTickets.SingleAsync(t => t.DrillId == drill.Id);
        Assert.Equal((HazardSource.Drill, problems, new DateOnly(2026, 11, 24)), (ticket.Source, ticket.Description, DateOnly.FromDateTime(Common.ChinaTime.FromUtc(ticket.FoundAt))));
        var ticketPage = await officer.PageAsync($"/Tickets/Details/{ticket.Id}");
        Assert.Equal(drillPage, ticketPage.QuerySelector("#ticket-source a")!.GetAttribute("href"));
        Assert.Contains(ticket.Number, (await officer.PageAsync(drillPage)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Two_people_editing_one_drill_the_second_is_told_and_sees_the_stored_value()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        using var leader = await app.LoginAsync("leader");
        var create = $"/Schools/{school.Id}/Drills/Create";
        var problems = $"并发 {Guid.NewGuid():N}"[..12];
        var saved = await PostMultipartAsync(officer, create, create, DrillFields(problems));
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];
        var edit = $"/Drills/Edit/{id}";
        var first = await officer.PageAsync(edit);
        var second = await leader.PageAsync(edit);
        Dictionary<string, string> Fields(AngleSharp.Html.Dom.IHtmlDocument page, string evaluator)
        {
            var f = DrillFields(problems);
            f["Form.RowVersion"] = page.QuerySelector("input[name='Form.RowVersion']")!.GetAttribute("value")!;
            f["Form.Evaluator"] = evaluator;
            return f;
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostMultipartAsync(officer, edit, edit, Fields(first, "李副校长"))).StatusCode);
        var conflict = await PostMultipartAsync(leader, edit, edit, Fields(second, "王校长"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = AppClient.Parse(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("李副校长", page.QuerySelector(".current-value")!.TextContent);
        await using var db = app.Db();
        Assert.Equal("李副校长", (await db.Context.Drills.SingleAsync(d => d.Id == int.Parse(id))).Evaluator);
    }

    [Fact]
    public async Task The_county_sees_every_schools_drills_against_the_frequency_rule_and_the_figures_match_the_records()
    {
        using var county = await app.LoginAsync("county");
        var page = await county.PageAsync("/Drills/Compliance");
        await using var db = app.Db();
        var schools = await db.Context.Schools.Include(s => s.Jurisdiction).Where(s => s.Jurisdiction!.Code == DemoCounty.CountyCode && s.IsActive).ToListAsync();
        var terms = await db.Context.Terms.Include(t => t.Jurisdiction).ToListAsync();
        var drills = await db.Context.Drills.ToListAsync();
        var today = new DateOnly(2026, 11, 25);
        var compliant = schools.Count(s =>
        {
            var term = Term.CurrentFor(terms, s.Jurisdiction!.Path, today)!;
            return DrillFrequency.Compliant(DrillFrequency.Periods(s.Type, term, drills.Where(d => d.SchoolId == s.Id).Select(d => d.Date), today));
        });
        Assert.Equal(schools.Count.ToString(), page.QuerySelector("#figure-schools")!.TextContent);
        Assert.Equal(compliant.ToString(), page.QuerySelector("#figure-compliant")!.TextContent);
        Assert.True(compliant < schools.Count, "the demo has schools that missed a month");
        var missing = await county.PageAsync("/Drills/Compliance?onlyMissing=true");
        var rows = missing.QuerySelectorAll("#compliance-list tbody tr");
        Assert.Equal(schools.Count - compliant, rows.Length);
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector("[data-status='Missing']")));
    }

    [Fact]
    public async Task The_county_records_its_training_with_attendees_from_accounts_and_csv_and_sees_attendance_per_school()
    {
        using var county = await app.LoginAsync("county");
        var title = $"校园安全业务培训 {Guid.NewGuid():N}"[..16];
        var form = await county.PageAsync("/Training/CreateCounty");
        var officerOption = form.QuerySelectorAll("#Form_UserIds option").First(o => o.TextContent.Contains("杨"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.JurisdictionId", form.QuerySelector("#Form_JurisdictionId option[selected]")!.GetAttribute("value")!),
            new("Form.Date", "2026-11-20"), new("Form.Title", title), new("Form.Venue", "新平四小报告厅"),
            new("Form.Speakers", "县人民检察院检察官：预防校园欺凌和性侵害"),
            new("Form.AttendeesCsv", "姓名,学校代码,职务\n李红,XP004,分管安全副校长\n张伟,XP999,安全办主任\n王芳,XP005,安全办主任"),
        };
        var refused = await county.PostFormAsync("/Training/CreateCounty", fields, "/Training/CreateCounty");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("第 3 行：辖区内没有学校代码 XP999", page.QuerySelector("#csv-errors")!.TextContent);
        Assert.Equal(title, page.QuerySelector("#Form_Title")!.GetAttribute("value"));

        fields[5] = new("Form.AttendeesCsv", "姓名,学校代码,职务\n李红,XP004,分管安全副校长\n张伟,XP001,安全办主任\n王芳,XP005,安全办主任");
        fields.Add(new("Form.UserIds", officerOption.GetAttribute("value")!));
        var saved = await county.PostFormAsync("/Training/CreateCounty", fields, "/Training/CreateCounty");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await county.PageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("4", details.QuerySelector("#attendee-count")!.TextContent);
        await using var db = app.Db();
        var countySchools = await db.Context.Schools.CountAsync(s => s.Jurisdiction!.Code == DemoCounty.CountyCode && s.IsActive);
        var session = await db.Context.TrainingSessions.Include(s => s.Attendees).SingleAsync(s => s.Title == title);
        var attended = session.Attendees.Select(a => a.SchoolId).Distinct().Count();
        Assert.Equal((countySchools - attended).ToString(), details.QuerySelector("#schools-absent")!.TextContent);
        Assert.Equal("2", details.QuerySelector($"#attendance tr[data-school='{DemoCounty.OfficerSchoolCode}'] td:last-child")!.TextContent.Trim());

        // Zero attendees is refused.
        var empty = await county.PostFormAsync("/Training/CreateCounty", fields.Where(f => f.Key is not ("Form.AttendeesCsv" or "Form.UserIds")), "/Training/CreateCounty");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("参加人数不能为0", await empty.Content.ReadAsStringAsync());

        // The school sees the county session it attended; another county's staff do not.
        using var officer = await app.LoginAsync("officer");
        Assert.Contains(title, (await officer.PageAsync("/Training")).QuerySelector("#training-list")!.TextContent);
    }

    [Fact]
    public async Task The_demo_has_the_seeds_county_training_with_88_attendees()
    {
        await using var db = app.Db();
        var session = await db.Context.TrainingSessions.Include(s => s.Attendees).Include(s => s.Jurisdiction)
            .SingleAsync(s => s.Level == TrainingLevel.County && s.Jurisdiction!.Code == DemoCounty.CountyCode && s.Title.Contains("校园安全工作业务培训会"));
        Assert.Equal((88, 88, "新平四小报告厅"), (session.Attendees.Count, session.AttendeeCount, session.Venue));
        Assert.Contains("预防校园欺凌和性侵害", session.Speakers);
    }

    [Fact]
    public async Task A_school_records_its_first_lesson_and_the_county_coverage_matrix_shows_it()
    {
        var school = await app.SchoolAsync(DemoCounty.Officer2SchoolCode);
        using var officer = await app.LoginAsync("officer2");
        var create = $"/Schools/{school.Id}/Education/Create";
        var noTopics = await officer.PostFormAsync(create, new Dictionary<string, string>
        {
            ["Form.Kind"] = "FirstLesson", ["Form.Date"] = "2026-11-23", ["Form.Title"] = "补上开学第一课", ["Form.ClassesReached"] = "40", ["Form.StudentsReached"] = "1800",
        }, create);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTopics.StatusCode);
        Assert.Equal("请至少选择一个教育主题。", AppClient.Parse(await noTopics.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Form.Topics']")!.TextContent);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Kind", "FirstLesson"), new("Form.Date", "2026-11-23"), new("Form.Title", "补上开学第一课"), new("Form.ClassesReached", "40"),
            new("Form.StudentsReached", "1800"), new("Form.Topics", "bullying"), new("Form.Topics", "sexual-assault"),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(create, fields, create)).StatusCode);
        var mine = await officer.PageAsync($"/Schools/{school.Id}/Education");
        Assert.Equal("true", mine.QuerySelector("#topic-coverage [data-topic='bullying']")!.GetAttribute("data-covered"));

        using var county = await app.LoginAsync("county");
        var matrix = await county.PageAsync("/Education/Coverage");
        var row = matrix.QuerySelector($"#coverage tr[data-school='{DemoCounty.Officer2SchoolCode}']")!;
        Assert.Contains("✓", row.QuerySelector("td[data-topic='bullying']")!.TextContent);
        await using var db = app.Db();
        var schoolsWithFirstLesson = await db.Context.EducationRecords
            .Where(r => r.Kind == EducationKind.FirstLesson && r.School!.Jurisdiction!.Code == DemoCounty.CountyCode && r.School.IsActive && r.Date >= new DateOnly(2026, 9, 1))
            .Select(r => r.SchoolId).Distinct().CountAsync();
        var total = await db.Context.Schools.CountAsync(s => s.Jurisdiction!.Code == DemoCounty.CountyCode && s.IsActive);
        Assert.Equal($"已上开学第一课 {schoolsWithFirstLesson} / {total} 所。", matrix.QuerySelector("#coverage-summary")!.TextContent);
    }

    [Fact]
    public async Task The_school_file_gathers_drills_education_training_and_tickets()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var county = await app.LoginAsync("county");
        var page = await county.PageAsync($"/Schools/Details/{school.Id}");
        var records = page.QuerySelector("#school-records")!;
        Assert.Equal($"/Schools/{school.Id}/Drills", records.QuerySelector("#records-drills a")!.GetAttribute("href"));
        Assert.Equal($"/Schools/{school.Id}/Education", records.QuerySelector("#records-education a")!.GetAttribute("href"));
        await using var db = app.Db();
        var open = await db.Context.HazardTickets.CountAsync(t => t.SchoolId == school.Id && t.Status != HazardStatus.Closed);
        Assert.Contains($"未销号 {open} 张", records.QuerySelector("#records-tickets")!.TextContent);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DrillTrainingEducationOnSqlite(SqliteApp app) : DrillTrainingEducationTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class DrillTrainingEducationOnPostgreSql(PostgreSqlApp app) : DrillTrainingEducationTests(app);
