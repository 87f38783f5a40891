using Microsoft.Playwright;
using SchoolSafety.Demo;

namespace SchoolSafety.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LedgerRecordsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_officer_uploads_a_revised_plan_on_a_phone_and_the_county_finds_the_schools_missing_documents_and_letters()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var officer = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(officer, "officer");
        await officer.ClickAsync("#ledger-documents a");
        await Assertions.Expect(officer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Schools/{school.Id}/Documents$"));
        await officer.SelectOptionAsync("#Input_DocumentTypeId", new SelectOptionValue { Label = "安全应急措施预案" });
        await officer.FillAsync("#Input_Title", "2026年冬季修订版");
        await officer.FillAsync("#Input_EffectiveOn", "2026-11-20");
        // A text file renamed .pdf is refused beside the file field.
        await officer.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "预案.pdf", MimeType = "application/pdf", Buffer = "不是PDF"u8.ToArray() });
        await officer.ClickAsync("#upload-submit");
        await Assertions.Expect(officer.Locator("#file-error")).ToContainTextAsync("只能上传 PDF、Word");
        await Assertions.Expect(officer.Locator("#Input_Title")).ToHaveValueAsync("2026年冬季修订版");
        await BrowserFixture.ScreenshotAsync(officer, "60-phone-document-refused");

        await officer.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "安全应急措施预案2026.pdf", MimeType = "application/pdf", Buffer = DemoLedger.MinimalPdf("plan 2026") });
        await officer.ClickAsync("#upload-submit");
        var card = officer.Locator("#document-types [data-type='安全应急措施预案']");
        await Assertions.Expect(card.Locator(".current-version")).ToContainTextAsync("2026年冬季修订版");
        await BrowserFixture.ScreenshotAsync(officer, "61-phone-documents");

        await officer.ClickAsync("#ledger-tabs >> text=安全责任书");
        await BrowserFixture.ScreenshotAsync(officer, "62-phone-letters");
        await officer.ClickAsync("#ledger-tabs >> text=周边环境");
        await BrowserFixture.ScreenshotAsync(officer, "63-phone-surroundings");

        var county = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(county, "county");
        await county.ClickAsync("#ledgerMenu");
        await county.ClickAsync("text=制度台账");
        await county.ClickAsync("#missing-link");
        await BrowserFixture.ScreenshotAsync(county, "64-county-documents-missing");
        await county.GotoAsync("/Letters?status=CountyMissing");
        await BrowserFixture.ScreenshotAsync(county, "65-county-letters-not-signed");
        await county.GotoAsync("/Surroundings");
        await BrowserFixture.ScreenshotAsync(county, "66-county-surroundings");
    }
}
