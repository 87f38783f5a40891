using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Data;
using SchoolSafety.Defences;
using SchoolSafety.Hazards;
using SchoolSafety.Ledger;
using SchoolSafety.Schools;
using SchoolSafety.Training;

namespace SchoolSafety.Reports;

/// <summary>二、培训: county sessions (with their titles as topics) and the schools' own sessions and lessons in the term.</summary>
public sealed record TrainingFigures(int CountySessions, int CountyAttendees, int SchoolsAtCounty, IReadOnlyList<string> CountyTitles,
    int SchoolSessions, int SchoolAttendees, int SchoolsWithSession, int FirstLessonSchools, int EducationActivities, int StudentsReached);

/// <summary>The guards present in the schools' records: how many, their ages and education against the rules.</summary>
public sealed record GuardProfile(int Guards, int? AverageAge, int? OldestAge, int MaxAge, int OverAge, int OverAgeSchools,
    Defences.EducationLevel MinEducation, int Undereducated, int UndereducatedSchools);

/// <summary>Hazards found in the term for one checklist item, and how many of them are closed.</summary>
public sealed record ItemHazards(int Number, string Name, int Found, int Closed);

/// <summary>Surroundings problems of one kind observed in the term.</summary>
public sealed record SurroundingsLine(SurroundingsKind Kind, int Problems, int Schools, int Unresolved);

/// <summary>Everything the term report prints: the dashboard's figures and what only the report needs.</summary>
public sealed record TermReportData(
    DashboardData Dashboard, string Node, TermReportNarrative? Narrative, TrainingFigures Training, GuardProfile Guards,
    int RetentionRuleDays, int BlindSpots, IReadOnlyList<ItemHazards> ByItem, IReadOnlyList<SurroundingsLine> Surroundings,
    IReadOnlyList<string> Campaigns, int ChecklistItems);

