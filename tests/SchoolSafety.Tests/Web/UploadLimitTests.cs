using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Demo;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>Upload count limits (Storage:MaxPhotosPerRecord, 20) and how stored files are served.</summary>
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

        var refused = await PostDrillAsync(officer, create, DrillFields(problems), 21);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("每条记录最多 20 张照片：本次选了 21 张，已有 0 张。", page.QuerySelector("[data-valmsg-for='photos']")!.TextContent);
        await using (var db = app.Db())
        {
            Assert.False(await db.Context.Drills.AnyAsync(d => d.Problems == problems));
            Assert.Equal(files, await db.Context.StoredFiles.CountAsync());
        }

        // Twenty go in; then one more on the same drill is refused, counting the stored ones.
        var saved = await PostDrillAsync(officer, create, DrillFields(problems), 20);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        int drillId;
        await using (var db = app.Db())
        {
            drillId = await db.Context.Drills.Where(d => d.Problems == problems).Select(d => d.Id).SingleAsync();
            Assert.Equal(20, await db.Context.StoredFiles.CountAsync(f => f.DrillId == drillId));
        }
        var edit = $"/Drills/Edit/{drillId}";
        var editPage = await officer.PageAsync(edit);
        var fields = DrillFields(problems);
        fields["Form.RowVersion"] = editPage.QuerySelector("input[name='Form.RowVersion']")?.GetAttribute("value") ?? "";
        var more = await PostDrillAsync(officer, edit, fields, 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, more.StatusCode);
        Assert.Equal("每条记录最多 20 张照片：本次选了 1 张，已有 20 张。",
            AppClient.Parse(await more.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='photos']")!.TextContent);
        await using (var db = app.Db())
            Assert.Equal(20, await db.Context.StoredFiles.CountAsync(f => f.DrillId == drillId));
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
