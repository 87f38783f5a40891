using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Notifications;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.BrowserTests.Journeys;

/// <summary>What a journey finds when it starts, arranged in the database; the journey itself goes through the pages.</summary>
public static class JourneyArrange
{
    public static DateOnly Today(this KestrelApp app) => ChinaTime.Today(app.Clock);

    /// <summary>Moves the test clock forward to <paramref name="chinaTime"/> (China time) unless it is already later.</summary>
    public static void MoveTo(this KestrelApp app, DateTime chinaTime)
    {
        var target = new DateTimeOffset(chinaTime, ChinaTime.Offset);
        if (target > app.Clock.GetUtcNow()) app.Clock.SetUtcNow(target);
    }

    /// <summary>The school has not filled this week yet, and nobody has been reminded of it.</summary>
    public static async Task ClearThisWeekAsync(this KestrelApp app, int schoolId)
    {
        var week = SchoolWeek.Of(app.Today()).Number;
        await using var db = app.Db();
        var inspections = await db.Context.Inspections.Include(i => i.Results)
            .Where(i => i.SchoolId == schoolId && i.WeekNumber == week && i.CampaignId == null).ToListAsync();
        var resultIds = inspections.SelectMany(i => i.Results).Select(r => (int?)r.Id).ToList();
        db.Context.HazardTickets.RemoveRange(db.Context.HazardTickets.Where(t => resultIds.Contains(t.InspectionResultId)));
        db.Context.StoredFiles.RemoveRange(db.Context.StoredFiles.Where(f => resultIds.Contains(f.InspectionResultId)));
        db.Context.Inspections.RemoveRange(inspections);
        var key = week.ToString(System.Globalization.CultureInfo.InvariantCulture);
        db.Context.Notifications.RemoveRange(db.Context.Notifications.Where(n => n.Kind == InspectionReminders.Kind && n.Key == key && n.SchoolId == schoolId));
        await db.Context.SaveChangesAsync();
    }

    /// <summary>The reminder job, as the background worker runs it every few minutes.</summary>
    public static async Task<int> RunRemindersAsync(this KestrelApp app)
    {
        await using var db = app.Db();
        return await new InspectionReminders(db.Context, app.Clock, new ReminderOptions()).RunAsync();
    }

    /// <summary>A ticket found by the school's inspection <paramref name="foundDaysAgo"/> days ago.</summary>
    public static async Task<HazardTicket> OpenTicketAsync(this KestrelApp app, string schoolCode, string description, DateOnly deadline,
        HazardGrade grade = HazardGrade.General, HazardPlace place = HazardPlace.TeachingBuilding, int foundDaysAgo = 0)
    {
        var school = await app.SchoolAsync(schoolCode);
        await using var db = app.Db();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var ticket = new HazardTicket
        {
            Number = $"{school.Code}-{now.Year}-{await TicketService.LastNumberAsync(db.Context, school, now.Year, default) + 1:0000}",
            SchoolId = school.Id, Source = HazardSource.Inspection, Place = place, Description = description, Grade = grade,
            FoundAt = now.AddDays(-foundDaysAgo), ResponsibleName = "杨晓梅", Deadline = deadline,
            InterimMeasures = grade == HazardGrade.Major ? "设置警戒线，专人看守" : null,
            Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = now.AddDays(-foundDaysAgo), UserName = "officer" }],
        };
        db.Context.HazardTickets.Add(ticket);
        await db.Context.SaveChangesAsync();
        return ticket;
    }
}
