using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSafety.Demo;
using SchoolSafety.Inspections;

namespace SchoolSafety.BrowserTests.Journeys;

/// <summary>
/// Journey 5 of issue 10: administration. A school and its officer's account, a CSV import refused for one bad row
/// (with its line number) and accepted once corrected, a new checklist version published, and a changed wall-height
/// standard that moves the county's figures.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class J5AdministrationJourneyTests(JourneyFixture fixture)
{
    private const string Header = "学校代码,学校名称,类型,区县代码,乡镇,地址,学生数,住校生数,教职工数,最高楼层,校长,校长电话,安全负责人,安全负责人电话";

    [Theory]
    [InlineData("zh-CN", 6)]
    [InlineData("en-US", 7)]
    public async Task The_administrator_adds_a_school_and_its_officer_imports_schools_publishes_a_checklist_version_and_a_wall_standard_that_moves_the_county_figures(string culture, int series)
    {
        var j = new Journey(fixture, culture);
        int countyId;
        await using (var db = j.App.Db())
            countyId = await db.Context.Jurisdictions.Where(x => x.Code == DemoCounty.CountyCode).Select(x => x.Id).SingleAsync();
        var code = $"XP8{series}0";
        var name = $"新平县平掌乡旧哈完小{series}";

        var admin = await j.SignInAsync("admin");
        await admin.GotoAsync("/Schools/Create");
        await j.CheckAsync(admin);
        await admin.FillAsync("#Form_Code", code);
        await admin.FillAsync("#Form_Name", name);
        await admin.SelectOptionAsync("#Form_Type", "Primary");
        await admin.SelectOptionAsync("#Form_JurisdictionId", countyId.ToString());
        await admin.FillAsync("#Form_Township", "平掌乡");
        await admin.FillAsync("#Form_Students", "186");
        await admin.FillAsync("#Form_BoardingStudents", "42");
        await admin.FillAsync("#Form_Staff", "14");
        await admin.FillAsync("#Form_TallestBuildingFloors", "3");
        await admin.ClickAsync("#save");
        await Assertions.Expect(admin.Locator("#school-name")).ToHaveTextAsync(name);
        await j.CheckAsync(admin);
        var schoolId = int.Parse(admin.Url.Split('/').Last());

        // The school's safety officer.
        var userName = $"jiuha{series}";
        await admin.GotoAsync("/Users/Create");
        await j.CheckAsync(admin);
        await admin.FillAsync("#Form_UserName", userName);
        await admin.FillAsync("#Form_DisplayName", "旧哈完小安全员");
        await admin.SelectOptionAsync("#role-select", "SafetyOfficer");
        await Assertions.Expect(admin.Locator("#jurisdiction-field")).ToBeHiddenAsync();
        await admin.SelectOptionAsync("#Form_SchoolId", schoolId.ToString());
        await admin.FillAsync("#Form_Password", "Jiuha@2026x");
        await admin.Locator("form:has(#role-select) button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.Locator("#user-list")).ToContainTextAsync(userName);
        await j.CheckAsync(admin);

        // A CSV of three schools, the second with a negative number of students: nothing is imported, line 3 is named.
        string Csv(string students) => string.Join("\n", Header,
            $"XP8{series}1,新平县平掌乡曼线完小{series},小学,530427,平掌乡,平掌乡曼线村,132,30,10,2,,,,",
            $"XP8{series}2,新平县平掌乡幼儿园{series},幼儿园,530427,平掌乡,平掌乡集镇,{students},0,9,2,,,,",
            $"XP8{series}3,新平县平掌乡中心小学{series},小学,530427,平掌乡,平掌乡集镇,420,160,31,4,,,,") + "\n";
        FilePayload File(string students) => new() { Name = "schools.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(students))).ToArray() };
        await admin.GotoAsync("/Schools/Import");
        await j.CheckAsync(admin);
        await admin.Locator("#file").SetInputFilesAsync(File("-5"));
        await admin.Locator("form:has(#file) button[type=submit]").ClickAsync();
        var errors = admin.Locator("#import-errors tbody tr");
        await Assertions.Expect(errors).ToHaveCountAsync(1);
        await Assertions.Expect(errors.Locator("td").First).ToHaveTextAsync("3");
        await j.CheckAsync(admin);
        await j.ShotAsync(admin, "j5-1-import-refused");
        await using (var db = j.App.Db())
            Assert.False(await db.Context.Schools.AnyAsync(s => s.Code == $"XP8{series}1"));

        await admin.Locator("#file").SetInputFilesAsync(File("95"));
        await admin.Locator("form:has(#file) button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.Locator("#import-preview")).ToBeVisibleAsync();
        await j.CheckAsync(admin);
        await admin.ClickAsync("#import-confirm");
        await admin.GotoAsync($"/Schools?q=XP8{series}");
        await Assertions.Expect(admin.Locator("#school-total")).ToHaveTextAsync("4");

        // A new version of the checklist: one more check point for item 1, published.
        int before;
        await using (var db = j.App.Db())
            before = await db.Context.ChecklistTemplates.MaxAsync(t => t.Version);
        await admin.GotoAsync("/Templates");
        await j.CheckAsync(admin);
        await admin.ClickAsync("#new-version");
        await Assertions.Expect(admin.Locator(".template-item")).Not.ToHaveCountAsync(0);
        await j.CheckAsync(admin);
        var zh = admin.Locator("#i0-cpzh");
        await zh.FillAsync(await zh.InputValueAsync() + $"\n疏散指示标志完好（第{series}次修订）");
        var en = admin.Locator("#i0-cpen");
        await en.FillAsync(await en.InputValueAsync() + $"\nEvacuation signs intact (revision {series})");
        await admin.ClickAsync("#publish-template");
        await Assertions.Expect(admin.Locator("#template-list")).ToContainTextAsync(j.T("Template.VersionN", before + 1));
        await j.CheckAsync(admin);
        await j.ShotAsync(admin, "j5-2-template-published");
        await using (var db = j.App.Db())
        {
            var published = await db.Context.ChecklistTemplates.Include(t => t.Items).ThenInclude(i => i.CheckPoints).SingleAsync(t => t.Version == before + 1);
            Assert.Equal(TemplateStatus.Published, published.Status);
            Assert.Contains(published.Items.Single(i => i.Number == 1).CheckPoints, c => c.TextZh == $"疏散指示标志完好（第{series}次修订）");
        }

        // The wall-height standard of 新平县: the county's count of schools with a wall too low follows it.
        var county = await j.SignInAsync("county");
        await county.GotoAsync("/Dashboard");
        var wallBefore = int.Parse(await county.Locator("#fig-wall").InnerTextAsync());
        await admin.GotoAsync("/Defences/Standards");
        await j.CheckAsync(admin);
        await admin.ClickAsync($"#node-{DemoCounty.CountyCode} .new-version");
        await j.CheckAsync(admin);
        var current = decimal.Parse(await admin.InputValueAsync("#Rules_MinWallHeight"), System.Globalization.CultureInfo.InvariantCulture);
        var higher = current < 3m;
        await admin.FillAsync("#Rules_MinWallHeight", higher ? "3.1" : "2.5");
        await admin.FillAsync("#Rules_WallSource", "县教体局：围墙高度标准（旅程测试）");
        await admin.ClickAsync("#save-standards");
        await Assertions.Expect(admin.Locator($"#node-{DemoCounty.CountyCode} .in-force")).ToContainTextAsync("新平县");
        await j.CheckAsync(admin);
        await j.ShotAsync(admin, "j5-3-standards");

        await county.ReloadAsync();
        var wallAfter = int.Parse(await county.Locator("#fig-wall").InnerTextAsync());
        if (higher) Assert.True(wallAfter > wallBefore, $"{wallBefore} -> {wallAfter}");
        else Assert.True(wallAfter < wallBefore, $"{wallBefore} -> {wallAfter}");
        await county.ClickAsync("#fig-wall");
        await Assertions.Expect(county.Locator("#defence-schools tbody tr")).ToHaveCountAsync(wallAfter);
        await j.CheckAsync(county);
    }
}
