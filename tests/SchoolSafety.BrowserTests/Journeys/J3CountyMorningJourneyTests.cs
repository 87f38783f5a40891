using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSafety.Inspections;
using SchoolSafety.Tests.Reports;

namespace SchoolSafety.BrowserTests.Journeys;

/// <summary>
/// Journey 3 of issue 10: the county's morning. Dashboard, a township, the overdue figure, a school's file, a 重大
/// ticket put under supervision, and the term report PDF whose figures are the dashboard's.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class J3CountyMorningJourneyTests(JourneyFixture fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task The_county_follows_the_overdue_figure_of_a_township_to_a_school_supervises_a_major_ticket_and_the_term_report_matches_the_dashboard(string culture)
    {
        var j = new Journey(fixture, culture);
        // A school of 戛洒镇 has a 重大 hazard past its deadline.
        const string township = "戛洒镇";
        string code;
        await using (var db = j.App.Db())
            code = await db.Context.Schools.Where(s => s.Township == township && s.IsActive).OrderBy(s => s.Code).Select(s => s.Code).FirstAsync();
        var major = await j.App.OpenTicketAsync(code, $"教学楼二楼消防通道被杂物堵塞（{culture}）", j.App.Today().AddDays(-3),
            grade: HazardGrade.Major, foundDaysAgo: 20);

        var county = await j.SignInAsync("county");
        await county.ClickAsync("#nav-dashboard");
        await Assertions.Expect(county.Locator("#chart-completion")).ToBeVisibleAsync();
        await j.CheckAsync(county);
        var supervisedBefore = int.Parse(await county.Locator("#fig-supervised").InnerTextAsync());
        await county.SelectOptionAsync("#township", township);
        await county.ClickAsync("#dashboard-filters button[type=submit]");
        await Assertions.Expect(county.Locator("#township")).ToHaveValueAsync(township);
        await j.CheckAsync(county);
        await j.ShotAsync(county, "j3-1-county-dashboard-township");
        var overdue = (await county.Locator("#fig-overdue").InnerTextAsync()).Trim();
        Assert.NotEqual("0", overdue);

        await county.ClickAsync("#fig-overdue");
        await Assertions.Expect(county.Locator("#ticket-total")).ToHaveTextAsync(overdue);
        await j.CheckAsync(county);
        await j.ShotAsync(county, "j3-2-county-overdue-list");
        await county.Locator($"#ticket-list tr[data-number='{major.Number}'] a.school-link").ClickAsync();
        await Assertions.Expect(county.Locator("#records-tickets .badge.text-bg-danger")).ToBeVisibleAsync();
        await j.CheckAsync(county);
        await j.ShotAsync(county, "j3-3-county-school-file");

        await county.ClickAsync("#school-tickets-link");
        await county.Locator($"#ticket-list tr[data-number='{major.Number}'] a").First.ClickAsync();
        await j.CheckAsync(county);
        await county.FillAsync("#supervision-note", "重大隐患逾期未改，县教体局挂牌督办");
        await county.FillAsync("#due", j.App.Today().AddDays(7).ToString("yyyy-MM-dd"));
        await county.ClickAsync("#supervise");
        await Assertions.Expect(county.Locator("#supervised-badge")).ToBeVisibleAsync();
        await j.CheckAsync(county);
        await j.ShotAsync(county, "j3-4-county-supervised");

        // Back to the whole county: one more under supervision, and the term report says what the dashboard says.
        await county.GotoAsync("/Dashboard");
        await Assertions.Expect(county.Locator("#fig-supervised")).ToHaveTextAsync((supervisedBefore + 1).ToString());
        var open = await Figure(county, "#fig-open");
        var overdueAll = await Figure(county, "#fig-overdue");
        var majorOpen = await Figure(county, "#fig-major");
        var completion = await Figure(county, "#fig-completion");
        var guards = (await Figure(county, "#fig-guards")).Split('/').Select(s => s.Trim()).ToArray();
        var schools = await Figure(county, "#school-count");
        var download = await county.RunAndWaitForDownloadAsync(() => county.ClickAsync("#term-report-pdf"));
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var text = string.Concat(PdfReportBuilderTests.PageTexts(await File.ReadAllBytesAsync((await download.PathAsync())!)));
        Assert.Contains($"全县{schools}所学校（园）", text);
        Assert.Contains($"完成率{completion}", text);
        Assert.Contains($"尚有{open}处正在整改，其中逾期{overdueAll}处，重大隐患{majorOpen}处", text);
        Assert.Contains(guards[2] == "0" ? $"应配保安{guards[0]}名，现有{guards[1]}名" : $"应配保安{guards[0]}名，现仅{guards[1]}名，缺{guards[2]}名", text);
        Assert.Contains(major.School?.Name ?? (await j.App.SchoolAsync(code)).Name, text);
    }

    private static async Task<string> Figure(IPage page, string selector) => (await page.Locator(selector).InnerTextAsync()).Trim();
}
