using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSafety.Common;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;

namespace SchoolSafety.BrowserTests.Journeys;

/// <summary>Journey 1 of issue 10: the weekly checklist on a phone, from the reminder in the bell to the tickets it opens.</summary>
[Collection(JourneyCollection.Name)]
public sealed class J1ChecklistJourneyTests(JourneyFixture fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task The_officer_fills_this_weeks_checklist_on_a_phone_with_two_hazards_and_photos_and_the_reminder_leaves_the_bell(string culture)
    {
        var j = new Journey(fixture, culture);
        var school = await j.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        // The weekly deadline (Friday 17:00) has passed and the week is not filled: the reminder job has run.
        var week = SchoolWeek.Of(j.App.Today());
        j.App.MoveTo(week.Monday.AddDays(4).ToDateTime(new TimeOnly(17, 30)));
        week = SchoolWeek.Of(j.App.Today());
        await j.App.ClearThisWeekAsync(school.Id);
        Assert.True(await j.App.RunRemindersAsync() > 0);

        var officer = await j.SignInAsync("officer", 390, 844);
        // On the phone the bell stays outside the folded menu, with the unread count.
        await Assertions.Expect(officer.Locator("#notification-bell")).ToBeVisibleAsync();
        var unread = int.Parse(await officer.Locator("#unread-count").InnerTextAsync());
        await officer.ClickAsync("#notification-bell");
        var reminder = officer.Locator("#notification-list li").Filter(new() { HasText = j.T("Notification.InspectionDue", week.Week) });
        await Assertions.Expect(reminder).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fw-semibold"));
        await j.CheckAsync(officer);
        await j.ShotAsync(officer, "j1-1-phone-bell-reminder");

        await officer.GotoAsync($"/Schools/Details/{school.Id}");
        await officer.ClickAsync("#this-week-link");
        await Assertions.Expect(officer.Locator("#inspection-status")).ToHaveTextAsync(j.T("Inspection.Status.None"));
        await j.CheckAsync(officer);
        // A long page: count its items once the whole document has arrived, not while it streams in.
        await officer.WaitForLoadStateAsync(LoadState.Load);
        var items = officer.Locator(".inspection-item");
        var count = await items.CountAsync();
        Assert.True(count >= 12, $"{count} items");
        for (var i = 0; i < count; i++)
            await items.Nth(i).Locator("label[for$='-Pass']").ClickAsync();

        // Hazard 1: a general one, with a photo, the deadline coming from the grade.
        var fire = officer.Locator(".inspection-item[data-item=I03]");
        await fire.Locator("label[for$='-Hazard']").ClickAsync();
        await fire.Locator("textarea").FillAsync("二楼东侧灭火器压力不足，指针在红区");
        await fire.Locator("select[name$='HazardPlace']").SelectOptionAsync("TeachingBuilding");
        await fire.Locator("select.grade").SelectOptionAsync("General");
        await Assertions.Expect(fire.Locator("input.deadline")).ToHaveValueAsync(
            HazardRules.DefaultDeadline(HazardGrade.General, j.App.Today()).ToString("yyyy-MM-dd"));
        await fire.Locator("input[name$='ResponsiblePerson']").FillAsync("杨晓梅");
        await fire.Locator("input[type=file]").SetInputFilesAsync(Journey.Photo("extinguisher.png"));

        // Hazard 2: a major one, which needs interim measures, with two photos.
        var keys = await items.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.item)");
        var second = officer.Locator($".inspection-item[data-item={keys.Last(k => k != "I03")}]");
        await second.Locator("label[for$='-Hazard']").ClickAsync();
        await second.Locator("textarea").FillAsync("围墙东北角有约2米长裂缝，存在倒塌风险");
        await second.Locator("select[name$='HazardPlace']").SelectOptionAsync("Perimeter");
        await second.Locator("select.grade").SelectOptionAsync("Major");
        await Assertions.Expect(second.Locator("input[name$='InterimMeasures']")).ToBeVisibleAsync();
        await second.Locator("input[name$='InterimMeasures']").FillAsync("拉设警戒线，禁止学生靠近");
        await second.Locator("input[name$='ResponsiblePerson']").FillAsync("李建国");
        await second.Locator("input[type=file]").SetInputFilesAsync([Journey.Photo("wall-1.png"), Journey.Photo("wall-2.png")]);
        Assert.True(await officer.EvaluateAsync<bool>("document.scrollingElement.scrollWidth <= window.innerWidth"));
        await j.ShotAsync(officer, "j1-2-phone-checklist-hazard");

        await officer.ClickAsync("#submit-inspection");
        await Assertions.Expect(officer.Locator("#inspection-status")).ToHaveTextAsync(j.T("Inspection.Status.Submitted"));
        await Assertions.Expect(officer.Locator("#tickets-opened li")).ToHaveCountAsync(2);
        await Assertions.Expect(officer.Locator("#tickets-opened")).ToContainTextAsync("灭火器压力不足");
        await Assertions.Expect(officer.Locator("#tickets-opened")).ToContainTextAsync("围墙东北角");
        await j.CheckAsync(officer);
        await j.ShotAsync(officer, "j1-3-phone-checklist-submitted");

        // The bell: one unread fewer, and the reminder is read.
        if (unread > 1) await Assertions.Expect(officer.Locator("#unread-count")).ToHaveTextAsync((unread - 1).ToString());
        else await Assertions.Expect(officer.Locator("#unread-count")).ToHaveCountAsync(0);
        await officer.ClickAsync("#notification-bell");
        await Assertions.Expect(reminder).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fw-semibold"));

        // The hazards are tickets now, with their photos, in the school's list.
        await officer.GotoAsync("/Tickets?open=true");
        await j.CheckAsync(officer);
        var rows = officer.Locator("#ticket-list tbody tr[data-number]");
        await Assertions.Expect(rows.Filter(new() { HasText = "灭火器压力不足" })).ToHaveCountAsync(1);
        await rows.Filter(new() { HasText = "围墙东北角" }).Locator("a").First.ClickAsync();
        await Assertions.Expect(officer.Locator("#ticket-status")).ToHaveTextAsync(j.T("HazardStatus.Open"));
        await j.CheckAsync(officer);
        await j.ShotAsync(officer, "j1-4-phone-ticket");
        await using var db = j.App.Db();
        var opened = await db.Context.HazardTickets.Include(t => t.InspectionResult!).ThenInclude(r => r.Photos)
            .Where(t => t.SchoolId == school.Id && t.InspectionResult!.Inspection!.WeekNumber == week.Number).ToListAsync();
        Assert.Equal(2, opened.Count);
        Assert.Equal(3, opened.Sum(t => t.InspectionResult!.Photos.Count));
        Assert.Contains(opened, t => t.Grade == HazardGrade.Major && t.InterimMeasures == "拉设警戒线，禁止学生靠近");
    }
}
