using Microsoft.Playwright;
using MiniExcelLibs;

namespace SchoolSafety.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ExportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_county_filters_the_ticket_list_and_downloads_it_as_a_workbook_with_the_same_rows()
    {
        var county = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(county, "county");
        await county.GotoAsync("/Tickets");
        await county.SelectOptionAsync("#grade", "Major");
        await county.ClickAsync("#ticket-filters button[type=submit]");
        await Assertions.Expect(county.Locator("#grade")).ToHaveValueAsync("Major");
        var total = int.Parse((await county.Locator("#ticket-total").TextContentAsync())!.Trim());
        await BrowserFixture.ScreenshotAsync(county, "60-ticket-list-export-buttons");

        var download = await county.RunAndWaitForDownloadAsync(() => county.ClickAsync("a[data-export=xlsx]"));
        Assert.Equal("隐患整改单-20261125.xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(total, rows.Count);
            Assert.All(rows, r => Assert.Equal("重大隐患", r["隐患等级"]));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
