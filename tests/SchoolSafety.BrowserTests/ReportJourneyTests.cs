using Microsoft.Playwright;
using SchoolSafety.Tests.Reports;

namespace SchoolSafety.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_county_writes_the_deployment_in_the_preview_and_downloads_the_term_report_with_it()
    {
        const string deployment = "开学前召开全县学校安全工作会议，部署五项重点工作。";
        var county = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(county, "county");
        await county.GotoAsync("/Dashboard");
        await county.ClickAsync("#term-report-preview");
        await county.FillAsync("#Form_Deployment", deployment);
        await county.FillAsync("#Form_Plans", "（一）安全工作要做到三个“保障”。");
        await county.ClickAsync("#narrative-save");
        await Assertions.Expect(county.Locator("#narrative-saved-by")).ToContainTextAsync("county");
        await Assertions.Expect(county.Locator("#Form_Deployment")).ToHaveValueAsync(deployment);
        await BrowserFixture.ScreenshotAsync(county, "60-term-report-preview");

        var download = await county.RunAndWaitForDownloadAsync(() => county.ClickAsync("#term-report-download"));
        Assert.EndsWith("学校安全工作情况汇报.pdf", download.SuggestedFilename);
        var pages = PdfReportBuilderTests.PageTexts(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains(deployment, string.Concat(pages));
        Assert.Contains($"第1页共{pages.Count}页", pages[0]);
    }
}
