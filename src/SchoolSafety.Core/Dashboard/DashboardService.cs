using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Defences;
using SchoolSafety.Drills;
using SchoolSafety.Education;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Ledger;
using SchoolSafety.Schools;
using SchoolSafety.Training;

namespace SchoolSafety.Dashboard;

public sealed record DashboardFilter(int? TermId, int? Week, string? Township, SchoolType? Type);

public sealed record InspectionFigureSet(int SubmittedThisWeek, int Expected, double? TermCompletionPercent, int MissingTwoOrMore);

public sealed record DrillFigureSet(int Compliant, int Schools, double? MeetingStandardPercent, int? MedianSeconds);

public sealed record EducationFigureSet(int FirstLesson, int Schools, double? TopicCoveragePercent, int SchoolsAtCountyTraining);

/// <summary>One week of the term on the charts: inspections submitted, tickets opened and closed.</summary>
public sealed record WeekPoint(SchoolWeek Week, int Submitted, int Opened, int Closed);

public sealed record TownshipBar(string Township, int Open, int Overdue, int GuardsShort);

/// <summary>One county's line when the dashboard covers several (a city or a province).</summary>
public sealed record CountyLine(int Id, string Name, int Schools, int Submitted, int Expected, int Open, int Overdue, int MajorOpen, int GuardsShort, int Red)
{
    public double? CompletionPercent => Expected == 0 ? null : Math.Round(100.0 * Submitted / Expected, 1);
}

/// <summary>Schools missing one of the required documents, and schools without this year's letter with the bureau.</summary>
public sealed record LedgerFigureSet(int MissingDocuments, int LetterNotSigned, int Year);

/// <summary>One school's line in the dashboard table.</summary>
public sealed record SchoolLine(School School, int Submitted, int Expected, int TrailingMisses, int Open, int Overdue, int MajorOpen,
    bool DrillCompliant, bool FirstLesson, int GuardsShort, RiskLevel Risk, IReadOnlyList<string> Reasons);

public sealed record DashboardData(
    IReadOnlyList<Term> Terms, Term? Term, IReadOnlyList<SchoolWeek> Weeks, SchoolWeek? Week, int Schools,
    InspectionFigureSet Inspections, TicketFigureSet Tickets, DrillFigureSet Drills, EducationFigureSet Education,
    DefenceFigureSet Defences, LedgerFigureSet Ledger, IReadOnlyList<WeekPoint> Weekly, IReadOnlyList<TownshipBar> Townships, IReadOnlyList<SchoolLine> Lines)
{
    /// <summary>The breakdown by county; empty when the schools are all in one county.</summary>
    public IReadOnlyList<CountyLine> Counties { get; init; } = [];
}

/// <summary>
/// The dashboard of any set of schools (a county, a city, a province, or one school): a handful of
/// queries over all the schools at once. Inspections, the term's tickets and education come from one
/// <see cref="SchoolTermSummary"/> row per school (kept on write); open tickets, training and the ledger are
/// counted by the database (grouped); drills and the three defences from one <see cref="SchoolStanding"/> row per school
/// (kept on write, judged again for the schools whose row does not hold today); then the per-school lines and the
/// figures are added up.
/// </summary>
public sealed class DashboardService(AppDbContext db, RiskOptions risk)
{
    public async Task<DashboardData> BuildAsync(IQueryable<School> scope, DateOnly today, DashboardFilter filter, CancellationToken ct = default)
    {
        var schools = scope.Where(s => s.IsActive);
        if (!string.IsNullOrEmpty(filter.Township)) schools = schools.Where(s => s.Township == filter.Township);
        if (filter.Type is { } type) schools = schools.Where(s => s.Type == type);
        // Only what the page shows and counts of each school (a province has 20,000), with their jurisdictions read once.
        var nodes = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, ct);
        var list = await schools.AsNoTracking().OrderBy(s => s.Code)
            .Select(s => new School
            {
                Id = s.Id, Code = s.Code, Name = s.Name, Type = s.Type, Township = s.Township, JurisdictionId = s.JurisdictionId,
                Students = s.Students, BoardingStudents = s.BoardingStudents, IsActive = s.IsActive,
            })
            .ToListAsync(ct);
        foreach (var school in list) school.Jurisdiction = nodes[school.JurisdictionId];
        // Every query below selects its schools with this subquery, never with a list of ids (20,000 ids would not fit a statement).
        var ids = schools.Select(s => s.Id);

