using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class InspectionTests(SchoolSafetyApp app)
{
    /// <summary>A tiny valid PNG, as a phone camera's JPEG would be checked: by its bytes.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private SchoolWeek ThisWeek => SchoolWeek.Of(ChinaTime.Today(app.Clock));

    [Fact]
    public async Task Submitting_with_a_hazard_and_a_photo_opens_a_ticket_and_is_audited()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var week = await ClearWeekAsync(school.Id, ThisWeek);
        using var officer = await app.LoginAsync("officer");
        var page = await officer.PageAsync($"/Schools/{school.Id}/Inspections");
        var form = FormOf(page);
        var items = ItemIds(page);
        Assert.True(items.Count >= 12, $"{items.Count} items due");

        var answers = AllPass(items);
        var hazardIndex = items.FindIndex(i => i.Key == "I03");
        answers[$"Answers[{hazardIndex}].Outcome"] = nameof(Outcome.Hazard);
        answers[$"Answers[{hazardIndex}].HazardDescription"] = "二楼东侧灭火器压力不足";
        answers[$"Answers[{hazardIndex}].HazardPlace"] = nameof(HazardPlace.TeachingBuilding);
        answers[$"Answers[{hazardIndex}].HazardGrade"] = nameof(HazardGrade.General);
        answers[$"Answers[{hazardIndex}].ResponsiblePerson"] = "许玉";
        answers["command"] = "submit";
        var response = await PostAsync(officer, school.Id, week, form, answers, (hazardIndex, Png, "fire.jpg"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = app.Db();
        var inspection = await db.Context.Inspections.Include(i => i.Results).ThenInclude(r => r.Photos)
            .SingleAsync(i => i.SchoolId == school.Id && i.WeekNumber == week.Number && i.IsCurrent);
        Assert.Equal(InspectionStatus.Submitted, inspection.Status);
        Assert.All(inspection.Results, r => Assert.NotNull(r.Outcome));
        var hazard = inspection.Results.Single(r => r.Outcome == Outcome.Hazard);
        Assert.Equal("image/png", Assert.Single(hazard.Photos).ContentType);
        var ticket = await db.Context.HazardTickets.SingleAsync(t => t.InspectionResultId == hazard.Id);
        Assert.Equal((HazardStatus.Open, "许玉", HazardGrade.General), (ticket.Status, ticket.ResponsibleName, ticket.Grade));
        Assert.Equal(ChinaTime.Today(app.Clock).AddDays(HazardRules.GeneralDeadlineDays), ticket.Deadline);
        Assert.StartsWith($"{school.Code}-", ticket.Number);
        Assert.True(await db.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(HazardTicket) && a.EntityKey == ticket.Id.ToString() && a.UserName == "officer"));

        var after = await officer.PageAsync($"/Schools/{school.Id}/Inspections");
        Assert.Contains(ticket.Number, after.QuerySelector("#tickets-opened")!.TextContent);
        Assert.Equal("已提交", after.QuerySelector("#inspection-status")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("#inspection-form"));
        var photo = await officer.GetAsync(after.QuerySelector("#inspection-results img")!.GetAttribute("src")!);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_incomplete_submit_lists_what_is_missing_beside_each_item_and_keeps_everything_as_a_draft()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var week = await ClearWeekAsync(school.Id, ThisWeek.Previous());
        using var officer = await app.LoginAsync("officer");
        var page = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        var items = ItemIds(page);
        var answers = AllPass(items);
        answers.Remove("Answers[0].Outcome");                                   // unanswered
        answers["Answers[1].Outcome"] = nameof(Outcome.NotApplicable);          // no reason
        answers["Answers[2].Outcome"] = nameof(Outcome.Hazard);                 // no details, no photo
        answers["Answers[2].HazardDescription"] = "楼梯扶手松动";
        answers["Answers[3].Note"] = "已检查完毕";
        answers["command"] = "submit";

        var response = await PostAsync(officer, school.Id, week, FormOf(page), answers);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = AppClient.Parse(await response.Content.ReadAsStringAsync());
        string Message(string key) => result.QuerySelector($"[data-valmsg-for='{key}']")?.TextContent ?? "";
        Assert.Contains("还有 3 个项目未填写完整", result.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("请选择检查结果。", Message("Answers[0].Outcome"));
        Assert.Equal("选择“不适用”须说明原因。", Message("Answers[1].NotApplicableReason"));
        Assert.Equal("请选择隐患部位。", Message("Answers[2].HazardPlace"));
        Assert.Equal("发现隐患须至少上传一张照片。", Message("Answers[2].Photos"));
        Assert.Equal("楼梯扶手松动", result.QuerySelector("#a2-desc")!.TextContent);

        await using var db = app.Db();
        var draft = await db.Context.Inspections.Include(i => i.Results)
            .SingleAsync(i => i.SchoolId == school.Id && i.WeekNumber == week.Number && i.IsCurrent);
        Assert.Equal(InspectionStatus.Draft, draft.Status);
        Assert.Equal(items.Count - 1, draft.Results.Count(r => r.Outcome != null));
        Assert.Contains(draft.Results, r => r.Note == "已检查完毕");
        Assert.False(await db.Context.HazardTickets.AnyAsync(t => t.InspectionResult!.InspectionId == draft.Id));
    }

    [Fact]
    public async Task A_text_file_named_jpg_and_an_oversized_photo_are_refused_with_a_message()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var week = await ClearWeekAsync(school.Id, ThisWeek.Previous().Previous());
        using var officer = await app.LoginAsync("officer");
        var page = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        var answers = AllPass(ItemIds(page));
        answers["Answers[0].Outcome"] = nameof(Outcome.Hazard);
        answers["command"] = "save";

        var text = await PostAsync(officer, school.Id, week, FormOf(page), answers, (0, "这不是照片"u8.ToArray(), "photo.jpg"));
        var result = AppClient.Parse(await text.Content.ReadAsStringAsync());
        Assert.Contains("该文件不是图片", result.QuerySelector("[data-valmsg-for='Answers[0].NewPhotos']")!.TextContent);

        var page2 = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        var big = new byte[3 * 1024 * 1024];
        Png.CopyTo(big, 0);
        var oversized = await PostAsync(officer, school.Id, week, FormOf(page2), answers, (0, big, "big.png"));
        result = AppClient.Parse(await oversized.Content.ReadAsStringAsync());
        Assert.Contains("照片不能超过 2 MB", result.QuerySelector("[data-valmsg-for='Answers[0].NewPhotos']")!.TextContent);

        await using var db = app.Db();
        var resultIds = db.Context.InspectionResults.Where(r => r.Inspection!.SchoolId == school.Id && r.Inspection.WeekNumber == week.Number).Select(r => (int?)r.Id);
        Assert.False(await db.Context.StoredFiles.AnyAsync(f => resultIds.Contains(f.InspectionResultId)));
    }

    [Fact]
    public async Task Two_people_saving_the_same_draft_the_second_is_told_and_nothing_is_overwritten()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var week = await ClearWeekAsync(school.Id, ThisWeek.Previous().Previous().Previous());
        using var officer = await app.LoginAsync("officer");
        using var leader = await app.LoginAsync("leader");
        var first = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        var items = ItemIds(first);
        var start = AllPass(items);
        start["command"] = "save";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, school.Id, week, FormOf(first), start)).StatusCode);

        var officerPage = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        var leaderPage = await leader.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        var mine = AllPass(items);
        mine["Answers[0].Note"] = "安全员的备注";
        mine["command"] = "save";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, school.Id, week, FormOf(officerPage), mine)).StatusCode);

        var theirs = AllPass(items);
        theirs["Answers[0].Note"] = "校长的备注";
        theirs["command"] = "save";
        var refused = await PostAsync(leader, school.Id, week, FormOf(leaderPage), theirs);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("另一位老师在您填写期间已保存", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("校长的备注", page.QuerySelector("#a0-note")!.GetAttribute("value"));

        // Saving again from the refused page is refused again: the officer's answer is never silently replaced.
        var again = await PostAsync(leader, school.Id, week, FormOf(page), theirs);
        Assert.Contains("另一位老师在您填写期间已保存", await again.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var note = await db.Context.InspectionResults
            .Where(r => r.Inspection!.SchoolId == school.Id && r.Inspection.WeekNumber == week.Number && r.ItemId == items[0].Id)
            .Select(r => r.Note).SingleAsync();
        Assert.Equal("安全员的备注", note);
    }

    [Fact]
    public async Task Weeks_in_the_future_or_outside_the_term_are_refused()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        var next = ThisWeek.Next();
        var future = await officer.PostFormAsync($"/Schools/{school.Id}/Inspections/{next.Number}", new { command = "save" });
        Assert.Contains("不能填写未来的周", await future.Content.ReadAsStringAsync());

        var longAgo = SchoolWeek.Of(ChinaTime.Today(app.Clock).AddDays(-400));
        var outside = await officer.PostFormAsync($"/Schools/{school.Id}/Inspections/{longAgo.Number}", new { command = "save" });
        Assert.Contains("该周不在学期内", await outside.Content.ReadAsStringAsync());

        await using var db = app.Db();
        Assert.False(await db.Context.Inspections.AnyAsync(i => i.SchoolId == school.Id && (i.WeekNumber == next.Number || i.WeekNumber == longAgo.Number)));
    }

    [Fact]
    public async Task The_school_leader_signs_off_a_submitted_inspection_and_the_officer_cannot()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var week = await ClearWeekAsync(school.Id, ThisWeek.Previous().Previous().Previous().Previous());
        using var officer = await app.LoginAsync("officer");
        var page = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        var answers = AllPass(ItemIds(page));
        answers["command"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, school.Id, week, FormOf(page), answers)).StatusCode);
        int id;
        await using (var db = app.Db())
            id = await db.Context.Inspections.Where(i => i.SchoolId == school.Id && i.WeekNumber == week.Number && i.IsCurrent).Select(i => i.Id).SingleAsync();

        var byOfficer = await officer.PostFormAsync($"/Schools/{school.Id}/Inspections/SignOff/{id}", new { });
        Assert.Equal(HttpStatusCode.Redirect, byOfficer.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", byOfficer.Headers.Location!.PathAndQuery);

        using var leader = await app.LoginAsync("leader");
        var leaderPage = await leader.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        Assert.NotNull(leaderPage.QuerySelector("#sign-off"));
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync($"/Schools/{school.Id}/Inspections/SignOff/{id}", new { })).StatusCode);
        await using var check = app.Db();
        Assert.Equal(InspectionStatus.SignedOff, (await check.Context.Inspections.SingleAsync(i => i.Id == id)).Status);
    }

    [Fact]
    public async Task The_county_sees_every_schools_completion_and_who_missed_two_weeks()
    {
        using var county = await app.LoginAsync("county");
        var page = await county.PageAsync("/Inspections/Completion");
        int active;
        await using (var db = app.Db())
            active = await db.Context.Schools.CountAsync(s => s.IsActive && s.Jurisdiction!.Code == DemoCounty.CountyCode);
        Assert.Equal(active, page.QuerySelectorAll("#completion-grid tbody tr").Length);
        Assert.Null(page.QuerySelector("#completion-grid tr[data-school^=YJ]"));
        var weeks = page.QuerySelectorAll("#completion-grid thead th").Length - 3;
        Assert.True(weeks >= 1);
        Assert.Contains("连续两周或以上未提交", page.QuerySelector("#missed-two")!.TextContent);

        var filtered = await county.PageAsync("/Inspections/Completion?type=Kindergarten");
        Assert.All(filtered.QuerySelectorAll("#completion-grid tbody tr"), r => Assert.Contains("幼儿园", r.TextContent));

        using var officer = await app.LoginAsync("officer");
        var denied = await officer.GetAsync("/Inspections/Completion");
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_correction_is_a_new_revision_that_keeps_the_old_one_and_opens_tickets_only_for_new_hazards()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var week = await ClearWeekAsync(school.Id, ThisWeek.Previous().Previous().Previous().Previous().Previous());
        using var officer = await app.LoginAsync("officer");
        var page = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        var items = ItemIds(page);
        var answers = AllPass(items);
        answers["Answers[0].Outcome"] = nameof(Outcome.Hazard);
        answers["Answers[0].HazardDescription"] = "校门减速带破损";
        answers["Answers[0].HazardPlace"] = nameof(HazardPlace.Gatehouse);
        answers["Answers[0].HazardGrade"] = nameof(HazardGrade.General);
        answers["Answers[0].ResponsiblePerson"] = "许玉";
        answers["command"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, school.Id, week, FormOf(page), answers, (0, Png, "a.png"))).StatusCode);
        int firstId;
        await using (var db = app.Db())
            firstId = await db.Context.Inspections.Where(i => i.SchoolId == school.Id && i.WeekNumber == week.Number).Select(i => i.Id).SingleAsync();

        var revise = await officer.PostFormAsync($"/Schools/{school.Id}/Inspections/Revise/{firstId}", new { }, $"/Schools/{school.Id}/Inspections/{week.Number}");
        Assert.Equal(HttpStatusCode.Redirect, revise.StatusCode);
        var draft = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}");
        Assert.Equal("草稿", draft.QuerySelector("#inspection-status")!.TextContent.Trim());
        Assert.Equal("校门减速带破损", draft.QuerySelector("#a0-desc")!.TextContent);
        Assert.Single(draft.QuerySelectorAll(".inspection-item")[0].QuerySelectorAll("img"));

        var corrected = AllPass(items);
        foreach (var k in answers.Keys.Where(k => k.StartsWith("Answers[0].")).ToList()) corrected[k] = answers[k];
        corrected["Answers[1].Outcome"] = nameof(Outcome.Hazard);
        corrected["Answers[1].HazardDescription"] = "灭火器过期";
        corrected["Answers[1].HazardPlace"] = nameof(HazardPlace.TeachingBuilding);
        corrected["Answers[1].HazardGrade"] = nameof(HazardGrade.General);
        corrected["Answers[1].ResponsiblePerson"] = "许玉";
        corrected["command"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, school.Id, week, FormOf(draft), corrected, (1, Png, "b.png"))).StatusCode);

        await using (var db = app.Db())
        {
            var revisions = await db.Context.Inspections.Include(i => i.Results)
                .Where(i => i.SchoolId == school.Id && i.WeekNumber == week.Number).OrderBy(i => i.Revision).ToListAsync();
            Assert.Equal([(1, false, InspectionStatus.Submitted), (2, true, InspectionStatus.Submitted)],
                revisions.Select(r => (r.Revision, r.IsCurrent, r.Status)));
            var resultIds = revisions.SelectMany(r => r.Results).Select(r => (int?)r.Id).ToList();
            var tickets = await db.Context.HazardTickets.Where(t => resultIds.Contains(t.InspectionResultId)).Select(t => t.Description).ToListAsync();
            Assert.Equal(["校门减速带破损", "灭火器过期"], tickets.Order());
        }
        var old = await officer.PageAsync($"/Schools/{school.Id}/Inspections/{week.Number}?revision=1");
        Assert.Contains("已被更正", old.QuerySelector("#revisions")!.TextContent);
        Assert.Null(old.QuerySelector("#inspection-form"));
        Assert.Null(old.QuerySelector("#revise"));
        Assert.DoesNotContain("灭火器过期", old.QuerySelector("#inspection-results")!.TextContent);
    }

    [Fact]
    public async Task The_county_sees_a_schools_term_with_the_hazards_found_per_item()
    {
        var school = await app.SchoolAsync("XP010");
        int hazards;
        await using (var db = app.Db())
            hazards = await db.Context.InspectionResults.CountAsync(r => r.Inspection!.SchoolId == school.Id && r.Inspection.IsCurrent
                && r.Inspection.Status != InspectionStatus.Draft && r.Outcome == Outcome.Hazard);
        using var county = await app.LoginAsync("county");
        var page = await county.PageAsync($"/Schools/{school.Id}/Inspections/History");
        var rows = page.QuerySelectorAll("#history-grid tbody tr");
        Assert.True(rows.Length >= 28);
        Assert.Equal(hazards, rows.Sum(r => int.Parse(r.QuerySelector("td:last-child")!.TextContent)));
        Assert.Contains("✓", rows[0].TextContent);
    }

    /// <summary>Removes whatever the demo generated for the school in that week, so the test starts from nothing.</summary>
    private Task<SchoolWeek> ClearWeekAsync(int schoolId, SchoolWeek week) => ClearWeekAsync(app, schoolId, week);

    internal static async Task<SchoolWeek> ClearWeekAsync(SchoolSafetyApp app, int schoolId, SchoolWeek week)
    {
        await using var db = app.Db();
        var inspections = await db.Context.Inspections.Include(i => i.Results).ThenInclude(r => r.Photos)
            .Where(i => i.SchoolId == schoolId && i.WeekNumber == week.Number).ToListAsync();
        var resultIds = inspections.SelectMany(i => i.Results).Select(r => r.Id).ToList();
        db.Context.HazardTickets.RemoveRange(await db.Context.HazardTickets.Where(t => t.InspectionResultId != null && resultIds.Contains(t.InspectionResultId.Value)).ToListAsync());
        db.Context.StoredFiles.RemoveRange(inspections.SelectMany(i => i.Results).SelectMany(r => r.Photos));
        db.Context.Inspections.RemoveRange(inspections);
        await db.Context.SaveChangesAsync();
        return week;
    }

    internal static List<(int Id, string Key)> ItemIds(IHtmlDocument page) =>
        page.QuerySelectorAll("#inspection-form .inspection-item")
            .Select(s => (int.Parse(s.QuerySelector("input[type=hidden]")!.GetAttribute("value")!), s.GetAttribute("data-item")!))
            .ToList();

    internal static Dictionary<string, string> AllPass(List<(int Id, string Key)> items)
    {
        var answers = new Dictionary<string, string>();
        for (var i = 0; i < items.Count; i++)
        {
            answers[$"Answers[{i}].ItemId"] = items[i].Id.ToString();
            answers[$"Answers[{i}].Outcome"] = nameof(Outcome.Pass);
        }
        return answers;
    }

    internal static (string Token, string? RowVersion) FormOf(IHtmlDocument page) =>
        (page.QuerySelector("#inspection-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
         page.QuerySelector("#inspection-form input[name=RowVersion]")!.GetAttribute("value"));

    internal static Task<HttpResponseMessage> PostAsync(AppClient client, int schoolId, SchoolWeek week,
        (string Token, string? RowVersion) form, Dictionary<string, string> fields, params (int Index, byte[] Bytes, string Name)[] photos)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(form.Token), "__RequestVerificationToken" },
            { new StringContent(form.RowVersion ?? ""), "RowVersion" },
        };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        foreach (var (index, bytes, name) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, $"Answers[{index}].NewPhotos", name);
        }
        return client.Http.PostAsync($"/Schools/{schoolId}/Inspections/{week.Number}", content);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InspectionsOnSqlite(SqliteApp app) : InspectionTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class InspectionsOnPostgreSql(PostgreSqlApp app) : InspectionTests(app);
