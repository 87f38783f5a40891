using Microsoft.Playwright;
using SchoolSafety.Demo;

namespace SchoolSafety.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LedgerJourneyTests(BrowserFixture browser)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task The_officer_records_a_drill_on_a_phone_and_turns_its_problem_into_a_ticket()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var officer = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(officer, "officer");
        await officer.GotoAsync($"/Schools/{school.Id}/Drills");
        await BrowserFixture.ScreenshotAsync(officer, "40-phone-drills");
        await officer.ClickAsync("#record-drill");
        await officer.SelectOptionAsync("#Form_Type", "Earthquake");
        await officer.FillAsync("#Form_Buildings", "教学楼、综合楼");
        await officer.FillAsync("#Form_SignalAt", "10:00:00");
        await officer.FillAsync("#Form_AllClearAt", "09:58:00");
        await officer.FillAsync("#Form_StudentsCounted", "2100");
        await officer.FillAsync("#Form_StaffTakingPart", "96");
        await officer.FillAsync("#Form_Problems", "综合楼二楼安全出口指示灯不亮");
        await officer.FillAsync("#Form_Evaluator", "王建华");
        await officer.FillAsync("#Form_Evaluation", "疏散有序，个别出口指示灯故障");
        await officer.ClickAsync("#save-drill");
        await Assertions.Expect(officer.Locator("[data-valmsg-for='Form.AllClearAt']")).ToHaveTextAsync("解除时间必须晚于信号发出时间。");
        await Assertions.Expect(officer.Locator("#Form_Problems")).ToHaveValueAsync("综合楼二楼安全出口指示灯不亮");
        await officer.FillAsync("#Form_AllClearAt", "10:01:45");
        await officer.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "drill.png", MimeType = "image/png", Buffer = Png });
        await officer.ClickAsync("#save-drill");
        await Assertions.Expect(officer.Locator("#drill-duration")).ToHaveTextAsync("105 秒");
        await BrowserFixture.ScreenshotAsync(officer, "41-phone-drill-recorded");

        await officer.ClickAsync("#drill-open-ticket");
        await Assertions.Expect(officer.Locator("#Input_Description")).ToHaveValueAsync("综合楼二楼安全出口指示灯不亮");
        await officer.SelectOptionAsync("#Input_Place", "TeachingBuilding");
        await officer.FillAsync("#Input_ResponsibleName", "杨晓梅");
        await officer.FillAsync("#Input_ResponsiblePhone", "13987700001");
        await officer.ClickAsync("#open-ticket-submit");
        await Assertions.Expect(officer.Locator("#ticket-source")).ToContainTextAsync("应急演练");
        await officer.ClickAsync("#ticket-source a");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("XP004-2026-");
    }

    [Fact]
    public async Task The_county_records_its_training_session_with_attendees_and_sees_who_stayed_away()
    {
        var county = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(county, "county");
        await county.GotoAsync("/Training");
        await county.ClickAsync("#record-county-training");
        await county.FillAsync("#Form_Title", "寒假前学校安全工作专题培训会");
        await county.FillAsync("#Form_Venue", "新平四小报告厅");
        await county.FillAsync("#Form_Speakers", "县公安局治安大队：校园周边治安\n县教育体育局安全股：寒假安全工作部署");
        await county.FillAsync("#Form_AttendeesCsv", "姓名,学校代码,职务\n李红,XP004,分管安全副校长\n张伟,XP001,安全办主任\n王芳,XP005,安全办主任");
        await county.ClickAsync("#save-training");
        await Assertions.Expect(county.Locator("#attendee-count")).ToHaveTextAsync("3");
        await BrowserFixture.ScreenshotAsync(county, "42-county-training-attendance");
        await county.GotoAsync("/Drills/Compliance?onlyMissing=true");
        await BrowserFixture.ScreenshotAsync(county, "43-county-drill-compliance");
        await county.GotoAsync("/Education/Coverage");
        await BrowserFixture.ScreenshotAsync(county, "44-county-education-coverage");
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        await county.GotoAsync($"/Schools/Details/{school.Id}");
        await Assertions.Expect(county.Locator("#school-records")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(county, "45-school-file-records");
    }
}