        // The term: the one asked for, else the one the first school is in today (counties below one node share their terms).
        var allTerms = await db.Terms.Include(t => t.Jurisdiction).OrderBy(t => t.Start).ToListAsync(ct);
        var paths = list.Select(s => s.Jurisdiction!.Path).Distinct().ToList();
        var terms = allTerms.Where(t => paths.Any(p => p.StartsWith(t.Jurisdiction!.Path, StringComparison.Ordinal))).ToList();
        var term = terms.FirstOrDefault(t => t.Id == filter.TermId) ?? (list.Count == 0 ? null : Term.CurrentFor(terms, list[0].Jurisdiction!.Path, today));
        var thisWeek = SchoolWeek.Of(today);
        var weeks = term?.Weeks().Where(w => w.Number <= thisWeek.Number).ToList() ?? [];
        SchoolWeek? week = weeks.Any(w => w.Number == filter.Week) ? weeks.First(w => w.Number == filter.Week) : weeks.Count > 0 ? weeks[^1] : null;
        var from = term?.Start ?? today.AddDays(-140);
        var to = term is null ? today : (term.End < today ? term.End : today);

        // Weeks that are over (up to the chosen week) are the ones a school can have missed.
        var over = weeks.Where(w => w.Number < thisWeek.Number && (week is null || w.Number <= week.Value.Number)).ToList();
        // One summary row per school for the term (weeks submitted, tickets found and closed, education), kept on write.
        var summaries = term is null ? [] : await SchoolTermSummaries.ReadAsync(db, ids, term.Start, ct);
        var inspections = new InspectionCounts(summaries, weeks, over);

        // Tickets: the open ones counted now, those found this term from the summaries.
        var tickets = await TicketCounts.ReadAsync(db, ids, summaries, from, to, today, ct);

        // Education: per school, whether the first lesson was given and how many of the required topics were covered.
        var required = await db.EducationTopics.AsNoTracking().Where(t => t.Required).Select(t => t.Key).ToListAsync(ct);
        var education = summaries.Values.ToDictionary(s => s.SchoolId, s => (s.FirstLesson, Covered: CountText.CountOf(s.Topics, required)));
        var atTraining = (await db.TrainingAttendees.AsNoTracking()
            .Where(a => a.SchoolId != null && ids.Contains(a.SchoolId.Value)
                        && db.TrainingSessions.Any(s => s.Id == a.SessionId && s.Level == TrainingLevel.County && s.Date >= from.AddDays(-14) && s.Date <= to))
            .Select(a => a.SchoolId!.Value).Distinct().ToListAsync(ct)).ToHashSet();

        // Drills and the three defences: each school's standing today, kept on write (ADR 0018).
        var standings = await SchoolStandings.ReadAsync(db, ids, list.Select(s => s.Id).ToList(), today, ct);
        var defenceOf = list.ToDictionary(s => s.Id, s => standings[s.Id].Defence(s));
        var (missingDocuments, letterNotSigned) = await LedgerStatus.CountsAsync(db, ids, today.Year, ct);
        var ledger = new LedgerFigureSet(missingDocuments, letterNotSigned, today.Year);

