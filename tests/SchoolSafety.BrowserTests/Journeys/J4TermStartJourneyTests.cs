using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSafety.Demo;

namespace SchoolSafety.BrowserTests.Journeys;

/// <summary>
/// Journey 4 of issue 10: the start of term. The county sends a special inspection (专项检查) and records its
/// training session with the attendees; a school completes the inspection; the county sees it done.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class J4TermStartJourneyTests(JourneyFixture fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task The_county_sends_a_special_inspection_and_records_its_training_a_school_completes_it_and_the_county_sees_it_done(string culture)
    {
        var j = new Journey(fixture, culture);
        var school = await j.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var today = j.App.Today();
        var title = $"冬季消防安全专项检查（{culture}）";

        var county = await j.SignInAsync("county");
        await county.GotoAsync("/Campaigns");
        await j.CheckAsync(county);
        await county.ClickAsync("#new-campaign");
        await j.CheckAsync(county);
        await county.FillAsync("#Title", title);
        await county.FillAsync("#Start", today.ToString("yyyy-MM-dd"));
        await county.FillAsync("#End", today.AddDays(14).ToString("yyyy-MM-dd"));
        await county.SelectOptionAsync("#Township", school.Township);
        await county.CheckAsync("#type-Primary");
        await county.CheckAsync("#item-I03");
        await county.CheckAsync("#item-I04");
        await county.FillAsync("input[name='Extra[0].NameZh']", "电动车集中停放充电");
        await county.FillAsync("input[name='Extra[0].NameEn']", "E-bike parking and charging");
        await county.FillAsync("input[name='Extra[0].CheckPointZh']", "电动车不进楼道，不在宿舍充电");
        await county.FillAsync("input[name='Extra[0].CheckPointEn']", "No e-bikes in corridors, no charging in dormitories");
        await j.ShotAsync(county, "j4-1-county-campaign-form");
        await county.ClickAsync("#create-campaign");
        await Assertions.Expect(county.Locator("h1")).ToHaveTextAsync(title);
        var target = await county.Locator("#campaign-schools tbody tr").CountAsync();
        Assert.True(target >= 1);
        await Assertions.Expect(county.Locator("#campaign-progress")).ToHaveTextAsync(j.T("Campaign.Progress", 0, target));
        await j.CheckAsync(county);
        var campaignUrl = county.Url;

        // The county's training session, with two accounts and one person from the paper sign-in sheet.
        string[] userIds;
        await using (var db = j.App.Db())
            userIds = await db.Context.Users.Where(u => u.UserName == "officer" || u.UserName == "leader").Select(u => u.Id).ToArrayAsync();
        await county.GotoAsync("/Training/CreateCounty");
        await j.CheckAsync(county);
        await county.FillAsync("#Form_Date", today.ToString("yyyy-MM-dd"));
        await county.FillAsync("#Form_Title", $"全县学校安全管理人员培训（{culture}）");
        await county.FillAsync("#Form_Venue", "县教体局三楼会议室");
        await county.FillAsync("#Form_Speakers", "县消防救援大队 张伟");
        await county.SelectOptionAsync("#Form_UserIds", userIds);
        await county.FillAsync("#Form_AttendeesCsv", $"李红,{school.Code},分管安全副校长");
        await county.ClickAsync("#save-training");
        await Assertions.Expect(county.Locator("#attendee-count")).ToHaveTextAsync("3");
        await Assertions.Expect(county.Locator("#attendee-list")).ToContainTextAsync("李红");
        await j.CheckAsync(county);
        await j.ShotAsync(county, "j4-2-county-training");

        // The school finds the special inspection in its file and completes it on a phone.
        var officer = await j.SignInAsync("officer", 390, 844);
        await officer.GotoAsync($"/Schools/Details/{school.Id}");
        await officer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await j.CheckAsync(officer);
        var items = officer.Locator(".inspection-item");
        await Assertions.Expect(items).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
            await items.Nth(i).Locator("label[for$='-Pass']").ClickAsync();
        await j.ShotAsync(officer, "j4-3-phone-campaign");
        await officer.ClickAsync("#submit-inspection");
        await Assertions.Expect(officer.Locator("#inspection-status")).ToHaveTextAsync(j.T("Inspection.Status.Submitted"));
        await j.CheckAsync(officer);

        await county.GotoAsync(campaignUrl);
        await Assertions.Expect(county.Locator($"#campaign-schools tr[data-school='{school.Code}']")).ToContainTextAsync(j.T("Inspection.Status.Submitted"));
        await Assertions.Expect(county.Locator("#campaign-progress")).ToHaveTextAsync(j.T("Campaign.Progress", 1, target));
        await j.CheckAsync(county);
        await j.ShotAsync(county, "j4-4-county-campaign-done");
    }
}
