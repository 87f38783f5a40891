using Microsoft.Playwright;

namespace SchoolSafety.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_county_opens_the_dashboard_filters_a_township_and_follows_the_overdue_figure_to_its_list()
    {
        var county = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(county, "county");
        await county.ClickAsync("#nav-dashboard");
        await Assertions.Expect(county.Locator("#chart-completion")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(county, "50-county-dashboard");
        await county.SelectOptionAsync("#township", "戛洒镇");
        await county.ClickAsync("#dashboard-filters button[type=submit]");
        var overdue = (await county.Locator("#fig-overdue").TextContentAsync())!.Trim();
        await county.ClickAsync("#fig-overdue");
        await Assertions.Expect(county.Locator("#ticket-total")).ToHaveTextAsync(overdue);
        await Assertions.Expect(county.Locator("#township")).ToHaveValueAsync("戛洒镇");

        var officer = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(officer, "officer");
        await officer.GotoAsync("/Dashboard");
        await Assertions.Expect(officer.Locator("#school-table tbody tr")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(officer, "51-phone-school-dashboard");
    }
}
