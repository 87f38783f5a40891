using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Demo;
using SchoolSafety.Inspections;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class TemplateTests(SchoolSafetyApp app)
{
    [Fact]
    public async Task A_new_version_is_copied_edited_published_and_used_by_new_inspections_while_old_ones_keep_theirs()
    {
        using var admin = await app.LoginAsync("admin");
        var created = await admin.PostFormAsync("/Templates/Create", new { }, "/Templates");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        var page = await admin.PageAsync(editUrl);
        Assert.Equal(28, page.QuerySelectorAll(".template-item").Length);

        // Add an item: the form grows by one empty item, nothing is saved yet.
        var fields = Fields(page);
        var added = await admin.PostFormAsync(editUrl, fields.Append(new("command", "add")), editUrl);
        page = AppClient.Parse(await added.Content.ReadAsStringAsync());
        Assert.Equal(29, page.QuerySelectorAll(".template-item").Length);

        fields = Fields(page);
        Set(fields, "Items[0].NameZh", "安全生产责任");
        Set(fields, "Items[27].Retire", "true");
        Set(fields, "Items[28].NameZh", "校园欺凌线索排查");
        Set(fields, "Items[28].NameEn", "Bullying leads");
        Set(fields, "Items[28].Frequency", nameof(ItemFrequency.Monthly));
        Set(fields, "Items[28].CheckPointsZh", "设立举报箱并每周开箱\n班主任每周排查");
        Set(fields, "Items[28].CheckPointsEn", "A report box, opened weekly\nClass teachers check weekly");
        var published = await admin.PostFormAsync(editUrl, fields.Append(new("command", "publish")), editUrl);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        await using (var db = app.Db())
        {
            var v2 = await db.Context.ChecklistTemplates.Include(t => t.Items).ThenInclude(i => i.CheckPoints)
                .OrderByDescending(t => t.Version).FirstAsync();
            Assert.Equal((2, TemplateStatus.Published), (v2.Version, v2.Status));
            Assert.Equal(28, v2.Items.Count);
            Assert.Equal("安全生产责任", v2.Items.Single(i => i.Number == 1).NameZh);
            Assert.DoesNotContain(v2.Items, i => i.Key == "I28");
            var newItem = v2.Items.Single(i => i.NameZh == "校园欺凌线索排查");
            Assert.Equal(("I29", 28, 2), (newItem.Key, newItem.Number, newItem.CheckPoints.Count));
            var v1 = await db.Context.ChecklistTemplates.Include(t => t.Items).SingleAsync(t => t.Version == 1);
            Assert.Equal("安全生产", v1.Items.Single(i => i.Key == "I01").NameZh);
        }

        // A new inspection is filled on version 2; an old one still shows version 1's items.
        var school = await app.SchoolAsync(DemoCounty.Officer2SchoolCode);
        var week = SchoolWeek.Of(ChinaTime.Today(app.Clock)).Previous().Previous().Previous().Previous().Previous();
        await using (var db = app.Db())
            await db.Context.Inspections.Where(i => i.SchoolId == school.Id && i.WeekNumber == week.Number).ExecuteDeleteAsync();
        using var officer2 = await app.LoginAsync("officer2");
        await officer2.PostFormAsync($"/Schools/{school.Id}/Inspections/{week.Number}", new { command = "save" }, $"/Schools/{school.Id}/Inspections/{week.Number}");
        await using (var db = app.Db())
        {
            var fresh = await db.Context.Inspections.Include(i => i.Template).SingleAsync(i => i.SchoolId == school.Id && i.WeekNumber == week.Number);
            Assert.Equal(2, fresh.Template!.Version);
            var old = await db.Context.Inspections
                .Where(i => i.SchoolId == school.Id && i.Template!.Version == 1 && i.Results.Any(r => r.Item!.Key == "I28"))
                .Select(i => i.WeekNumber).FirstAsync();
            var history = await officer2.PageAsync($"/Schools/{school.Id}/Inspections/{old}");
            Assert.Contains("矛盾纠纷排查", history.QuerySelector("#inspection-results")?.TextContent ?? history.QuerySelector("#inspection-form")!.TextContent);
        }
    }

    [Fact]
    public async Task A_published_version_cannot_be_edited()
    {
        using var admin = await app.LoginAsync("admin");
        int v1;
        await using (var db = app.Db())
            v1 = await db.Context.ChecklistTemplates.Where(t => t.Version == 1).Select(t => t.Id).SingleAsync();
        var page = await admin.PageAsync($"/Templates/Edit/{v1}");
        Assert.NotNull(page.QuerySelector("#template-form fieldset[disabled]"));
        Assert.Null(page.QuerySelector("#publish-template"));
        var response = await admin.PostFormAsync($"/Templates/Edit/{v1}",
            new Dictionary<string, string> { ["Items[0].NameZh"] = "改名", ["Items[0].NameEn"] = "x", ["command"] = "save" }, $"/Templates/Edit/{v1}");
        Assert.Contains("该版本已发布，不能修改", await response.Content.ReadAsStringAsync());
        await using var check = app.Db();
        Assert.Equal("安全生产", await check.Context.ChecklistItems.Where(i => i.TemplateId == v1 && i.Key == "I01").Select(i => i.NameZh).SingleAsync());
    }

    [Fact]
    public async Task Bad_item_input_is_shown_beside_the_field_and_nothing_is_saved()
    {
        using var admin = await app.LoginAsync("admin");
        var created = await admin.PostFormAsync("/Templates/Create", new { }, "/Templates");
        var editUrl = created.Headers.Location!.OriginalString;
        var fields = Fields(await admin.PageAsync(editUrl));
        Set(fields, "Items[1].NameZh", "");
        Set(fields, "Items[2].CheckPointsEn", "only one line");
        Set(fields, "Items[3].Frequency", nameof(ItemFrequency.Seasonal));
        Set(fields, "Items[3].SeasonStartMonth", "");
        var response = await admin.PostFormAsync(editUrl, fields.Append(new("command", "save")), editUrl);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("请填写中文名称。", page.QuerySelector("[data-valmsg-for='Items[1].NameZh']")!.TextContent);
        Assert.Contains("须逐行对应", page.QuerySelector("[data-valmsg-for='Items[2].CheckPointsEn']")!.TextContent);
        Assert.Equal("季节性项目须填写开始和结束月份。", page.QuerySelector("[data-valmsg-for='Items[3].SeasonStartMonth']")!.TextContent);
        Assert.Equal("only one line", page.QuerySelector("#i2-cpen")!.TextContent);
        await using var db = app.Db();
        var draft = await db.Context.ChecklistTemplates.Include(t => t.Items).SingleAsync(t => t.Status == TemplateStatus.Draft);
        Assert.All(draft.Items, i => Assert.False(string.IsNullOrEmpty(i.NameZh)));
        Assert.NotEqual(ItemFrequency.Seasonal, draft.Items.Single(i => i.Number == 4).Frequency);
    }

    private static List<KeyValuePair<string, string>> Fields(IHtmlDocument page) =>
        page.QuerySelectorAll("#template-form input, #template-form select, #template-form textarea")
            .Where(e => e.GetAttribute("name") is { } n && n != "__RequestVerificationToken" && !(e.GetAttribute("type") == "checkbox" && !e.HasAttribute("checked")))
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.LocalName switch
            {
                "select" => e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")!.GetAttribute("value")!,
                "textarea" => e.TextContent,
                _ => e.GetAttribute("value") ?? "",
            }))
            .ToList();

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TemplatesOnSqlite(SqliteApp app) : TemplateTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class TemplatesOnPostgreSql(PostgreSqlApp app) : TemplateTests(app);
