using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;

namespace SchoolSafety.Notifications;

/// <summary>
/// Tells the people of a ticket what they must do: the responsible person when it is assigned, due in
/// two days or overdue; the verifier when it is rectified; the rectifier when it is rejected; the
/// requester when an extension is decided; the school when the bureau supervises it; the bureau when a
/// 重大 or supervised ticket goes overdue. Safe to run any number of times from any number of
/// instances: (user, kind, key) is unique, so each person hears of each event once.
/// </summary>
public sealed class TicketNotifications(AppDbContext db, TimeProvider clock)
{
    /// <summary>Ticket moves older than this are history, not news (covers a service that was down for a weekend).</summary>
    public static readonly TimeSpan EventWindow = TimeSpan.FromDays(3);

    /// <summary>Deadlines passed longer ago than this are on the lists, not announced again.</summary>
    public const int OverdueWindowDays = 30;

    private static readonly TicketEventKind[] Announced =
        [TicketEventKind.Opened, TicketEventKind.Rectified, TicketEventKind.Rejected, TicketEventKind.Supervised, TicketEventKind.ExtensionApproved, TicketEventKind.ExtensionRefused];

    private sealed record TicketRow(int Id, string Number, int SchoolId, HazardGrade Grade, HazardSource Source, string? ResponsibleUserId, string? RectifiedById,
        DateOnly Deadline, DateOnly? SupervisionDue, bool IsSupervised, DateTime? RectifiedAt);

    private sealed record Person(string Id, string Role, int? SchoolId, string? Path);

    private readonly List<Notification> candidates = [];
    private List<Person> people = [];
    private Dictionary<int, string> schoolPaths = [];

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var since = now - EventWindow;
        candidates.Clear();

        var events = await db.TicketEvents.Where(e => e.At >= since && Announced.Contains(e.Kind))
            .Select(e => new { e.Id, e.TicketId, e.Kind, e.UserId, e.Note, e.At }).ToListAsync(ct);
        var soon = today.AddDays(HazardRules.DueSoonDays);
        var oldest = today.AddDays(-OverdueWindowDays);
        var eventTickets = events.Select(e => e.TicketId).Distinct().ToList();
        var tickets = await db.HazardTickets
            .Where(t => eventTickets.Contains(t.Id) || (t.Status != HazardStatus.Closed && t.Deadline >= oldest && t.Deadline <= soon))
            .Select(t => new TicketRow(t.Id, t.Number, t.SchoolId, t.Grade, t.Source, t.ResponsibleUserId, t.RectifiedById, t.Deadline, t.SupervisionDue, t.IsSupervised, t.RectifiedAt))
            .ToDictionaryAsync(t => t.Id, ct);
        if (tickets.Count == 0) return 0;
        await LoadPeopleAsync(tickets.Values.Select(t => t.SchoolId).Distinct().ToList(), ct);

        // The requester of an extension is on the request's event, which may be older than the window.
        var decided = events.Where(e => e.Kind is TicketEventKind.ExtensionApproved or TicketEventKind.ExtensionRefused).Select(e => e.TicketId).ToList();
        var requests = await db.TicketEvents.Where(e => decided.Contains(e.TicketId) && e.Kind == TicketEventKind.ExtensionRequested)
            .Select(e => new { e.TicketId, e.Id, e.UserId }).ToListAsync(ct);

