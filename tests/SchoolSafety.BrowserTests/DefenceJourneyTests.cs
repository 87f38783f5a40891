using Microsoft.Playwright;
using SchoolSafety.Demo;

namespace SchoolSafety.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DefenceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_school_leader_records_a_new_guard_and_the_cameras_on_a_phone_and_the_county_sees_its_figures_change()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var county = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(county, "county");
        await county.ClickAsync("#nav-defences");
        await Assertions.Expect(county.Locator("#guards-headline")).ToContainTextAsync("按目前规模应配保安");
        var present = int.Parse(await county.Locator("#guards-present").InnerTextAsync());
        var shortBy = int.Parse(await county.Locator("#guards-short").InnerTextAsync());

        var leader = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(leader, "leader");
        await leader.GotoAsync($"/Schools/Details/{school.Id}");
        await leader.ClickAsync("#school-defences-link");
        await Assertions.Expect(leader.Locator("#guards-figure")).ToHaveTextAsync("3 / 5");
        await BrowserFixture.ScreenshotAsync(leader, "70-phone-school-defences");

        await leader.ClickAsync("#record-defences");
        var guard = leader.Locator(".guard-row").Last;
        await guard.Locator("input[name$='.Name']").FillAsync("白永福");
        await guard.Locator("input[name$='.BirthYear']").FillAsync("1979");
        await guard.Locator("select[name$='.Education']").SelectOptionAsync("SeniorMiddle");
        await guard.Locator("select[name$='.Employment']").SelectOptionAsync("Company");
        await guard.Locator("input[name$='.HasCertificate']").CheckAsync();
        await leader.FillAsync("#Input_Cameras", "36");
        await leader.CheckAsync("#Input_Recording24h");
        await leader.FillAsync("#Input_RetentionDays", "30");
        await leader.CheckAsync("#Input_NoWall");
        await leader.UncheckAsync("#Input_NoWall");
        await leader.FillAsync("#Input_LowestWallHeight", "25");
        await leader.ClickAsync("#save-defences");
        // A wall of 25 m is refused beside the field; what was typed stays.
        await Assertions.Expect(leader.Locator("[data-valmsg-for='Input.LowestWallHeight']")).ToContainTextAsync("不合常理");
        await Assertions.Expect(leader.Locator(".guard-row input[name$='.Name']").Nth(3)).ToHaveValueAsync("白永福");
        await leader.Locator("#Input_LowestWallHeight").ScrollIntoViewIfNeededAsync();
        await leader.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "71-phone-defences-refused.png") });
        await leader.FillAsync("#Input_LowestWallHeight", "2.2");
        await leader.ClickAsync("#save-defences");
        await Assertions.Expect(leader.Locator("#guards-figure")).ToHaveTextAsync("4 / 5");
        await Assertions.Expect(leader.Locator("#gaps")).ToContainTextAsync("围墙 2.2 m < 2.5 m");
        await BrowserFixture.ScreenshotAsync(leader, "72-phone-school-defences-saved");

        await county.ReloadAsync();
        await Assertions.Expect(county.Locator("#guards-present")).ToHaveTextAsync((present + 1).ToString());
        await Assertions.Expect(county.Locator("#guards-short")).ToHaveTextAsync((shortBy - 1).ToString());
        await BrowserFixture.ScreenshotAsync(county, "73-county-defences");
        await county.ClickAsync("#figures-Technical tr[data-gap=RetentionShort] a");
        await Assertions.Expect(county.Locator("#defence-schools tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(county, "74-county-retention-list");
        await county.GotoAsync("/Defences/Standards");
        await BrowserFixture.ScreenshotAsync(county, "75-county-standards");
    }
}
