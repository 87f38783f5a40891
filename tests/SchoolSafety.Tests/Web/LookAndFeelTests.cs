using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Notifications;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// What the pages say around the records: the inspection reminder leaves the bell when the week is submitted, an
/// empty list says why and what to do, a destructive button asks first, and inner pages show the way back.
/// </summary>
public abstract class LookAndFeelTests(SchoolSafetyApp app)
{
    private SchoolWeek ThisWeek => SchoolWeek.Of(ChinaTime.Today(app.Clock));

    [Fact]
    public async Task Submitting_this_weeks_checklist_marks_the_schools_reminders_of_that_week_read_and_no_one_elses()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var week = ThisWeek;
        var key = week.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lastKey = week.Previous().Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        long officerReminder, leaderReminder, otherSchoolReminder, lastWeekReminder;
        await using (var db = app.Db())
        {
            await ClearWeekAsync(db.Context, school.Id, week);
            var users = await db.Context.Users.Where(u => u.UserName == "officer" || u.UserName == "leader" || u.UserName == "officer2")
                .ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.SchoolId));
            var ids = users.Values.Select(u => u.Id).ToList();
            await db.Context.Notifications.Where(n => n.Kind == InspectionReminders.Kind && ids.Contains(n.UserId) && (n.Key == key || n.Key == lastKey)).ExecuteDeleteAsync();
            Notification Reminder(string user, string weekKey) => new()
            {
                UserId = users[user].Id, Kind = InspectionReminders.Kind, Key = weekKey, SchoolId = users[user].SchoolId,
                MessageKey = "Notification.InspectionDue", Args = weekKey == key ? $"{week.Week}" : $"{week.Previous().Week}",
                Link = $"/Schools/{users[user].SchoolId}/Inspections/{weekKey}", CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            var reminders = new[] { Reminder("officer", key), Reminder("leader", key), Reminder("officer2", key), Reminder("officer", lastKey) };
            db.Context.Notifications.AddRange(reminders);
            await db.Context.SaveChangesAsync();
            (officerReminder, leaderReminder, otherSchoolReminder, lastWeekReminder) = (reminders[0].Id, reminders[1].Id, reminders[2].Id, reminders[3].Id);
        }

        using var officer = await app.LoginAsync("officer");
        var bellBefore = int.Parse((await officer.PageAsync("/Notifications")).QuerySelector("#unread-count")!.TextContent);
        var page = await officer.PageAsync($"/Schools/{school.Id}/Inspections");
        var response = await SubmitAllPassAsync(officer, page, school.Id, week);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var db = app.Db())
        {
            Assert.Equal(InspectionStatus.Submitted, (await db.Context.Inspections.SingleAsync(i => i.SchoolId == school.Id && i.WeekNumber == week.Number && i.IsCurrent)).Status);
            var read = await db.Context.Notifications.Where(n => new[] { officerReminder, leaderReminder, otherSchoolReminder, lastWeekReminder }.Contains(n.Id))
                .ToDictionaryAsync(n => n.Id, n => n.ReadAt);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, read[officerReminder]!.Value, TimeSpan.FromSeconds(1));
            Assert.NotNull(read[leaderReminder]);
            Assert.Null(read[otherSchoolReminder]); // another school's week is still missing
            Assert.Null(read[lastWeekReminder]);    // last week was not submitted by this
        }
        // The officer's bell counts one fewer; the other school's officer still sees the reminder.
        var bellAfter = (await officer.PageAsync("/Notifications")).QuerySelector("#unread-count")?.TextContent;
        Assert.Equal(bellBefore - 1, int.Parse(bellAfter ?? "0"));
        using var other = await app.LoginAsync("officer2");
        Assert.Contains($"第{week.Week}周的周检月查尚未提交", (await other.PageAsync("/Notifications")).QuerySelector("#notification-list li.fw-semibold")!.TextContent);
    }

    [Fact]
    public async Task A_filter_that_matched_nothing_says_so_and_offers_to_clear_it_keeping_the_pages_context()
    {
        using var county = await app.LoginAsync("county");
        var tickets = await county.PageAsync("/Tickets?from=2000-01-01&to=2000-01-07&sort=Found&desc=true");
        var empty = tickets.QuerySelector("#ticket-list #empty-state")!;
        Assert.Equal("true", empty.GetAttribute("data-filtered"));
        Assert.Contains("没有符合筛选条件的记录。", empty.TextContent);
        Assert.Equal("/Tickets", empty.QuerySelector("#empty-state-clear")!.GetAttribute("href"));

        // The school a list was opened for is its context, not a filter: clearing keeps it.
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var forSchool = await county.PageAsync($"/Tickets?schoolId={school.Id}&grade=Major&from=2000-01-01&to=2000-01-07");
        Assert.Equal($"/Tickets?schoolId={school.Id}", forSchool.QuerySelector("#empty-state-clear")!.GetAttribute("href"));

        // A township with no school: the grid says the filter matched nothing, not that the term is missing.
        var completion = await county.PageAsync("/Inspections/Completion?township=nowhere");
        Assert.Equal("true", completion.QuerySelector("#empty-state")!.GetAttribute("data-filtered"));
        Assert.Null(completion.QuerySelector("#completion-grid"));
        var dashboard = await county.PageAsync("/Dashboard?township=nowhere");
        Assert.Null(dashboard.QuerySelector("#no-term"));
        Assert.Equal("true", dashboard.QuerySelector("#school-table-empty")!.GetAttribute("data-filtered"));

        using var admin = await app.LoginAsync("admin");
        var users = await admin.PageAsync("/Users?q=nobody-is-called-this");
        Assert.Equal("true", users.QuerySelector("#user-list #empty-state")!.GetAttribute("data-filtered"));
        Assert.Equal("/Users", users.QuerySelector("#empty-state-clear")!.GetAttribute("href"));
        var schools = await admin.PageAsync("/Schools?q=nobody-is-called-this");
        Assert.Contains("没有符合筛选条件的记录。", schools.QuerySelector("#empty-state")!.TextContent);
        Assert.Null(schools.QuerySelector("#school-list"));
    }

    [Fact]
    public async Task An_empty_list_without_filters_says_why_and_offers_the_next_step_to_whoever_may_take_it()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        await using (var db = app.Db())
            Assert.True(await db.Context.HazardTickets.AnyAsync(t => t.SchoolId == school.Id), "the demo school has tickets");

        // A school with nothing recorded yet: its ledger pages say what to record and offer the form.
        var empty = await EmptySchoolAsync();
        using var county = await app.LoginAsync("county");
        var surroundings = await county.PageAsync($"/Schools/{empty.Id}/Surroundings");
        var state = surroundings.QuerySelector("#empty-state")!;
        Assert.Equal("false", state.GetAttribute("data-filtered"));
        Assert.Contains("尚未登记周边环境问题。", state.TextContent);
        Assert.Contains("流动摊贩", state.TextContent);
        Assert.Null(state.QuerySelector("#empty-state-action")); // the county reads the school's ledger, it does not record it

        var drills = await county.PageAsync($"/Schools/{empty.Id}/Drills");
        var drillState = drills.QuerySelector("#drill-list #empty-state")!;
        Assert.Contains("每月至少组织一次", drillState.TextContent);
        Assert.Null(drillState.QuerySelector("#empty-state-action"));

        using var officer = await app.LoginAsync("officer");
        // The officer's own list with a filter that matched nothing, then the same list cleared.
        var own = await officer.PageAsync("/Tickets?from=2000-01-01&to=2000-01-07");
        Assert.Equal("true", own.QuerySelector("#empty-state")!.GetAttribute("data-filtered"));
        var cleared = await officer.PageAsync(own.QuerySelector("#empty-state-clear")!.GetAttribute("href")!);
        Assert.Null(cleared.QuerySelector("#empty-state"));
        Assert.NotEmpty(cleared.QuerySelectorAll("#ticket-list tr[data-number]"));
    }

    [Fact]
    public async Task Destructive_buttons_carry_their_question_from_the_resources_in_the_users_language()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var admin = await app.LoginAsync("admin");
        var details = await admin.PageAsync($"/Schools/Details/{school.Id}");
        Assert.Equal("停用后该校不再计入辖区统计，也不再收到检查提醒。确定停用吗？", details.QuerySelector("#set-active")!.GetAttribute("data-confirm"));

        string officerId;
        await using (var db = app.Db())
            officerId = (await db.Context.Users.SingleAsync(u => u.UserName == "officer2")).Id;
        var user = await admin.PageAsync($"/Users/Edit/{officerId}");
        Assert.StartsWith("重置后原密码立即失效", user.QuerySelector("#reset-password")!.GetAttribute("data-confirm"));
        Assert.StartsWith("停用后该账号随即退出登录", user.QuerySelector("#set-disabled")!.GetAttribute("data-confirm"));

        // A ticket awaiting verification: closing and sending back both ask, in English for an English user.
        int ticketId;
        await using (var db = app.Db())
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var officerUser = await db.Context.Users.SingleAsync(u => u.UserName == "officer");
            var ticket = new HazardTicket
            {
                Number = "XP004-2026-9301", SchoolId = school.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Canteen,
                Description = "食堂排烟罩油污未清", Grade = HazardGrade.General, FoundAt = now, ResponsibleName = "杨晓梅",
                Deadline = ChinaTime.Today(app.Clock).AddDays(7),
                Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = now, UserName = "county" }],
            };
            ticket.Rectify(new TicketActor(officerUser.Id, "officer", IsBureau: false, IsSchoolLeader: false), now, "已清洗排烟罩");
            db.Context.HazardTickets.Add(ticket);
            await db.Context.SaveChangesAsync();
            ticketId = ticket.Id;
        }
        using var leader = await app.LoginAsync("leader");
        var zh = await leader.PageAsync($"/Tickets/Details/{ticketId}");
        Assert.StartsWith("验收通过并销号后", zh.QuerySelector("#close-ticket")!.GetAttribute("data-confirm"));
        Assert.StartsWith("退回后学校须重新整改", zh.QuerySelector("#reject-ticket")!.GetAttribute("data-confirm"));
        await leader.PostFormAsync("/Culture/Set", new { culture = "en-US", returnUrl = "/" }, "/Account/ChangePassword");
        var en = await leader.PageAsync($"/Tickets/Details/{ticketId}");
        Assert.StartsWith("Closing the ticket ends it for good", en.QuerySelector("#close-ticket")!.GetAttribute("data-confirm"));
        // A button that does no harm asks nothing.
        Assert.Null(en.QuerySelector("#rectify, #request-extension")?.GetAttribute("data-confirm"));
    }

    [Fact]
    public async Task Inner_pages_show_one_breadcrumb_ending_with_the_page_and_every_page_has_a_title()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var admin = await app.LoginAsync("admin");
        foreach (var (url, trail) in new[]
                 {
                     ($"/Schools/Edit/{school.Id}", new[] { "学校", school.Name, "编辑学校信息" }),
                     ("/Schools/Import", new[] { "学校", "导入 CSV" }),
                     ("/Training/CreateCounty", new[] { "安全培训", "记录县级培训" }),
                 })
        {
            var page = await admin.PageAsync(url);
            var crumbs = page.QuerySelectorAll(".app-breadcrumb li").Select(li => li.TextContent.Trim()).ToArray();
            Assert.Equal(trail, crumbs);
            Assert.Equal("page", page.QuerySelector(".app-breadcrumb li:last-child")!.GetAttribute("aria-current"));
            Assert.Equal($"{trail[^1]} - 校园安全管理平台", page.Title);
        }
    }

    private async Task<SchoolSafety.Schools.School> EmptySchoolAsync()
    {
        // A demo school with no drill and no problem around it on record (the demo leaves some kindergartens so).
        await using var db = app.Db();
        var school = await db.Context.Schools
            .Where(s => s.IsActive && s.Jurisdiction!.Code == DemoCounty.CountyCode && !db.Context.Drills.Any(d => d.SchoolId == s.Id) && !db.Context.SurroundingsIssues.Any(i => i.SchoolId == s.Id))
            .OrderBy(s => s.Code).FirstOrDefaultAsync();
        Assert.True(school is not null, "the demo county has a school with no drill and no surroundings problem recorded");
        return school;
    }

    private static async Task ClearWeekAsync(SchoolSafety.Data.AppDbContext db, int schoolId, SchoolWeek week)
    {
        var inspections = await db.Inspections.Include(i => i.Results).ThenInclude(r => r.Photos)
            .Where(i => i.SchoolId == schoolId && i.WeekNumber == week.Number).ToListAsync();
        var resultIds = inspections.SelectMany(i => i.Results).Select(r => r.Id).ToList();
        db.HazardTickets.RemoveRange(await db.HazardTickets.Where(t => t.InspectionResultId != null && resultIds.Contains(t.InspectionResultId.Value)).ToListAsync());
        db.StoredFiles.RemoveRange(inspections.SelectMany(i => i.Results).SelectMany(r => r.Photos));
        db.Inspections.RemoveRange(inspections);
        await db.SaveChangesAsync();
    }

    private static Task<HttpResponseMessage> SubmitAllPassAsync(AppClient client, IHtmlDocument page, int schoolId, SchoolWeek week)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("#inspection-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(page.QuerySelector("#inspection-form input[name=RowVersion]")!.GetAttribute("value") ?? ""), "RowVersion" },
            { new StringContent("submit"), "command" },
        };
        var items = page.QuerySelectorAll("#inspection-form .inspection-item").ToList();
        Assert.True(items.Count >= 12, $"{items.Count} items due");
        for (var i = 0; i < items.Count; i++)
        {
            content.Add(new StringContent(items[i].QuerySelector("input[type=hidden]")!.GetAttribute("value")!), $"Answers[{i}].ItemId");
            content.Add(new StringContent(nameof(Outcome.Pass)), $"Answers[{i}].Outcome");
        }
        return client.Http.PostAsync($"/Schools/{schoolId}/Inspections/{week.Number}", content);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LookAndFeelOnSqlite(SqliteApp app) : LookAndFeelTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class LookAndFeelOnPostgreSql(PostgreSqlApp app) : LookAndFeelTests(app);
