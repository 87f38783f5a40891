using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class CampaignTests(SchoolSafetyApp app)
{
    private async Task<int> CreateAsync(AppClient county, string title, string township, SchoolType[] types, string start, string end)
    {
        int fire, dorm;
        await using (var db = app.Db())
        {
            var current = await db.Context.ChecklistTemplates.Where(t => t.Status == TemplateStatus.Published).OrderByDescending(t => t.Version)
                .Include(t => t.Items).FirstAsync();
            fire = current.Items.Single(i => i.Key == "I03").Id;
            dorm = current.Items.Single(i => i.Key == "I20").Id;
        }
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Title", title), new("Start", start), new("End", end), new("Township", township),
            new("ItemIds", fire.ToString()), new("ItemIds", dorm.ToString()),
            new("Extra[0].NameZh", "寒假离校安全教育"), new("Extra[0].CheckPointZh", "已向每名学生发放致家长一封信并收回回执"),
        };
        fields.AddRange(types.Select(t => new KeyValuePair<string, string>("Types", t.ToString())));
        var response = await county.PostFormAsync("/Campaigns/Create", fields, "/Campaigns/Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [Fact]
    public async Task The_county_sends_a_special_inspection_and_a_targeted_school_fills_it_like_a_week()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var county = await app.LoginAsync("county");
        var id = await CreateAsync(county, "寒假前安全隐患排查", school.Township, [], "2026-11-20", "2026-12-10");

        int targets;
        await using (var db = app.Db())
        {
            targets = await db.Context.Schools.CountAsync(s => s.Township == school.Township && s.IsActive && s.Jurisdiction!.Code == DemoCounty.CountyCode);
            var campaign = await db.Context.Campaigns.Include(c => c.Schools).Include(c => c.Template).ThenInclude(t => t!.Items).SingleAsync(c => c.Id == id);
            Assert.Equal(targets, campaign.Schools.Count);
            Assert.Equal(["消防安全", "宿舍安全", "寒假离校安全教育"], campaign.Template!.Items.OrderBy(i => i.Number).Select(i => i.NameZh));
            Assert.Equal(TemplateStatus.Campaign, campaign.Template.Status);
        }
        var details = await county.PageAsync($"/Campaigns/Details/{id}");
        Assert.Contains($"已完成 0 / {targets} 所", details.QuerySelector("#campaign-progress")!.TextContent);

        using var officer = await app.LoginAsync("officer");
        var file = await officer.PageAsync($"/Schools/Details/{school.Id}");
        Assert.Contains("寒假前安全隐患排查", file.QuerySelector("#school-campaigns")!.TextContent);
        var page = await officer.PageAsync($"/Schools/{school.Id}/Campaigns/{id}");
        var items = page.QuerySelectorAll("#inspection-form .inspection-item").ToList();
        Assert.Equal(3, items.Count);
        var token = page.QuerySelector("#inspection-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "RowVersion" },
            { new StringContent("submit"), "command" },
        };
        for (var i = 0; i < items.Count; i++)
        {
            form.Add(new StringContent(items[i].QuerySelector("input[type=hidden]")!.GetAttribute("value")!), $"Answers[{i}].ItemId");
            form.Add(new StringContent(i == 2 ? "Hazard" : "Pass"), $"Answers[{i}].Outcome");
        }
        form.Add(new StringContent("部分家长回执未收回"), "Answers[2].HazardDescription");
        form.Add(new StringContent(nameof(HazardPlace.Other)), "Answers[2].HazardPlace");
        form.Add(new StringContent(nameof(HazardGrade.General)), "Answers[2].HazardGrade");
        form.Add(new StringContent("杨晓梅"), "Answers[2].ResponsiblePerson");
        var photo = new ByteArrayContent(InspectionTests.Png);
        form.Add(photo, "Answers[2].NewPhotos", "letters.png");
        var submitted = await officer.Http.PostAsync($"/Schools/{school.Id}/Campaigns/{id}", form);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        await using (var db = app.Db())
        {
            var response = await db.Context.Inspections.Include(i => i.Results).SingleAsync(i => i.CampaignId == id && i.SchoolId == school.Id);
            Assert.Equal((InspectionStatus.Submitted, -id), (response.Status, response.WeekNumber));
            var ticket = await db.Context.HazardTickets.SingleAsync(t => t.InspectionResult!.InspectionId == response.Id);
            Assert.Equal((HazardSource.Campaign, "部分家长回执未收回"), (ticket.Source, ticket.Description));
        }
        details = await county.PageAsync($"/Campaigns/Details/{id}");
        Assert.Contains($"已完成 1 / {targets} 所", details.QuerySelector("#campaign-progress")!.TextContent);
        Assert.Contains("已提交", details.QuerySelector($"#campaign-schools tr[data-school={school.Code}]")!.TextContent);

        // The week's inspection is untouched by the special one.
        var week = await officer.PageAsync($"/Schools/{school.Id}/Inspections");
        Assert.DoesNotContain("寒假离校安全教育", week.Body!.TextContent);
    }

    [Fact]
    public async Task A_school_that_is_not_targeted_or_another_school_gets_404_and_a_closed_one_cannot_be_filled()
    {
        var officerSchool = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var county = await app.LoginAsync("county");
        var kindergartens = await CreateAsync(county, "幼儿园专项", "", [SchoolType.Kindergarten], "2026-11-20", "2026-12-10");
        var closed = await CreateAsync(county, "已结束的专项", officerSchool.Township, [], "2026-10-01", "2026-10-15");

        using var officer = await app.LoginAsync("officer");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Schools/{officerSchool.Id}/Campaigns/{kindergartens}")).StatusCode);
        var refused = await officer.PostFormAsync($"/Schools/{officerSchool.Id}/Campaigns/{closed}", new { command = "save" }, $"/Schools/{officerSchool.Id}/Campaigns/{closed}");
        Assert.Contains("不在该专项检查的时间范围内", await refused.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Context.Inspections.AnyAsync(i => i.CampaignId == closed));

        var empty = await county.PostFormAsync("/Campaigns/Create", new { Title = "没有项目", Start = "2026-11-20", End = "2026-11-10" }, "/Campaigns/Create");
        var page = AppClient.Parse(await empty.Content.ReadAsStringAsync());
        Assert.Equal("请至少选择或填写一个检查项目。", page.QuerySelector("[data-valmsg-for='ItemIds']")!.TextContent);
        Assert.Equal("结束日期不能早于开始日期。", page.QuerySelector("[data-valmsg-for='End']")!.TextContent);

        using var school2 = await app.LoginAsync("officer2");
        Assert.StartsWith("/Account/AccessDenied", (await school2.GetAsync("/Campaigns")).Headers.Location!.PathAndQuery);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CampaignsOnSqlite(SqliteApp app) : CampaignTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class CampaignsOnPostgreSql(PostgreSqlApp app) : CampaignTests(app);
