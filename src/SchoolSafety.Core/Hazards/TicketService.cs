using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Schools;

namespace SchoolSafety.Hazards;

/// <summary>Opens tickets by hand (county spot checks, reports) and numbers every ticket of a school.</summary>
public sealed class TicketService(AppDbContext db, TimeProvider clock)
{
    /// <summary>The school's highest running number this year: tickets read <c>{code}-{year}-{n:0000}</c>.</summary>
    public static async Task<int> LastNumberAsync(AppDbContext db, School school, int year, CancellationToken ct)
    {
        var prefix = $"{school.Code}-{year}-";
        var numbers = await db.HazardTickets.Where(t => t.SchoolId == school.Id && t.Number.StartsWith(prefix)).Select(t => t.Number).ToListAsync(ct);
        return numbers.Select(n => int.TryParse(n[prefix.Length..], out var k) ? k : 0).DefaultIfEmpty(0).Max();
    }

    /// <summary>Opens a validated ticket (see <see cref="HazardRules.Validate"/>); the caller saves.</summary>
    public async Task<HazardTicket> OpenAsync(NewTicket input, School school, TicketActor actor, string responsibleName, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = input.FoundOn!.Value;
        var ticket = new HazardTicket
        {
            Number = $"{school.Code}-{now.Year}-{await LastNumberAsync(db, school, now.Year, ct) + 1:0000}",
            SchoolId = school.Id,
            Source = input.Source!.Value,
            SourceReference = input.SourceReference?.Trim(),
            ChecklistItemId = input.ChecklistItemId,
            DrillId = input.Source == HazardSource.Drill ? input.DrillId : null,
            Place = input.Place!.Value,
            Description = input.Description!.Trim(),
            Grade = input.Grade!.Value,
            FoundById = actor.UserId,
            // Found on a past day: noon of that day, China time, so the day shown is the day entered.
            FoundAt = found == ChinaTime.Today(clock) ? now : new DateTimeOffset(found.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset).UtcDateTime,
            ResponsibleUserId = string.IsNullOrWhiteSpace(input.ResponsibleUserId) ? null : input.ResponsibleUserId,
            ResponsibleName = responsibleName.Trim(),
            ResponsiblePhone = input.ResponsiblePhone?.Trim(),
            Deadline = input.Deadline!.Value,
            InterimMeasures = string.IsNullOrWhiteSpace(input.InterimMeasures) ? null : input.InterimMeasures.Trim(),
            Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = now, UserId = actor.UserId, UserName = actor.UserName, Note = input.SourceReference?.Trim() }],
        };
        db.HazardTickets.Add(ticket);
        return ticket;
    }
}
