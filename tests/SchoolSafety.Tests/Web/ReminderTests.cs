using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SchoolSafety.Demo;
using SchoolSafety.Inspections;
using SchoolSafety.Notifications;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class ReminderTests(SchoolSafetyApp app)
{
    [Fact]
    public async Task After_Friday_5pm_each_officer_of_a_school_without_a_submitted_inspection_is_reminded_once()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var week = SchoolWeek.Of(new DateOnly(2026, 11, 25));
        await using (var db = app.Db())
        {
            await db.Context.Notifications.Where(n => n.Kind == InspectionReminders.Kind).ExecuteDeleteAsync();
            // The officer's school has only a draft this week.
            var current = await db.Context.Inspections.Where(i => i.SchoolId == school.Id && i.WeekNumber == week.Number && i.IsCurrent).ToListAsync();
            foreach (var i in current) i.Status = InspectionStatus.Draft;
            await db.Context.SaveChangesAsync();
        }

        var thursday = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)); // Thursday 20:00 in China
        Assert.Equal(0, await RunAsync(thursday));

        var friday = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero)); // Friday 17:30 in China
        // Two instances at once: every officer still gets exactly one reminder.
        var runs = await Task.WhenAll(RunAsync(friday), RunAsync(friday));
        Assert.True(runs.Sum() > 0);
        Assert.Equal(0, await RunAsync(friday));

        await using var check = app.Db();
        var reminders = await check.Context.Notifications.Where(n => n.Kind == InspectionReminders.Kind).ToListAsync();
        Assert.Equal(runs.Sum(), reminders.Count);
        Assert.Equal(reminders.Count, reminders.Select(n => n.UserId).Distinct().Count());
        var officer = await check.Context.Users.SingleAsync(u => u.UserName == "officer");
        var leader = await check.Context.Users.SingleAsync(u => u.UserName == "leader");
        Assert.Contains(reminders, n => n.UserId == officer.Id && n.Link == $"/Schools/{school.Id}/Inspections/{week.Number}");
        Assert.DoesNotContain(reminders, n => n.UserId == leader.Id);
        var submitted = check.Context.Inspections.Where(i => i.WeekNumber == week.Number && i.IsCurrent && i.Status != InspectionStatus.Draft).Select(i => (int?)i.SchoolId);
        Assert.False(await check.Context.Notifications.AnyAsync(n => n.Kind == InspectionReminders.Kind && submitted.Contains(n.SchoolId)));

        using var client = await app.LoginAsync("officer");
        // Other tests of the collection may have left the officer ticket notifications: count from the database.
        async Task<string?> Unread()
        {
            await using var db = app.Db();
            var n = await db.Context.Notifications.CountAsync(x => x.UserId == officer.Id && x.ReadAt == null);
            return n == 0 ? null : n.ToString();
        }
        var page = await client.PageAsync("/Notifications");
        var before = await Unread();
        Assert.NotNull(before);
        Assert.Equal(before, page.QuerySelector("#unread-count")!.TextContent);
        Assert.Contains("第48周的周检月查尚未提交", page.QuerySelector("#notification-list")!.TextContent);
        var id = reminders.Single(n => n.UserId == officer.Id).Id;
        var open = await client.PostFormAsync($"/Notifications/Open/{id}", new { }, "/Notifications");
        Assert.Equal($"/Schools/{school.Id}/Inspections/{week.Number}", open.Headers.Location!.OriginalString);
        Assert.Equal(int.Parse(before) - 1, int.Parse(await Unread() ?? "0"));
        Assert.Equal(await Unread(), (await client.PageAsync("/Notifications")).QuerySelector("#unread-count")?.TextContent);

        // Nobody opens another user's notification.
        using var other = await app.LoginAsync("officer2");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.PostFormAsync($"/Notifications/Open/{id}", new { }, "/Notifications")).StatusCode);
    }

    private async Task<int> RunAsync(TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolSafety.Data.AppDbContext>();
        return await new InspectionReminders(db, clock, new ReminderOptions()).RunAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RemindersOnSqlite(SqliteApp app) : ReminderTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class RemindersOnPostgreSql(PostgreSqlApp app) : ReminderTests(app);
