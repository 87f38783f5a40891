using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSafety.Common;
using SchoolSafety.Files;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Demo;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// Upload count limits (Storage:MaxPhotosPerRecord: 20 by default, 3 in the test app) on every photo field — a drill,
/// an inspection item, a ticket's rectification — and how stored files are served.
/// </summary>
public abstract class UploadLimitTests(SchoolSafetyApp app)
{
    private static Dictionary<string, string> DrillFields(string problems) => new()
    {
        ["Form.Date"] = "2026-11-24", ["Form.Type"] = "Fire", ["Form.Announced"] = "false", ["Form.Buildings"] = "教学楼", ["Form.Floors"] = "4",
        ["Form.SignalAt"] = "10:00:00", ["Form.AllClearAt"] = "10:02:10", ["Form.StudentsExpected"] = "2100", ["Form.StudentsCounted"] = "2100",
        ["Form.StaffTakingPart"] = "96", ["Form.Injuries"] = "0", ["Form.Problems"] = problems, ["Form.Evaluator"] = "王建华", ["Form.Evaluation"] = "有序",
    };

    private static async Task<HttpResponseMessage> PostDrillAsync(AppClient client, string url, Dictionary<string, string> fields, int photos)
    {
        var page = await client.PageAsync(url);
        var content = new MultipartFormDataContent { { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        for (var i = 0; i < photos; i++)
        {
            var file = new ByteArrayContent(InspectionTests.Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "photos", $"drill{i}.png");
        }
        return await client.Http.PostAsync(url, content);
    }

    [Fact]
    public async Task A_drill_with_more_photos_than_the_limit_is_refused_beside_the_field_and_nothing_is_stored()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        var create = $"/Schools/{school.Id}/Drills/Create";
        var problems = $"照片上限 {Guid.NewGuid():N}"[..16];
        int files;
        await using (var db = app.Db()) files = await db.Context.StoredFiles.CountAsync();

        var refused = await PostDrillAsync(officer, create, DrillFields(problems), 4);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("每条记录最多 3 张照片：本次选了 4 张，已有 0 张。", page.QuerySelector("[data-valmsg-for='photos']")!.TextContent);
        Assert.Equal(problems, page.QuerySelector("[name='Form.Problems']")!.TextContent);
        await using (var db = app.Db())
        {
            Assert.False(await db.Context.Drills.AnyAsync(d => d.Problems == problems));
            Assert.Equal(files, await db.Context.StoredFiles.CountAsync());
        }

        // Three go in; then one more on the same drill is refused, counting the stored ones.
        var saved = await PostDrillAsync(officer, create, DrillFields(problems), 3);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        int drillId;
        await using (var db = app.Db())
        {
            drillId = await db.Context.Drills.Where(d => d.Problems == problems).Select(d => d.Id).SingleAsync();
            Assert.Equal(3, await db.Context.StoredFiles.CountAsync(f => f.DrillId == drillId));
        }
        var edit = $"/Drills/Edit/{drillId}";
        var editPage = await officer.PageAsync(edit);
        var fields = DrillFields(problems);
        fields["Form.RowVersion"] = editPage.QuerySelector("input[name='Form.RowVersion']")?.GetAttribute("value") ?? "";
        var more = await PostDrillAsync(officer, edit, fields, 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, more.StatusCode);
        Assert.Equal("每条记录最多 3 张照片：本次选了 1 张，已有 3 张。",
            AppClient.Parse(await more.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='photos']")!.TextContent);
        await using (var db = app.Db())
            Assert.Equal(3, await db.Context.StoredFiles.CountAsync(f => f.DrillId == drillId));
    }

    /// <summary>Stored file rows and files on disk, to prove a refusal wrote neither.</summary>
    private async Task<(int Rows, int Files)> StoredAsync()
    {
        var root = app.Services.GetRequiredService<FileStorageOptions>().Root;
        var files = Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length : 0;
        await using var db = app.Db();
        return (await db.Context.StoredFiles.CountAsync(), files);
    }

    [Fact]
    public async Task An_inspection_item_with_more_photos_than_the_limit_is_refused_beside_its_field_and_the_rest_of_the_form_is_kept()
    {
        // The limit is per checklist item (each item has its own photo field and its own evidence), not per inspection.
        var school = await app.SchoolAsync(DemoCounty.Officer2SchoolCode);
        var week = await InspectionTests.ClearWeekAsync(app, school.Id, SchoolWeek.Of(ChinaTime.Today(app.Clock)).Previous().Previous().Previous().Previous().Previous().Previous());
        using var officer = await app.LoginAsync("officer2");
        var url = $"/Schools/{school.Id}/Inspections/{week.Number}";
        var page = await officer.PageAsync(url);
        var answers = InspectionTests.AllPass(InspectionTests.ItemIds(page));
        var description = $"围墙破损 {Guid.NewGuid():N}"[..14];
        answers["Answers[0].Outcome"] = nameof(Outcome.Hazard);
        answers["Answers[0].HazardDescription"] = description;
        answers["Answers[1].Note"] = "已检查";
        answers["command"] = "save";
        var before = await StoredAsync();

        // Four photos on item 1 and one on item 2: item 1's are refused (none of them stored), the rest is saved as a draft.
        var refused = await InspectionTests.PostAsync(officer, school.Id, week, InspectionTests.FormOf(page), answers,
            (0, InspectionTests.Png, "a.png"), (0, InspectionTests.Png, "b.png"), (0, InspectionTests.Png, "c.png"), (0, InspectionTests.Png, "d.png"),
            (1, InspectionTests.Png, "e.png"));
        var shown = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("每条记录最多 3 张照片：本次选了 4 张，已有 0 张。", shown.QuerySelector("[data-valmsg-for='Answers[0].NewPhotos']")!.TextContent.Trim());
        Assert.Equal(description, shown.QuerySelector("#a0-desc")!.TextContent);
        Assert.Equal((before.Rows + 1, before.Files + 1), await StoredAsync());
        await using (var db = app.Db())
        {
            var draft = await db.Context.Inspections.Include(i => i.Results).ThenInclude(r => r.Photos)
                .SingleAsync(i => i.SchoolId == school.Id && i.WeekNumber == week.Number && i.IsCurrent);
            Assert.Equal(InspectionStatus.Draft, draft.Status);
            var first = draft.Results.Single(r => r.HazardDescription == description);
            Assert.Empty(first.Photos);
            Assert.Single(draft.Results.Single(r => r.Note == "已检查").Photos);
        }

        // Three fit; then one more on the same item is refused, counting the stored ones.
        page = await officer.PageAsync(url);
        var three = await InspectionTests.PostAsync(officer, school.Id, week, InspectionTests.FormOf(page), answers,
            (0, InspectionTests.Png, "a.png"), (0, InspectionTests.Png, "b.png"), (0, InspectionTests.Png, "c.png"));
        Assert.Equal(HttpStatusCode.Redirect, three.StatusCode);
        page = await officer.PageAsync(url);
        var more = await InspectionTests.PostAsync(officer, school.Id, week, InspectionTests.FormOf(page), answers, (0, InspectionTests.Png, "e.png"));
        Assert.Equal("每条记录最多 3 张照片：本次选了 1 张，已有 3 张。",
            AppClient.Parse(await more.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Answers[0].NewPhotos']")!.TextContent.Trim());
        Assert.Equal((before.Rows + 4, before.Files + 4), await StoredAsync());
    }

    private static async Task<HttpResponseMessage> RectifyAsync(AppClient client, int id, string note, int photos)
    {
        var page = await client.PageAsync($"/Tickets/Details/{id}");
        var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(page.QuerySelector("#rectify-form input[name=rowVersion]")!.GetAttribute("value")!), "rowVersion" },
            { new StringContent(note), "note" },
        };
        for (var i = 0; i < photos; i++)
        {
            var file = new ByteArrayContent(InspectionTests.Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "photos", $"after{i}.png");
        }
        return await client.Http.PostAsync($"/Tickets/Rectify/{id}", content);
    }

    [Fact]
    public async Task A_rectification_with_more_photos_than_the_limit_is_refused_beside_the_field_and_keeps_the_note()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        int id;
        await using (var db = app.Db())
        {
            var ticket = new HazardTicket
            {
                Number = $"T-{Guid.NewGuid():N}"[..20], SchoolId = school.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Canteen,
                Description = "食堂燃气报警器失灵", Grade = HazardGrade.General, FoundAt = app.Clock.GetUtcNow().UtcDateTime, ResponsibleName = "杨晓梅",
                Deadline = ChinaTime.Today(app.Clock).AddDays(7),
                Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = app.Clock.GetUtcNow().UtcDateTime }],
            };
            db.Context.HazardTickets.Add(ticket);
            await db.Context.SaveChangesAsync();
            id = ticket.Id;
        }
        using var officer = await app.LoginAsync("officer");
        using var leader = await app.LoginAsync("leader");
        var before = await StoredAsync();

