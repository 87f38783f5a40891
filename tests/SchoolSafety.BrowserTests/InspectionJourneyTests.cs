using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSafety.Common;
using SchoolSafety.Demo;
using SchoolSafety.Inspections;

namespace SchoolSafety.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class InspectionJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_a_phone_the_officer_fills_this_weeks_inspection_with_a_hazard_and_a_photo_and_sees_the_ticket()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        await ClearThisWeekAsync(school.Id);
        var page = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(page, "officer");
        await page.ClickAsync("#this-week-link");
        await Assertions.Expect(page.Locator("#inspection-status")).ToHaveTextAsync("未填写");
        // The checklist is a long page: count its items once the whole document has arrived, not while it streams in.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var items = page.Locator(".inspection-item");
        var count = await items.CountAsync();
        Assert.True(count >= 12, $"{count} items");
        await BrowserFixture.ScreenshotAsync(page, "20-phone-inspection-empty");

        // First try: submit with nothing answered. Every item is marked, nothing is lost.
        await page.ClickAsync("#submit-inspection");
        await Assertions.Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync($"还有 {count} 个项目未填写完整");

        for (var i = 0; i < count; i++)
            await items.Nth(i).Locator("label[for$='-Pass']").ClickAsync();
        var fire = page.Locator(".inspection-item[data-item=I03]");
        await fire.Locator("label[for$='-Hazard']").ClickAsync();
        await fire.Locator("textarea").FillAsync("二楼东侧灭火器压力不足，指针在红区");
        await fire.Locator("select[name$='HazardPlace']").SelectOptionAsync("TeachingBuilding");
        await fire.Locator("select.grade").SelectOptionAsync("General");
        await Assertions.Expect(fire.Locator("input.deadline")).ToHaveValueAsync(
            ChinaTime.Today(browser.App.Clock).AddDays(7).ToString("yyyy-MM-dd"));
        await fire.Locator("input[name$='ResponsiblePerson']").FillAsync("杨晓梅");
        await fire.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "extinguisher.png", MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
        });
        await BrowserFixture.ScreenshotAsync(page, "21-phone-inspection-hazard");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide");

        await page.ClickAsync("#submit-inspection");
        await Assertions.Expect(page.Locator("#inspection-status")).ToHaveTextAsync("已提交");
        await Assertions.Expect(page.Locator("#tickets-opened")).ToContainTextAsync($"{school.Code}-");
        await Assertions.Expect(page.Locator("#tickets-opened")).ToContainTextAsync("灭火器压力不足");
        await BrowserFixture.ScreenshotAsync(page, "22-phone-inspection-submitted");
    }

    [Fact]
    public async Task The_county_officer_sees_the_completion_grid()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "county");
        await page.GetByRole(AriaRole.Link, new() { Name = "周检月查" }).ClickAsync();
        await Assertions.Expect(page.Locator("#completion-grid tbody tr").First).ToBeVisibleAsync();
        // The grid is a large page: count its rows once the whole document has arrived, not while it streams in.
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.Locator("#completion-grid tbody tr").CountAsync() >= 120);
        await BrowserFixture.ScreenshotAsync(page, "23-county-completion");
    }

    private async Task ClearThisWeekAsync(int schoolId)
    {
        var week = SchoolWeek.Of(ChinaTime.Today(browser.App.Clock)).Number;
        await using var db = browser.App.Db();
        var inspections = await db.Context.Inspections.Include(i => i.Results).Where(i => i.SchoolId == schoolId && i.WeekNumber == week).ToListAsync();
        var resultIds = inspections.SelectMany(i => i.Results).Select(r => (int?)r.Id).ToList();
        db.Context.HazardTickets.RemoveRange(db.Context.HazardTickets.Where(t => resultIds.Contains(t.InspectionResultId)));
        db.Context.StoredFiles.RemoveRange(db.Context.StoredFiles.Where(f => resultIds.Contains(f.InspectionResultId)));
        db.Context.Inspections.RemoveRange(inspections);
        await db.Context.SaveChangesAsync();
    }
}
