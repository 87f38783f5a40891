using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class SchoolEditingTests(SchoolSafetyApp app)
{
    [Fact]
    public async Task Editing_a_school_saves_it_and_leaves_an_audit_entry_with_before_and_after()
    {
        var school = await app.SchoolAsync("XP010");
        using var admin = await app.LoginAsync("admin");
        var form = await FormAsync(admin, school.Id);
        form["Form.Students"] = (school.Students + 37).ToString();
        form["Form.PrincipalPhone"] = "0877-7011234";

        var response = await admin.PostFormAsync($"/Schools/Edit/{school.Id}", form, $"/Schools/Edit/{school.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await app.SchoolAsync("XP010");
        Assert.Equal(school.Students + 37, saved.Students);
        Assert.Equal("0877-7011234", saved.PrincipalPhone);

        await using var db = app.Db();
        var entry = await db.Context.AuditEntries.Where(a => a.EntityType == nameof(School) && a.EntityKey == school.Id.ToString())
            .OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(AuditAction.Modified, entry.Action);
        Assert.Equal("admin", entry.UserName);
        Assert.Equal(school.Id, entry.SchoolId);
        var changes = AuditChanges.Parse(entry.Changes).ToDictionary(c => c.Field);
        Assert.Equal(school.Students.ToString(), changes["Students"].Before);
        Assert.Equal((school.Students + 37).ToString(), changes["Students"].After);
        Assert.DoesNotContain("RowVersion", changes.Keys);

        var audit = await admin.PageAsync($"/Audit?schoolId={school.Id}");
        Assert.Contains("Students", audit.QuerySelector("#audit-list")!.TextContent);
    }

    [Fact]
    public async Task Bad_input_is_shown_beside_the_field_in_Chinese_and_nothing_is_saved()
    {
        var school = await app.SchoolAsync("XP011");
        using var admin = await app.LoginAsync("admin");
        var form = await FormAsync(admin, school.Id);
        form["Form.Name"] = "";
        form["Form.BoardingStudents"] = (school.Students + 1).ToString();
        form["Form.Staff"] = "abc";
        form["Form.PrincipalPhone"] = "phone?";

        var response = await admin.PostFormAsync($"/Schools/Edit/{school.Id}", form, $"/Schools/Edit/{school.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        string Message(string field) => page.QuerySelector($"[data-valmsg-for='Form.{field}']")!.TextContent;
        Assert.Equal("请填写学校名称。", Message("Name"));
        Assert.Equal("住校生数不能大于学生数。", Message("BoardingStudents"));
        Assert.Equal("“abc”不是有效的值。", Message("Staff"));
        Assert.Contains("电话号码只能包含", Message("PrincipalPhone"));
        // What the user typed stays in the form.
        Assert.Equal((school.Students + 1).ToString(), page.QuerySelector("#Form_BoardingStudents")!.GetAttribute("value"));

        var stored = await app.SchoolAsync("XP011");
        Assert.Equal(school.Name, stored.Name);
        Assert.Equal(school.BoardingStudents, stored.BoardingStudents);
    }

    [Fact]
    public async Task Validation_messages_follow_the_chosen_language()
    {
        var school = await app.SchoolAsync("XP012");
        using var admin = await app.LoginAsync("admin");
        await admin.PostFormAsync("/Culture/Set", new { culture = "en-US", returnUrl = "/" }, "/Schools");
        var form = await FormAsync(admin, school.Id);
        form["Form.Name"] = "";
        var response = await admin.PostFormAsync($"/Schools/Edit/{school.Id}", form, $"/Schools/Edit/{school.Id}");
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("School name is required.", page.QuerySelector("[data-valmsg-for='Form.Name']")!.TextContent);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_a_clear_message_and_the_newer_data_survives()
    {
        var school = await app.SchoolAsync("XP013");
        using var first = await app.LoginAsync("admin");
        using var second = await app.LoginAsync("admin");
        var firstForm = await FormAsync(first, school.Id);
        var secondForm = await FormAsync(second, school.Id);

        firstForm["Form.Students"] = "555";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/Schools/Edit/{school.Id}", firstForm, $"/Schools/Edit/{school.Id}")).StatusCode);

        secondForm["Form.Students"] = "777";
        secondForm["Form.Township"] = "漠沙镇";
        var refused = await second.PostFormAsync($"/Schools/Edit/{school.Id}", secondForm, $"/Schools/Edit/{school.Id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("其他人已修改并保存了这条记录", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("777", page.QuerySelector("#Form_Students")!.GetAttribute("value"));
        Assert.Contains("555", page.QuerySelector("#Form_Students")!.ParentElement!.QuerySelector(".current-value")!.TextContent);
        Assert.Equal(555, (await app.SchoolAsync("XP013")).Students);

        // Having seen the newer values, the second user saves deliberately: now theirs wins, and both writes are in the audit trail.
        var retry = Fields(page);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync($"/Schools/Edit/{school.Id}", retry, $"/Schools/Edit/{school.Id}")).StatusCode);
        Assert.Equal(777, (await app.SchoolAsync("XP013")).Students);
        await using var db = app.Db();
        var trail = await db.Context.AuditEntries.Where(a => a.EntityType == nameof(School) && a.EntityKey == school.Id.ToString() && a.Action == AuditAction.Modified)
            .OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync();
        Assert.Contains(trail, c => c.Contains("\"New\":555"));
        Assert.Contains(trail, c => c.Contains("\"Old\":555,\"New\":777"));
    }

    [Fact]
    public async Task An_administrator_creates_a_school_and_a_duplicate_code_is_refused()
    {
        using var admin = await app.LoginAsync("admin");
        var county = (await app.SchoolAsync("XP001")).JurisdictionId;
        var fields = new Dictionary<string, string>
        {
            ["Form.Code"] = "XP900", ["Form.Name"] = "平甸乡新建幼儿园", ["Form.Type"] = nameof(SchoolType.Kindergarten),
            ["Form.JurisdictionId"] = county.ToString(), ["Form.Township"] = "平甸乡", ["Form.Students"] = "86",
            ["Form.BoardingStudents"] = "0", ["Form.Staff"] = "9", ["Form.TallestBuildingFloors"] = "2",
        };
        var created = await admin.PostFormAsync("/Schools/Create", fields, "/Schools/Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var school = await app.SchoolAsync("XP900");
        Assert.Equal(86, school.Students);
        Assert.Equal(SchoolType.Kindergarten, school.Type);

        var duplicate = await admin.PostFormAsync("/Schools/Create", fields, "/Schools/Create");
        var page = AppClient.Parse(await duplicate.Content.ReadAsStringAsync());
        Assert.Equal("学校代码 XP900 已被使用。", page.QuerySelector("[data-valmsg-for='Form.Code']")!.TextContent);
    }

    [Fact]
    public async Task Deactivating_a_school_hides_it_from_the_list_but_keeps_it()
    {
        var school = await app.SchoolAsync("XP014");
        using var admin = await app.LoginAsync("admin");
        var response = await admin.PostFormAsync($"/Schools/SetActive/{school.Id}", new { active = "false" }, $"/Schools/Details/{school.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await app.SchoolAsync("XP014")).IsActive);

        var list = await admin.PageAsync("/Schools?q=XP014");
        Assert.Empty(list.QuerySelectorAll("#school-list tbody tr"));
        list = await admin.PageAsync("/Schools?q=XP014&includeInactive=true");
        Assert.Contains("已停用", list.QuerySelector("#school-list")!.TextContent);

        await admin.PostFormAsync($"/Schools/SetActive/{school.Id}", new { active = "true" }, $"/Schools/Details/{school.Id}");
        Assert.True((await app.SchoolAsync("XP014")).IsActive);
    }

    [Fact]
    public async Task The_school_list_filters_by_township_and_type()
    {
        using var county = await app.LoginAsync("county");
        var page = await county.PageAsync("/Schools?township=漠沙镇&type=Kindergarten");
        var rows = page.QuerySelectorAll("#school-list tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Contains("漠沙镇", r.TextContent);
            Assert.Contains("幼儿园", r.TextContent);
        });
    }

    /// <summary>The edit form's fields as the page rendered them.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(AppClient client, int id)
    {
        return Fields(await client.PageAsync($"/Schools/Edit/{id}"));
    }

    private static Dictionary<string, string> Fields(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        return page.QuerySelectorAll("#school-form input, #school-form select")
            .Where(e => e.GetAttribute("name") is { } n && !n.StartsWith("__"))
            .ToDictionary(e => e.GetAttribute("name")!, e => e.LocalName == "select"
                ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? ""
                : e.GetAttribute("value") ?? "");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SchoolEditingOnSqlite(SqliteApp app) : SchoolEditingTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class SchoolEditingOnPostgreSql(PostgreSqlApp app) : SchoolEditingTests(app);