        var refused = await RectifyAsync(officer, id, "已更换燃气报警器", 4);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("每条记录最多 3 张照片：本次选了 4 张，已有 0 张。", page.QuerySelector("#rectify-form [data-valmsg-for='photos']")!.TextContent);
        Assert.Equal("已更换燃气报警器", page.QuerySelector("#rectify-form #note")!.TextContent);
        Assert.Equal(before, await StoredAsync());
        await using (var db = app.Db())
        {
            var ticket = await db.Context.HazardTickets.Include(t => t.Events).SingleAsync(t => t.Id == id);
            Assert.Equal(HazardStatus.Open, ticket.Status);
            Assert.DoesNotContain(ticket.Events, e => e.Kind == TicketEventKind.Rectified);
        }

        // Three go in; rejected, the second rectification's photos count with the first's.
        Assert.Equal(HttpStatusCode.Redirect, (await RectifyAsync(officer, id, "已更换燃气报警器", 3)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TicketTests.PostFreshAsync(leader, id, "Reject", new() { ["note"] = "报警器未通电" })).StatusCode);
        var more = await RectifyAsync(officer, id, "已接通电源", 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, more.StatusCode);
        Assert.Equal("每条记录最多 3 张照片：本次选了 1 张，已有 3 张。",
            AppClient.Parse(await more.Content.ReadAsStringAsync()).QuerySelector("#rectify-form [data-valmsg-for='photos']")!.TextContent);
        Assert.Equal((before.Rows + 3, before.Files + 3), await StoredAsync());
        await using (var db = app.Db())
            Assert.Equal(1, await db.Context.TicketEvents.CountAsync(e => e.TicketId == id && e.Kind == TicketEventKind.Rectified));
        // Without photos the rectification goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await RectifyAsync(officer, id, "已接通电源", 0)).StatusCode);
    }

    [Fact]
    public async Task Stored_files_are_served_with_nosniff_and_a_content_disposition_of_the_servers_choosing()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        Guid image, document;
        await using (var db = app.Db())
        {
            image = await db.Context.StoredFiles.Where(f => f.SchoolId == school.Id && f.ContentType.StartsWith("image/")).Select(f => f.Id).FirstAsync();
            document = await db.Context.StoredFiles.Where(f => f.SchoolId == school.Id && !f.ContentType.StartsWith("image/")).Select(f => f.Id).FirstAsync();
        }
        using var officer = await app.LoginAsync("officer");
        var photo = await officer.GetAsync($"/Files/{image}");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("nosniff", Assert.Single(photo.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", photo.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith(image.ToString("N"), photo.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.StartsWith("image/", photo.Content.Headers.ContentType!.MediaType);

        var file = await officer.GetAsync($"/Files/{document}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("nosniff", Assert.Single(file.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UploadLimitsOnSqlite(SqliteApp app) : UploadLimitTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class UploadLimitsOnPostgreSql(PostgreSqlApp app) : UploadLimitTests(app);
