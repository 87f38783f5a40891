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

    [Fact]
    public async Task The_county_opens_a_major_spot_check_the_school_records_its_plan_and_the_county_supervises_it()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var county = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(county, "county");
        await county.GotoAsync($"/Schools/Details/{school.Id}");
        await county.ClickAsync("#spot-check-link");
        await county.SelectOptionAsync("#Input_Place", "Canteen");
        await county.SelectOptionAsync("#Input_Grade", "Major");
        await county.FillAsync("#Input_SourceReference", "县教体局冬季消防安全抽查");
        await county.FillAsync("#Input_Description", "食堂液化气瓶与灶台未分隔存放");
        await county.FillAsync("#Input_ResponsibleName", "杨晓梅");
        await county.FillAsync("#Input_ResponsiblePhone", "13887765432");
        await county.FillAsync("#Input_Deadline", "2026-12-20");
        await county.ClickAsync("#open-ticket-submit");
        // A major hazard without interim measures is refused beside the field; what was typed stays.
        await Assertions.Expect(county.Locator("[data-valmsg-for='Input.InterimMeasures']")).ToContainTextAsync("临时管控措施");
        await Assertions.Expect(county.Locator("#Input_Description")).ToHaveValueAsync("食堂液化气瓶与灶台未分隔存放");
        await BrowserFixture.ScreenshotAsync(county, "32-county-spot-check-refused");
        await county.FillAsync("#Input_InterimMeasures", "气瓶已移至室外专用气瓶间，张贴警示标志");
        await county.ClickAsync("#open-ticket-submit");
        await Assertions.Expect(county.Locator("#ticket-source")).ToContainTextAsync("县级抽查");
        var url = county.Url;

        var officer = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(officer, "officer");
        await officer.GotoAsync(url);
        await officer.FillAsync("#plan-Goal", "气瓶间与厨房分隔，消除燃气隐患");
        await officer.FillAsync("#plan-Measures", "新建室外气瓶间，加装燃气泄漏报警器");
        await officer.FillAsync("#plan-Funds", "学校公用经费1.2万元");
        await officer.FillAsync("#plan-People", "总务处主任负责，食堂管理员配合");
        await officer.FillAsync("#plan-TimeLimit", "2026-12-18");
        await officer.FillAsync("#plan-Safety", "施工期间暂停使用燃气，改用电磁炉");
        await officer.ClickAsync("#save-plan");
        await Assertions.Expect(officer.Locator("#treatment-plan")).ToContainTextAsync("学校公用经费1.2万元");
        await BrowserFixture.ScreenshotAsync(officer, "33-phone-ticket-plan");

        await county.GotoAsync(url);
        await county.FillAsync("#supervision-note", "重大隐患，县教体局挂牌督办");
        await county.FillAsync("#due", "2026-12-18");
        await county.ClickAsync("#supervise");
        await Assertions.Expect(county.Locator("#supervised-badge")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(county, "34-county-ticket-supervised");
        await county.GotoAsync("/Tickets?supervised=true&grade=Major");
        await Assertions.Expect(county.Locator("#ticket-list tbody tr[data-number]").Filter(new() { HasText = "食堂液化气瓶" })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(county, "35-county-supervised-list");
        await county.GotoAsync("/Notifications/Digest");
        await BrowserFixture.ScreenshotAsync(county, "36-county-digest");
    }
}
