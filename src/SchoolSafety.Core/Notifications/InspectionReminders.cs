using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;

namespace SchoolSafety.Notifications;

public sealed class ReminderOptions
{
    /// <summary>The week's inspection is due by this day and hour (China time); after it, officers are reminded.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Friday;
    public int Hour { get; set; } = 17;
    public int IntervalMinutes { get; set; } = 5;
}

/// <summary>
/// Reminds the safety officers of every school whose inspection of the current week is not
/// submitted once the deadline has passed. Safe to run any number of times, from any number of
/// instances: each officer gets one reminder per week.
/// </summary>
public sealed class InspectionReminders(AppDbContext db, TimeProvider clock, ReminderOptions options)
{
    public const string Kind = "InspectionReminder";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var nowChina = clock.GetUtcNow().ToOffset(ChinaTime.Offset);
        var today = DateOnly.FromDateTime(nowChina.DateTime);
        var week = SchoolWeek.Of(today);
        var deadline = week.Monday.AddDays(((int)options.Day + 6) % 7).ToDateTime(new TimeOnly(options.Hour, 0));
        if (nowChina.DateTime < deadline) return 0;

        var key = week.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var terms = await db.Terms.Include(t => t.Jurisdiction).ToListAsync(ct);
        var paths = terms.Where(t => t.Contains(week)).Select(t => t.Jurisdiction!.Path).ToList();
        if (paths.Count == 0) return 0;

        var done = db.Inspections.Where(i => i.WeekNumber == week.Number && i.IsCurrent && i.Status != InspectionStatus.Draft).Select(i => i.SchoolId);
        var officerRole = await db.Roles.Where(r => r.Name == Roles.SafetyOfficer).Select(r => r.Id).SingleAsync(ct);
        var candidates = await db.Users
            .Where(u => u.SchoolId != null && !u.IsDisabled && u.School!.IsActive && !done.Contains(u.SchoolId.Value)
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == officerRole)
                        && !db.Set<Notification>().Any(n => n.UserId == u.Id && n.Kind == Kind && n.Key == key))
            .Select(u => new { u.Id, SchoolId = u.SchoolId!.Value, CountyPath = u.School!.Jurisdiction!.Path })
            .ToListAsync(ct);

        var created = 0;
        foreach (var user in candidates.Where(c => paths.Any(p => c.CountyPath.StartsWith(p, StringComparison.Ordinal))))
        {
            db.Set<Notification>().Add(new Notification
            {
                UserId = user.Id, Kind = Kind, Key = key, SchoolId = user.SchoolId,
                MessageKey = "Notification.InspectionDue", Args = $"{week.Week}",
                Link = $"/Schools/{user.SchoolId}/Inspections/{week.Number}",
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                created++;
            }
            catch (DbUpdateException)
            {
                // Another instance reminded this officer first: the unique key kept it to one.
                db.ChangeTracker.Clear();
            }
        }
        return created;
    }
}