        foreach (var e in events)
        {
            var t = tickets[e.TicketId];
            var key = e.Id.ToString(CultureInfo.InvariantCulture);
            switch (e.Kind)
            {
                case TicketEventKind.Opened:
                    var told = Responsible(t).Concat(t.Source == HazardSource.CountyCheck ? Staff(t.SchoolId, Roles.SchoolLeader) : []);
                    Add(told.Where(u => u != e.UserId), "TicketAssigned", key, t, "Notification.TicketAssigned", t.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case TicketEventKind.Rectified:
                    var due = ChinaTime.DateOf(e.At).AddDays(HazardRules.VerificationDays);
                    Add(Verifiers(t).Where(u => u != e.UserId), "TicketToVerify", key, t, "Notification.TicketToVerify", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case TicketEventKind.Rejected:
                    Add(Responsible(t).Append(t.RectifiedById).OfType<string>().Where(u => u != e.UserId), "TicketRejected", key, t, "Notification.TicketRejected", Short(e.Note));
                    break;
                case TicketEventKind.Supervised:
                    Add(Staff(t.SchoolId, Roles.SafetyOfficer, Roles.SchoolLeader), "TicketSupervised", key, t, "Notification.TicketSupervised",
                        t.SupervisionDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
                    break;
                default:
                    var requester = requests.Where(r => r.TicketId == e.TicketId && r.Id < e.Id).MaxBy(r => r.Id)?.UserId;
                    if (requester is null) break;
                    Add([requester], "TicketExtension", key, t,
                        e.Kind == TicketEventKind.ExtensionApproved ? "Notification.TicketExtensionApproved" : "Notification.TicketExtensionRefused",
                        t.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
            }
        }

        foreach (var t in tickets.Values.Where(t => t.Deadline >= oldest && t.Deadline <= soon))
        {
            var key = $"{t.Id}:{t.Deadline.DayNumber}";
            var deadline = t.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (t.Deadline >= today)
            {
                Add(Responsible(t), "TicketDueSoon", key, t, "Notification.TicketDueSoon", deadline);
            }
            else
            {
                var county = t.Grade == HazardGrade.Major || t.IsSupervised ? County(t.SchoolId) : [];
                Add(Responsible(t).Concat(Staff(t.SchoolId, Roles.SchoolLeader)).Concat(county), "TicketOverdue", key, t, "Notification.TicketOverdue", deadline);
            }
        }
        return await SaveAsync(ct);
    }

    /// <summary>The people of the schools concerned, and the county staff with the jurisdiction paths they see.</summary>
    private async Task LoadPeopleAsync(List<int> schoolIds, CancellationToken ct)
    {
        schoolPaths = await db.Schools.Where(s => schoolIds.Contains(s.Id)).Select(s => new { s.Id, s.Jurisdiction!.Path }).ToDictionaryAsync(s => s.Id, s => s.Path, ct);
        people = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where !u.IsDisabled && ((u.SchoolId != null && schoolIds.Contains(u.SchoolId.Value)) || (u.JurisdictionId != null && r.Name == Roles.CountyStaff))
            select new Person(u.Id, r.Name!, u.SchoolId, u.Jurisdiction != null ? u.Jurisdiction.Path : null)).ToListAsync(ct);
    }

    private IEnumerable<string> Staff(int schoolId, params string[] roles) =>
        people.Where(p => p.SchoolId == schoolId && roles.Contains(p.Role)).Select(p => p.Id);

    private IEnumerable<string> County(int schoolId) =>
        people.Where(p => p.Path is { } path && schoolPaths.TryGetValue(schoolId, out var sp) && sp.StartsWith(path, StringComparison.Ordinal)).Select(p => p.Id);

    /// <summary>The responsible user, or the school's safety officers when the responsible person is named only.</summary>
    private IEnumerable<string> Responsible(TicketRow t) =>
        t.ResponsibleUserId is { } id && people.Any(p => p.Id == id) ? [id] : Staff(t.SchoolId, Roles.SafetyOfficer);

    /// <summary>Who may verify: the bureau for 重大; the school's leaders for 一般, or the bureau when the school has none.</summary>
    private IEnumerable<string> Verifiers(TicketRow t)
    {
        if (t.Grade == HazardGrade.General)
        {
            var leaders = Staff(t.SchoolId, Roles.SchoolLeader).Where(u => u != t.RectifiedById).ToList();
            if (leaders.Count > 0) return leaders;
        }
        return County(t.SchoolId);
    }

    private void Add(IEnumerable<string> users, string kind, string key, TicketRow t, string messageKey, string arg)
    {
        foreach (var user in users.Distinct())
        {
            candidates.Add(new Notification
            {
                UserId = user, Kind = kind, Key = key, SchoolId = t.SchoolId, MessageKey = messageKey,
                Args = $"{t.Number}|{arg}", Link = $"/Tickets/Details/{t.Id}", CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
    }

    private static string Short(string? note) =>
        note is null ? "" : (note.Length > 100 ? note[..100] + "…" : note).Replace('|', '｜');

    private async Task<int> SaveAsync(CancellationToken ct)
    {
        var fresh = candidates.DistinctBy(n => (n.UserId, n.Kind, n.Key)).ToList();
        var kinds = fresh.Select(n => n.Kind).Distinct().ToList();
        var keys = fresh.Select(n => n.Key).Distinct().ToList();
        var existing = (await db.Notifications.Where(n => kinds.Contains(n.Kind) && keys.Contains(n.Key))
            .Select(n => new { n.UserId, n.Kind, n.Key }).ToListAsync(ct)).Select(n => (n.UserId, n.Kind, n.Key)).ToHashSet();
        fresh.RemoveAll(n => existing.Contains((n.UserId, n.Kind, n.Key)));
        if (fresh.Count == 0) return 0;
        db.Notifications.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another instance got there first with some of them: add one at a time, the unique key keeps each to one.
            db.ChangeTracker.Clear();
            var created = 0;
            foreach (var n in fresh)
            {
                n.Id = 0;
                db.Notifications.Add(n);
                try
                {
                    await db.SaveChangesAsync(ct);
                    created++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }
            return created;
        }
    }
}
