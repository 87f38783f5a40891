using System.Text.Json;
using Microsoft.Playwright;
using SchoolSafety.Demo;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.BrowserTests;

/// <summary>
/// axe-core (committed under axe/, for the tests only) run on the main pages as their users see them:
/// no serious or critical violation is allowed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private static readonly string Axe = Path.Combine(RepositoryRoot.Path, "tests", "SchoolSafety.BrowserTests", "axe", "axe.min.js");

    private async Task<IPage> PageAsync(string user, int width)
    {
        // The app's Content-Security-Policy forbids injected scripts; the test's own context may bypass it to run axe.
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseUrl, ViewportSize = new() { Width = width, Height = 900 }, BypassCSP = true });
        var page = await context.NewPageAsync();
        await BrowserFixture.LoginAsync(page, user);
        return page;
    }

    private static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Axe });
        var json = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    [Theory]
    [InlineData("county", "/Dashboard")]
    [InlineData("county", "/Tickets")]
    [InlineData("county", "/Schools")]
    [InlineData("county", "/Drills/Compliance")]
    [InlineData("county", "/Education/Coverage")]
    [InlineData("county", "/Training")]
    [InlineData("county", "/Defences")]
    [InlineData("county", "/Inspections/Completion")]
    [InlineData("county", "/Campaigns")] // an empty state with its next step
    [InlineData("county", "/Tickets?from=2000-01-01&to=2000-01-07")] // a filter that matched nothing
    public async Task The_bureaus_main_pages_have_no_serious_accessibility_violations(string user, string url)
    {
        var page = await PageAsync(user, 1280);
        await page.GotoAsync(url);
        Assert.Empty(await SeriousViolationsAsync(page));
    }

    [Theory]
    [InlineData("/Schools/{school}/Inspections")]
    [InlineData("/Schools/Details/{school}")]
    [InlineData("/Schools/{school}/Drills/Create")]
    [InlineData("/Tickets/Create")]
    [InlineData("/Dashboard")]
    public async Task The_officers_phone_pages_have_no_serious_accessibility_violations(string url)
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var page = await PageAsync("officer", 390);
        await page.GotoAsync(url.Replace("{school}", school.Id.ToString()));
        Assert.Empty(await SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task Colour_is_never_the_only_signal_each_risk_colour_of_the_dashboard_carries_its_word()
    {
        var words = new Journeys.Journey(browser, "zh-CN");
        var page = await PageAsync("county", 1280);
        await page.GotoAsync("/Dashboard");
        var badges = await page.Locator("#school-table span[data-risk]")
            .EvaluateAllAsync<string[][]>("bs => bs.map(b => [b.dataset.risk, b.innerText.trim(), getComputedStyle(b).backgroundColor])");
        Assert.NotEmpty(badges);
        foreach (var b in badges) Assert.Equal(words.T("RiskLevel." + b[0]), b[1]);
        // Different levels are told apart by their words, not only by their colours.
        var levels = badges.GroupBy(b => b[0]).ToList();
        Assert.True(levels.Count >= 2, "the demo county shows several risk levels");
        Assert.Equal(levels.Count, levels.Select(g => g.First()[1]).Distinct().Count());
        Assert.Equal(levels.Count, levels.Select(g => g.First()[2]).Distinct().Count());
    }
}