        var lines = list.Select(s =>
        {
            var (done, trailing) = (inspections.Submitted(s.Id), inspections.TrailingMisses(s.Id));
            var mine = tickets.Of(s.Id);
            var drillMissed = standings[s.Id].DrillMissed;
            var defence = defenceOf[s.Id];
            var signals = new RiskSignals(mine.Overdue, mine.OverdueMajor, mine.OverdueSupervised, mine.MajorOpen, mine.Repeats, mine.Rejections, trailing, drillMissed)
            {
                GuardsShort = defence.GuardsShort,
                TechnicalGap = defence.Has(GapKind.RetentionShort) || defence.Has(GapKind.BlindSpots) || defence.Has(GapKind.AlarmNotLinked) || defence.Has(GapKind.NoAlarm),
            };
            var (level, reasons) = SchoolRisk.Assess(signals, risk);
            return new SchoolLine(s, done, over.Count, trailing, mine.Open, mine.Overdue, mine.MajorOpen, !drillMissed,
                education.GetValueOrDefault(s.Id).FirstLesson, signals.GuardsShort, level, reasons);
        }).ToList();

        var longestMiss = list.Count(s => inspections.LongestMiss(s.Id) >= 2);
        var completion = over.Count == 0 || list.Count == 0 ? (double?)null
            : Math.Round(100.0 * lines.Sum(l => l.Submitted) / (over.Count * list.Count), 1);
        var inspectionFigures = new InspectionFigureSet(
            week is null ? 0 : inspections.InWeek(week.Value), week is null ? 0 : list.Count, completion, longestMiss);

        var statuses = list.Select(s => standings[s.Id]).Where(d => d.DrillTermStart is not null).ToList();
        var durations = statuses.SelectMany(d => d.DrillDurations()).Order().ToList();
        var drillCount = statuses.Sum(d => d.Drills);
        var drillFigures = new DrillFigureSet(statuses.Count(d => d.DrillCompliant), list.Count,
            drillCount == 0 ? null : Math.Round(100.0 * statuses.Sum(d => d.DrillsMeetingStandard) / drillCount, 1), DrillCompliance.Median(durations));

        var coverage = list.Count == 0 || required.Count == 0 ? (double?)null
            : Math.Round(100.0 * list.Sum(s => education.GetValueOrDefault(s.Id).Covered) / (list.Count * required.Count), 1);
        var educationFigures = new EducationFigureSet(lines.Count(l => l.FirstLesson), list.Count, coverage, list.Count(s => atTraining.Contains(s.Id)));

        var weekly = weeks.Select((w, i) =>
        {
            var (found, closed) = tickets.InWeek(i);
            return new WeekPoint(w, inspections.InWeek(w), found, closed);
        }).ToList();
        var townships = lines.GroupBy(l => l.School.Township)
            .Select(g => new TownshipBar(g.Key, g.Sum(l => l.Open), g.Sum(l => l.Overdue), g.Sum(l => l.GuardsShort)))
            .OrderByDescending(t => t.Overdue).ThenByDescending(t => t.Open).ThenBy(t => t.Township).ToList();

        var counties = lines.GroupBy(l => (l.School.JurisdictionId, l.School.Jurisdiction!.Name))
            .Select(g => new CountyLine(g.Key.JurisdictionId, g.Key.Name, g.Count(), g.Sum(l => l.Submitted), g.Sum(l => l.Expected), g.Sum(l => l.Open), g.Sum(l => l.Overdue),
                g.Sum(l => l.MajorOpen), g.Sum(l => l.GuardsShort), g.Count(l => l.Risk == RiskLevel.Red)))
            .OrderByDescending(c => c.Red).ThenByDescending(c => c.Overdue).ThenBy(c => c.Name).ToList();

        return new DashboardData(terms, term, weeks, week, list.Count, inspectionFigures, tickets.Figures, drillFigures, educationFigures,
            DefenceFigures.Count(list.Select(s => defenceOf[s.Id]).ToList()), ledger, weekly, townships, lines) { Counties = counties.Count > 1 ? counties : [] };
    }
}
