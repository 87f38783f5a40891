using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSafety.BrowserTests.Journeys;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Tests.Infrastructure;
using SchoolSafety.Tests.Reports;

namespace SchoolSafety.BrowserTests;

/// <summary>
/// The look-and-feel rules a user meets in the browser: a destructive action asks first (data-confirm,
/// wwwroot/js/confirm.js), an empty list says what to do next, and a list prints as a plain table.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LookAndFeelTests(BrowserFixture browser)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Closing_a_ticket_asks_first_dismissing_keeps_it_awaiting_verification_and_accepting_closes_it()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        int id;
        await using (var db = browser.App.Db())
        {
            var now = browser.App.Clock.GetUtcNow().UtcDateTime;
            var ticket = new HazardTicket
            {
                Number = "XP004-2026-9201", SchoolId = school.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Dormitory,
                Description = "宿舍走廊应急照明灯不亮", Grade = HazardGrade.General, FoundAt = now,
                ResponsibleName = "杨晓梅", Deadline = new DateOnly(2026, 12, 4),
                Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = now, UserName = "county" }],
            };
            db.Context.HazardTickets.Add(ticket);
            await db.Context.SaveChangesAsync();
            id = ticket.Id;
        }

        var officer = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(officer, "officer");
        await officer.GotoAsync($"/Tickets/Details/{id}");
        await officer.FillAsync("#note", "已更换应急照明灯");
        await officer.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "after.png", MimeType = "image/png", Buffer = Png });
        await officer.ClickAsync("#rectify");
        await Assertions.Expect(officer.Locator("#ticket-status")).ToHaveTextAsync("待复查");

        // The leader answers the question himself: first "cancel", then "OK".
        var leader = await browser.NewPageAsync(390, 844, acceptConfirmations: false);
        var questions = new List<string>();
        var accept = false;
        leader.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            if (accept) await dialog.AcceptAsync(); else await dialog.DismissAsync();
        };
        await BrowserFixture.LoginAsync(leader, "leader");
        await leader.GotoAsync($"/Tickets/Details/{id}");
        await leader.FillAsync("#conclusion", "现场复查合格");
        await leader.ClickAsync("#close-ticket");

        Assert.Equal([Resource("zh-CN", "Confirm.CloseTicket")], questions);
        // Nothing was sent: the page and what was typed are still there, and the ticket still waits for verification.
        await Assertions.Expect(leader.Locator("#ticket-status")).ToHaveTextAsync("待复查");
        await Assertions.Expect(leader.Locator("#conclusion")).ToHaveValueAsync("现场复查合格");
        await using (var db = browser.App.Db())
        {
            var stored = await db.Context.HazardTickets.Include(t => t.Events).SingleAsync(t => t.Id == id);
            Assert.Equal(HazardStatus.AwaitingVerification, stored.Status);
            Assert.DoesNotContain(stored.Events, e => e.To == HazardStatus.Closed);
        }
        // The reject button asks its own question, not the close one.
        Assert.Equal(Resource("zh-CN", "Confirm.RejectTicket"), await leader.Locator("#reject-ticket").GetAttributeAsync("data-confirm"));

        accept = true;
        await leader.ClickAsync("#close-ticket");
        await Assertions.Expect(leader.Locator("#ticket-status")).ToHaveTextAsync("已销号");
        Assert.Equal(2, questions.Count);
        await using (var db = browser.App.Db())
            Assert.Equal(HazardStatus.Closed, (await db.Context.HazardTickets.SingleAsync(t => t.Id == id)).Status);
    }

    [Fact]
    public async Task Submitting_the_week_offline_asks_once_and_the_answer_holds_when_the_connection_is_back()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        await browser.App.ClearThisWeekAsync(school.Id);
        var page = await browser.NewPageAsync(390, 844, acceptConfirmations: false);
        var questions = new List<string>();
        page.Dialog += async (_, dialog) => { questions.Add(dialog.Message); await dialog.AcceptAsync(); };
        await BrowserFixture.LoginAsync(page, "officer");
        await page.GotoAsync($"/Schools/{school.Id}/Inspections");
        var items = page.Locator(".inspection-item");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
            await items.Nth(i).Locator("label[for$='-Pass']").ClickAsync();

        await page.Context.SetOfflineAsync(true);
        await page.ClickAsync("#submit-inspection");
        await Assertions.Expect(page.Locator("#draft-status")).ToHaveTextAsync("网络已断开：填写内容已保存在本机，联网后自动发送。");
        Assert.Equal([Resource("zh-CN", "Confirm.SubmitInspection")], questions);

        // Back online the kept submit goes out by itself; the officer already said yes and is not asked again.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#inspection-status")).ToHaveTextAsync("已提交");
        Assert.Single(questions);
        await browser.App.ClearThisWeekAsync(school.Id); // the other tests find this week unsubmitted
    }

    [Fact]
    public async Task An_empty_list_on_a_phone_says_what_to_do_next_and_a_filter_that_matched_nothing_offers_to_clear_it()
    {
        var officer = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(officer, "officer");
        await officer.GotoAsync("/Tickets?from=2000-01-01&to=2000-01-07");
        var empty = officer.Locator("#empty-state");
        await Assertions.Expect(empty).ToHaveAttributeAsync("data-filtered", "true");
        await Assertions.Expect(empty).ToContainTextAsync(Resource("zh-CN", "Empty.NoMatch"));
        Assert.True(await officer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the empty state scrolls sideways at 390 px");
        var clear = officer.Locator("#empty-state-clear");
        Assert.True((await clear.BoundingBoxAsync())!.Height >= 44, "the clear-filters button is a 44 px target");
        await BrowserFixture.ScreenshotAsync(officer, "40-phone-empty-filtered-tickets");
        await clear.ClickAsync();
        await officer.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/Tickets");
        await Assertions.Expect(officer.Locator("#ticket-list tbody tr[data-number]").First).ToBeVisibleAsync();

        // No special inspection has been sent in this county: the page says what one is for and offers to send one.
        await using (var db = browser.App.Db())
            Assert.False(await db.Context.Campaigns.AnyAsync(), "precondition: the demo county has no special inspection");
        var county = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(county, "county");
        await county.GotoAsync("/Campaigns");
        await Assertions.Expect(county.Locator("#empty-state")).ToHaveAttributeAsync("data-filtered", "false");
        await Assertions.Expect(county.Locator("#empty-state")).ToContainTextAsync(Resource("zh-CN", "Campaign.Empty.Hint"));
        await BrowserFixture.ScreenshotAsync(county, "41-phone-empty-campaigns");
        await county.ClickAsync("#empty-state-action");
        await county.WaitForURLAsync("**/Campaigns/Create");
    }

    [Fact]
    public async Task A_list_prints_as_a_plain_table_with_its_title_and_filters_and_without_navigation_filters_or_buttons()
    {
        var county = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(county, "county");
        await county.GotoAsync("/Tickets?overdue=true&grade=General");
        var rows = await county.Locator("#ticket-list tbody tr[data-number]").CountAsync();
        Assert.True(rows > 0, "the demo county has overdue general tickets");
        await county.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { "header nav.navbar", "#ticket-filters", "#open-ticket", "main .btn", "body > footer" })
            await Assertions.Expect(county.Locator(hidden).First).ToBeHiddenAsync();
        var filters = county.Locator(".print-filters");
        await Assertions.Expect(filters).ToBeVisibleAsync();
        await Assertions.Expect(filters).ToHaveTextAsync($"{Resource("zh-CN", "Print.Filters")}：{Resource("zh-CN", "Inspection.HazardGrade")}：{Resource("zh-CN", "HazardGrade.General")}；{Resource("zh-CN", "Ticket.OnlyOverdue")}");
        var style = await county.EvaluateAsync<string[]>("""
            () => [getComputedStyle(document.querySelector('#ticket-list thead')).display,
                   getComputedStyle(document.querySelector('#ticket-list tbody tr')).breakInside,
                   getComputedStyle(document.body).backgroundColor,
                   getComputedStyle(document.querySelector('#ticket-list tbody td')).color]
            """);
        Assert.Equal(["table-header-group", "avoid", "rgb(255, 255, 255)", "rgb(0, 0, 0)"], style);

        // Chromium's own print to PDF, read back: the title, the filters and every ticket; no button or menu word.
        var pdf = await county.PdfAsync(new() { Format = "A4", PrintBackground = true });
        var pages = PdfReportBuilderTests.PageTexts(pdf);
        Assert.StartsWith(Resource("zh-CN", "App.Name"), pages[0]);
        Assert.Contains(Resource("zh-CN", "Ticket.Title"), pages[0]);
        Assert.Contains(Resource("zh-CN", "Print.Filters"), pages[0]);
        var text = string.Concat(pages);
        foreach (var number in await county.Locator("#ticket-list tbody tr[data-number]").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.number)"))
            Assert.Contains(number, text);
        foreach (var word in new[] { "Export.Xlsx", "Export.Csv", "Ticket.OpenSpotCheck", "Account.Logout" })
            Assert.DoesNotContain(Resource("zh-CN", word), text);
        // The header row is repeated on every printed page.
        if (pages.Count > 1) Assert.All(pages, p => Assert.Contains(Resource("zh-CN", "Ticket.Number"), p));
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "42-print-overdue-tickets.pdf"), pdf);
    }

    private static string Resource(string culture, string key) =>
        XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Web", "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Single(d => (string?)d.Attribute("name") == key).Element("value")!.Value;
}
