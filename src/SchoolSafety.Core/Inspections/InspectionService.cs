using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Hazards;
using SchoolSafety.Schools;

namespace SchoolSafety.Inspections;

public enum WeekStatus
{
    Open = 1,         // inside a term, not in the future
    Future = 2,
    OutsideTerm = 3,
}

/// <summary>Loads and starts inspections: the current template, the term calendar and the items due.</summary>
public sealed class InspectionService(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public SchoolWeek ThisWeek => SchoolWeek.Of(Today);

    /// <summary>The newest published version, read-only (not tracked: a submit must not drag 150 rows through change detection).</summary>
    public Task<ChecklistTemplate> CurrentTemplateAsync(CancellationToken ct = default) =>
        db.ChecklistTemplates.AsNoTracking().Where(t => t.Status == TemplateStatus.Published)
            .OrderByDescending(t => t.Version)
            .Include(t => t.Items).ThenInclude(i => i.CheckPoints)
            .AsSplitQuery()
            .FirstAsync(ct);

    /// <summary>The terms that apply to a school: those set at its county or at any node above it.</summary>
    public Task<List<Term>> TermsForAsync(School school, CancellationToken ct = default)
    {
        var path = school.Jurisdiction?.Path ?? throw new InvalidOperationException("Load School.Jurisdiction first.");
        return db.Terms.Where(t => path.StartsWith(t.Jurisdiction!.Path)).OrderBy(t => t.Start).ToListAsync(ct);
    }

    public async Task<WeekStatus> CheckWeekAsync(School school, SchoolWeek week, CancellationToken ct = default)
    {
        if (week.Monday > Today) return WeekStatus.Future;
        var terms = await TermsForAsync(school, ct);
        return terms.Any(t => t.Contains(week)) ? WeekStatus.Open : WeekStatus.OutsideTerm;
    }

    /// <summary>The term containing the given day, or the last one before it.</summary>
    public async Task<Term?> TermAtAsync(School school, DateOnly day, CancellationToken ct = default)
    {
        var terms = await TermsForAsync(school, ct);
        return terms.LastOrDefault(t => t.Start <= day);
    }

    public Task<Inspection?> CurrentAsync(int schoolId, SchoolWeek week, CancellationToken ct = default) =>
        WithDetails(db.Inspections).FirstOrDefaultAsync(i => i.SchoolId == schoolId && i.WeekNumber == week.Number && i.IsCurrent, ct);

    public Task<Inspection?> RevisionAsync(int schoolId, SchoolWeek week, int revision, CancellationToken ct = default) =>
        WithDetails(db.Inspections).FirstOrDefaultAsync(i => i.SchoolId == schoolId && i.WeekNumber == week.Number && i.Revision == revision, ct);

    private static IQueryable<Inspection> WithDetails(IQueryable<Inspection> q) =>
        q.Include(i => i.Template)
            .Include(i => i.Results).ThenInclude(r => r.Item).ThenInclude(i => i!.CheckPoints)
            .Include(i => i.Results).ThenInclude(r => r.Photos)
            .AsSplitQuery();

    /// <summary>The items due this week on the current template, given what the school already did this month.</summary>
    public async Task<IReadOnlyList<ChecklistItem>> DueItemsAsync(int schoolId, SchoolWeek week, ChecklistTemplate template, CancellationToken ct = default)
    {
        var done = await DoneThisMonthAsync(schoolId, week, ct);
        return InspectionSchedule.DueItems(template, week, done);
    }

    /// <summary>A new draft with one empty answer per due item.</summary>
    public async Task<Inspection> StartDraftAsync(School school, SchoolWeek week, string? userId, CancellationToken ct = default)
    {
        var template = await CurrentTemplateAsync(ct);
        var due = await DueItemsAsync(school.Id, week, template, ct);
        var inspection = new Inspection
        {
            SchoolId = school.Id, TemplateId = template.Id, WeekNumber = week.Number,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = userId,
            UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedById = userId,
            Results = due.Select(i => new InspectionResult { ItemId = i.Id }).ToList(),
        };
        db.Inspections.Add(inspection);
        return inspection;
    }

    /// <summary>The school's current answer to a special inspection, if it has started one.</summary>
    public Task<Inspection?> CampaignResponseAsync(int schoolId, Campaign campaign, CancellationToken ct = default) =>
        WithDetails(db.Inspections).FirstOrDefaultAsync(i => i.SchoolId == schoolId && i.WeekNumber == campaign.ResponseNumber && i.IsCurrent, ct);

    /// <summary>A special inspection aimed at the school, with its items; null when it is not aimed at it.</summary>
    public Task<Campaign?> CampaignForAsync(int schoolId, int campaignId, CancellationToken ct = default) =>
        db.Campaigns.Include(c => c.Template).ThenInclude(t => t!.Items).ThenInclude(i => i.CheckPoints).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == campaignId && c.Schools.Any(s => s.SchoolId == schoolId), ct);

    /// <summary>A new draft answer to a special inspection, one empty answer per item.</summary>
    public Inspection StartCampaignDraft(School school, Campaign campaign, string? userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inspection = new Inspection
        {
            SchoolId = school.Id, TemplateId = campaign.TemplateId, WeekNumber = campaign.ResponseNumber, CampaignId = campaign.Id,
            CreatedAt = now, CreatedById = userId, UpdatedAt = now, UpdatedById = userId,
            Results = campaign.Template!.Items.OrderBy(i => i.Number).Select(i => new InspectionResult { ItemId = i.Id }).ToList(),
        };
        db.Inspections.Add(inspection);
        return inspection;
    }

    /// <summary>Keys of items answered in the school's other submitted inspections of the same calendar month.</summary>
    public async Task<IReadOnlySet<string>> DoneThisMonthAsync(int schoolId, SchoolWeek week, CancellationToken ct = default)
    {
        var month = InspectionSchedule.MonthOf(week);
        var weeks = new List<int>();
        for (var w = SchoolWeek.Of(new DateOnly(month.Year, month.Month, 1)).Previous(); w.Monday <= new DateOnly(month.Year, month.Month, 1).AddMonths(1); w = w.Next())
            if (InspectionSchedule.MonthOf(w) == month && w != week) weeks.Add(w.Number);
        var keys = await db.InspectionResults
            .Where(r => r.Inspection!.SchoolId == schoolId && r.Inspection.IsCurrent && weeks.Contains(r.Inspection.WeekNumber)
                        && r.Inspection.Status != InspectionStatus.Draft && r.Outcome != null)
            .Select(r => r.Item!.Key)
            .Distinct()
            .ToListAsync(ct);
        return keys.ToHashSet();
    }

    /// <summary>Submits, opening the tickets; the caller saves.</summary>
    public async Task<IReadOnlyList<HazardTicket>> SubmitAsync(Inspection inspection, School school, string userId, CancellationToken ct = default, string? userName = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var last = await TicketService.LastNumberAsync(db, school, now.Year, ct);
        var copiedFrom = inspection.Results.Where(r => r.CopiedFromResultId != null).Select(r => r.CopiedFromResultId!.Value).ToList();
        var ticketed = (await db.HazardTickets.Where(t => t.InspectionResultId != null && copiedFrom.Contains(t.InspectionResultId.Value))
            .Select(t => t.InspectionResultId!.Value).ToListAsync(ct)).ToHashSet();
        var tickets = InspectionRules.Submit(inspection, now, userId, school.Code, last, ticketed);
        foreach (var e in tickets.SelectMany(t => t.Events)) e.UserName = userName;
        db.HazardTickets.AddRange(tickets);
        if (inspection.CampaignId is null)
        {
            // The week's reminder has done its job: it leaves the bell of every officer of the school.
            var key = inspection.WeekNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var reminders = await db.Notifications
                .Where(n => n.Kind == SchoolSafety.Notifications.InspectionReminders.Kind && n.Key == key && n.SchoolId == school.Id && n.ReadAt == null)
                .ToListAsync(ct);
            foreach (var n in reminders) n.ReadAt = now;
        }
        return tickets;
    }
}
