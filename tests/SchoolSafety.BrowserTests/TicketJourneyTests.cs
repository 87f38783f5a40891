using Microsoft.Playwright;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;

namespace SchoolSafety.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TicketJourneyTests(BrowserFixture browser)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task The_officer_rectifies_the_leader_rejects_the_officer_rectifies_again_and_the_leader_closes()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        int id;
        await using (var db = browser.App.Db())
        {
            var ticket = new HazardTicket
            {
                Number = "XP004-2026-9001", SchoolId = school.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Canteen,
                Description = "食堂灭火毯缺失", Grade = HazardGrade.General, FoundAt = browser.App.Clock.GetUtcNow().UtcDateTime,
                ResponsibleName = "杨晓梅", Deadline = new DateOnly(2026, 12, 2),
                Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = browser.App.Clock.GetUtcNow().UtcDateTime, UserName = "county" }],
            };
            db.Context.HazardTickets.Add(ticket);
            await db.Context.SaveChangesAsync();
            id = ticket.Id;
        }

        async Task Rectify(IPage page, string note)
        {
            await page.GotoAsync($"/Tickets/Details/{id}");
            await page.FillAsync("#note", note);
            await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "after.png", MimeType = "image/png", Buffer = Png });
            await page.ClickAsync("#rectify");
            await Assertions.Expect(page.Locator("#ticket-status")).ToHaveTextAsync("待复查");
        }

        var officer = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(officer, "officer");
        await Rectify(officer, "已购置灭火毯并挂在灶台旁");

        var leader = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(leader, "leader");
        await leader.GotoAsync($"/Tickets/Details/{id}");
        await leader.FillAsync("#reason", "灭火毯未张贴使用说明");
        await leader.ClickAsync("#reject-ticket");
        await Assertions.Expect(leader.Locator("#ticket-status")).ToHaveTextAsync("整改中");

        await Rectify(officer, "已张贴使用说明并培训食堂员工");
        await leader.GotoAsync($"/Tickets/Details/{id}");
        await leader.FillAsync("#conclusion", "现场复查合格");
        await leader.ClickAsync("#close-ticket");
        await Assertions.Expect(leader.Locator("#ticket-status")).ToHaveTextAsync("已销号");
        await Assertions.Expect(leader.Locator("#timeline li")).ToHaveCountAsync(5);
        await BrowserFixture.ScreenshotAsync(leader, "30-phone-ticket-closed");

        var county = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(county, "county");
        await county.GotoAsync("/Tickets?overdue=true");
        await BrowserFixture.ScreenshotAsync(county, "31-county-overdue-tickets");
    }
}
