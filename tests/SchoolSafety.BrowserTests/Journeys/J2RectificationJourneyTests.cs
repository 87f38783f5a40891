using Microsoft.Playwright;
using SchoolSafety.Demo;
using SchoolSafety.Inspections;

namespace SchoolSafety.BrowserTests.Journeys;

/// <summary>
/// Journey 2 of issue 10: the week after the checklist, one ticket goes round the closed loop (rectified, rejected,
/// rectified again, closed) and the other runs past its deadline and turns red for the county.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class J2RectificationJourneyTests(JourneyFixture fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task A_week_later_one_ticket_is_rectified_rejected_rectified_and_closed_and_the_other_goes_overdue_for_the_county(string culture)
    {
        var j = new Journey(fixture, culture);
        var school = await j.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        // Last week's checklist found two hazards (journey 1); their deadlines are ten and eight days after.
        var found = j.App.Today();
        var stove = await j.App.OpenTicketAsync(school.Code, $"食堂燃气灶熄火保护装置失灵（{culture}）", found.AddDays(10), place: HazardPlace.Canteen);
        var railing = await j.App.OpenTicketAsync(school.Code, $"三楼走廊护栏松动（{culture}）", found.AddDays(8));
        j.App.Clock.Advance(TimeSpan.FromDays(7));

        var officer = await j.SignInAsync("officer", 390, 844);
        var leader = await j.SignInAsync("leader", 390, 844);

        async Task Rectify(string note, string photo)
        {
            await officer.GotoAsync("/Tickets?open=true");
            await officer.Locator($"#ticket-list tr[data-number='{stove.Number}'] a").First.ClickAsync();
            await j.CheckAsync(officer);
            await officer.FillAsync("#note", note);
            Assert.Equal("image/*", await officer.GetAttributeAsync("#photos", "accept"));
            await officer.Locator("#photos").SetInputFilesAsync(Journey.Photo(photo));
            await officer.ClickAsync("#rectify");
            await Assertions.Expect(officer.Locator("#ticket-status")).ToHaveTextAsync(j.T("HazardStatus.AwaitingVerification"));
            await j.CheckAsync(officer);
        }

        await Rectify("已更换熄火保护装置并试火", "stove-after.png");
        await j.ShotAsync(officer, "j2-1-phone-rectified");

        await leader.GotoAsync($"/Tickets/Details/{stove.Id}");
        await j.CheckAsync(leader);
        await Assertions.Expect(leader.Locator("#evidence img")).Not.ToHaveCountAsync(0);
        await leader.FillAsync("#reason", "未附燃气公司检测记录");
        await leader.ClickAsync("#reject-ticket");
        await Assertions.Expect(leader.Locator("#ticket-status")).ToHaveTextAsync(j.T("HazardStatus.Rectifying"));
        await Assertions.Expect(leader.Locator("#timeline")).ToContainTextAsync("未附燃气公司检测记录");
        await j.CheckAsync(leader);
        await j.ShotAsync(leader, "j2-2-phone-rejected");

        // The officer sees why, and rectifies again.
        await officer.GotoAsync($"/Tickets/Details/{stove.Id}");
        await Assertions.Expect(officer.Locator("#timeline")).ToContainTextAsync("未附燃气公司检测记录");
        await Rectify("燃气公司已检测合格，检测记录见照片", "gas-check.png");

        await leader.GotoAsync($"/Tickets/Details/{stove.Id}");
        await leader.FillAsync("#conclusion", "现场复查合格，同意销号");
        await leader.ClickAsync("#close-ticket");
        await Assertions.Expect(leader.Locator("#ticket-status")).ToHaveTextAsync(j.T("HazardStatus.Closed"));
        await Assertions.Expect(leader.Locator("#timeline li")).ToHaveCountAsync(5);
        await j.CheckAsync(leader);
        await j.ShotAsync(leader, "j2-3-phone-closed");

        // Two days on, the railing is past its deadline: red, and said in words, for the county.
        j.App.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True(railing.Deadline < j.App.Today());
        var county = await j.SignInAsync("county");
        await county.GotoAsync($"/Tickets?overdue=true&schoolId={school.Id}");
        await j.CheckAsync(county);
        var row = county.Locator($"#ticket-list tr[data-number='{railing.Number}']");
        await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("table-danger"));
        await Assertions.Expect(row.Locator(".badge.text-bg-danger")).ToHaveTextAsync(j.T("Ticket.Overdue"));
        await Assertions.Expect(county.Locator($"#ticket-list tr[data-number='{stove.Number}']")).ToHaveCountAsync(0);
        await j.ShotAsync(county, "j2-4-county-overdue");

        // On the dashboard the school is at least orange, with the reason in words.
        await county.GotoAsync($"/Dashboard?q={school.Code}");
        var line = county.Locator($"#school-table tr[data-school='{school.Code}']");
        var risk = await line.GetAttributeAsync("data-risk");
        Assert.Contains(risk, new[] { "Orange", "Red" });
        await Assertions.Expect(line.Locator("[data-risk]")).ToHaveTextAsync(j.T("RiskLevel." + risk));
        await Assertions.Expect(line).ToContainTextAsync(new System.Text.RegularExpressions.Regex(string.Join("|", new[] { "Risk.Overdue", "Risk.ManyOverdue", "Risk.OverdueMajor" }.Select(k => System.Text.RegularExpressions.Regex.Escape(j.T(k))))));
        await j.CheckAsync(county);
    }
}