/// <summary>
/// Gathers the term report's figures for the schools of a node: <see cref="DashboardService"/> for
/// everything the dashboard shows (so paper and screen agree), and here what only the report prints —
/// training, the guards' ages and education, hazards per checklist item, blind spots, surroundings.
/// </summary>
public sealed class TermReportService(AppDbContext db, DashboardService dashboard, DefenceFigures defences)
{
    public async Task<TermReportData?> BuildAsync(IQueryable<School> scope, int jurisdictionId, string node, int? termId, DateOnly today, CancellationToken ct = default)
    {
        var data = await dashboard.BuildAsync(scope, today, new DashboardFilter(termId, null, null, null), ct);
        if (data.Term is not { } term) return null;
        var from = term.Start;
        var to = term.End < today ? term.End : today;
        var ids = data.Lines.Select(l => l.School.Id).ToList();
        var narrative = await db.TermReportNarratives.AsNoTracking().FirstOrDefaultAsync(n => n.JurisdictionId == jurisdictionId && n.TermId == term.Id, ct);

        // 二、培训
        var county = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.Level == TrainingLevel.County && s.Date >= from && s.Date <= to && s.Attendees.Any(a => a.SchoolId != null && ids.Contains(a.SchoolId.Value)))
            .OrderBy(s => s.Date).Select(s => new { s.Title, s.AttendeeCount, Schools = s.Attendees.Where(a => a.SchoolId != null && ids.Contains(a.SchoolId.Value)).Select(a => a.SchoolId) })
            .ToListAsync(ct);
        var own = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.Level == TrainingLevel.School && s.SchoolId != null && ids.Contains(s.SchoolId.Value) && s.Date >= from && s.Date <= to)
            .Select(s => new { s.SchoolId, s.AttendeeCount }).ToListAsync(ct);
        var education = await db.EducationRecords.AsNoTracking().Where(r => ids.Contains(r.SchoolId) && r.Date >= from && r.Date <= to)
            .Select(r => r.StudentsReached).ToListAsync(ct);
        var training = new TrainingFigures(county.Count, county.Sum(s => s.AttendeeCount), county.SelectMany(s => s.Schools).Distinct().Count(),
            county.Select(s => s.Title).Distinct().ToList(), own.Count, own.Sum(s => s.AttendeeCount), own.Select(s => s.SchoolId).Distinct().Count(),
            data.Education.FirstLesson, education.Count, education.Sum());

        // 四、存在问题与不足: guards, cameras.
        var statuses = await defences.StatusesAsync(db.Schools.Where(s => ids.Contains(s.Id)), today, ct);
        var guards = statuses.Where(s => s.Record is not null).SelectMany(s => s.Record!.Guards.Select(g => (Status: s, Guard: g))).ToList();
        var rules = statuses.GroupBy(s => s.Rules.MinRetentionDays).OrderByDescending(g => g.Count()).Select(g => g.First().Rules).FirstOrDefault() ?? StandardRuleSet.Defaults();
        var ages = guards.Select(g => g.Guard.AgeIn(today.Year)).ToList();
        var profile = new GuardProfile(guards.Count, ages.Count == 0 ? null : (int)Math.Round(ages.Average()), ages.Count == 0 ? null : ages.Max(),
            rules.GuardMaxAge, guards.Count(g => g.Guard.AgeIn(today.Year) > g.Status.Rules.GuardMaxAge), data.Defences.SchoolsWithGap(GapKind.GuardsOverAge),
            rules.GuardMinEducation, guards.Count(g => g.Guard.Education < g.Status.Rules.GuardMinEducation), data.Defences.SchoolsWithGap(GapKind.GuardsUndereducated));
        var blindSpots = statuses.Where(s => s.Record is { Cameras: > 0 }).Sum(s => s.Record!.BlindSpots);

        // 三、排查: hazards found in the term by checklist item.
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        var tickets = await db.HazardTickets.AsNoTracking()
            .Where(t => ids.Contains(t.SchoolId) && t.FoundAt >= start && t.FoundAt < end && t.ChecklistItemId != null)
            .Select(t => new { t.ChecklistItem!.Number, t.ChecklistItem.NameZh, Closed = t.Status == HazardStatus.Closed })
            .ToListAsync(ct);
        var byItem = tickets.GroupBy(t => (t.Number, t.NameZh))
            .Select(g => new ItemHazards(g.Key.Number, g.Key.NameZh, g.Count(), g.Count(t => t.Closed)))
            .OrderByDescending(i => i.Found).ThenBy(i => i.Number).ToList();

        var surroundings = (await db.SurroundingsIssues.AsNoTracking()
                .Where(i => ids.Contains(i.SchoolId) && i.ObservedOn >= from && i.ObservedOn <= to)
                .Select(i => new { i.Kind, i.SchoolId, i.Status }).ToListAsync(ct))
            .GroupBy(i => i.Kind)
            .Select(g => new SurroundingsLine(g.Key, g.Count(), g.Select(i => i.SchoolId).Distinct().Count(), g.Count(i => i.Status != SurroundingsStatus.Resolved)))
            .OrderByDescending(l => l.Problems).ThenBy(l => l.Kind).ToList();

        // 一、部署: the campaigns (专项检查) the schools were asked to run in the term, and the checklist they inspect against.
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Start >= from && c.Start <= to && c.Schools.Any(s => ids.Contains(s.SchoolId)))
            .OrderBy(c => c.Start).Select(c => c.Title).ToListAsync(ct);
        var items = await db.ChecklistTemplates.AsNoTracking().Where(t => t.Status == Inspections.TemplateStatus.Published)
            .OrderByDescending(t => t.Version).Select(t => t.Items.Count).FirstOrDefaultAsync(ct);

        return new TermReportData(data, node, narrative, training, profile, rules.MinRetentionDays, blindSpots, byItem, surroundings, campaigns, items);
    }
}
