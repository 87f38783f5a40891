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

namespace SchoolSafety.Reports;

/// <summary>Everything the school file prints for one school and one term.</summary>
public sealed record SchoolFileData(
    School School, Term Term, DateOnly To, IReadOnlyList<SchoolWeek> Weeks, IReadOnlyList<Inspection> Inspections,
    IReadOnlyList<HazardTicket> Tickets, IReadOnlyList<Drill> Drills, IReadOnlyList<TrainingSession> Training,
    IReadOnlyList<EducationRecord> Education, IReadOnlyList<RequiredDocumentType> DocumentTypes, IReadOnlyList<SafetyDocument> Documents,
    SchoolLetterStatus Letters, int LettersYear, SchoolDefenceStatus Defences);

/// <summary>
/// The school file (一校一档) as a PDF: the school's profile, the term's weekly inspections, hazard
/// tickets, drills, training and safety education, the ledger documents and responsibility letters,
/// and the three defences with the gaps measured against the rules in force.
/// </summary>
public static class SchoolFileReport
{
    /// <param name="school">Already checked against the user's scope, with its jurisdiction.</param>
    public static async Task<SchoolFileData> LoadAsync(AppDbContext db, DefenceFigures defences, School school, Term term, DateOnly today, CancellationToken ct = default)
    {
        var to = term.End < today ? term.End : today;
        var weeks = term.Weeks().Where(w => w.Monday <= to).ToList();
        var numbers = weeks.Select(w => w.Number).ToList();
        var inspections = await db.Inspections.AsNoTracking().Include(i => i.Results)
            .Where(i => i.SchoolId == school.Id && i.IsCurrent && i.CampaignId == null && numbers.Contains(i.WeekNumber))
            .OrderBy(i => i.WeekNumber).ToListAsync(ct);
        var start = new DateTimeOffset(term.Start.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        var tickets = await db.HazardTickets.AsNoTracking()
            .Where(t => t.SchoolId == school.Id && t.FoundAt < end && (t.FoundAt >= start || t.Status != HazardStatus.Closed))
            .OrderBy(t => t.FoundAt).ToListAsync(ct);
        var drills = await db.Drills.AsNoTracking().Where(d => d.SchoolId == school.Id && d.Date >= term.Start && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
        var training = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.Date >= term.Start && s.Date <= to
                        && (s.SchoolId == school.Id || s.Level == TrainingLevel.County && s.Attendees.Any(a => a.SchoolId == school.Id)))
            .OrderBy(s => s.Date).ToListAsync(ct);
        var education = await db.EducationRecords.AsNoTracking().Where(r => r.SchoolId == school.Id && r.Date >= term.Start && r.Date <= to)
            .OrderBy(r => r.Date).ToListAsync(ct);
        var types = await LedgerStatus.RequiredTypesAsync(db, ct);
        var documents = (await db.SafetyDocuments.AsNoTracking().Where(d => d.SchoolId == school.Id).ToListAsync(ct))
            .GroupBy(d => d.DocumentTypeId).Select(g => DocumentRules.Current(g)!).Where(d => d is not null).ToList();
        var one = db.Schools.Where(s => s.Id == school.Id);
        var letters = (await LedgerStatus.LettersAsync(db, one, today.Year, ct)).SingleOrDefault() ?? new SchoolLetterStatus(school, null, null);
        var defence = (await defences.StatusesAsync(one, today, ct)).SingleOrDefault()
                      ?? DefenceRules.Assess(school, null, StandardRuleSet.Defaults(), today);
        return new SchoolFileData(school, term, to, weeks, inspections, tickets, drills, training, education, types, documents, letters, today.Year, defence);
    }

    /// <param name="gapText">The Chinese sentence of a three-defences gap (the app's own wording).</param>
    public static PdfReport Build(SchoolFileData d, Func<DefenceGap, string> gapText, ReportFont font, DateTimeOffset now)
    {
        var s = d.School;
        var title = SchoolFilePhrases.Title(s.Name);
        var pdf = new PdfReportBuilder(font, title, now);
        pdf.Title(title)
            .Paragraph(SchoolFilePhrases.Subtitle(d.Term.Name, d.Term.Start, d.To), indent: false, alignRight: true);

        pdf.Heading(SchoolFilePhrases.ProfileHeading)
            .Fields([
                (SchoolFilePhrases.Name, s.Name), (SchoolFilePhrases.Code, s.Code),
                (SchoolFilePhrases.Type, ReportNames.SchoolType(s.Type)), (SchoolFilePhrases.Township, s.Township),
                (SchoolFilePhrases.Address, s.Address ?? ""),
                (SchoolFilePhrases.Size, SchoolFilePhrases.SizeText(s.Students, s.BoardingStudents, s.Staff, s.TallestBuildingFloors)),
                (SchoolFilePhrases.Principal, Person(s.PrincipalName, s.PrincipalPhone)),
                (SchoolFilePhrases.SafetyContact, Person(s.SafetyContactName, s.SafetyContactPhone)),
            ], labelShare: 0.22);

        var byWeek = d.Inspections.ToDictionary(i => i.WeekNumber);
        var done = d.Weeks.Count(w => byWeek.TryGetValue(w.Number, out var i) && i.Status != InspectionStatus.Draft);
        pdf.Heading(SchoolFilePhrases.InspectionsHeading)
            .Paragraph(SchoolFilePhrases.InspectionsText(d.Weeks.Count, done, d.Inspections.Sum(i => i.Results.Count(r => r.Outcome == Outcome.Hazard))))
            .Table(SchoolFilePhrases.InspectionHeaders, [1.1, 2.4, 1.4, 1.2, 2.0],
                d.Weeks.Select((w, n) =>
                {
                    var i = byWeek.GetValueOrDefault(w.Number);
                    return (IReadOnlyList<string>)[
                        SchoolFilePhrases.Week(n + 1), $"{w.Monday:MM-dd}～{w.Monday.AddDays(6):MM-dd}",
                        ReportNames.InspectionStatus(i?.Status), i is null ? "" : i.Results.Count(r => r.Outcome == Outcome.Hazard).ToString(),
                        i?.SubmittedAt is { } at ? $"{ChinaTime.FromUtc(at):yyyy-MM-dd HH:mm}" : ""];
                }));

        pdf.Heading(SchoolFilePhrases.TicketsHeading);
        if (d.Tickets.Count == 0) pdf.Paragraph(SchoolFilePhrases.None);
        else
            pdf.Table(SchoolFilePhrases.TicketHeaders, [2.3, 3.0, 1.2, 1.6, 1.6, 1.0],
                d.Tickets.Select(t => (IReadOnlyList<string>)[
                    t.Number, t.Description, RectificationNotice.GradePhrase(t.Grade), $"{ChinaTime.FromUtc(t.FoundAt):yyyy-MM-dd}",
                    $"{t.Deadline:yyyy-MM-dd}", ReportNames.HazardStatus(t.Status)]));

        pdf.Heading(SchoolFilePhrases.DrillsHeading);
        if (d.Drills.Count == 0) pdf.Paragraph(SchoolFilePhrases.None);
        else
            pdf.Table(SchoolFilePhrases.DrillHeaders, [1.4, 2.2, 1.1, 1.7, 0.9, 1.0],
                d.Drills.Select(x => (IReadOnlyList<string>)[
                    $"{x.Date:yyyy-MM-dd}", ReportNames.DrillType(x.Type), DrillRecordPhrases.Seconds(x.DurationSeconds),
                    $"{x.StudentsCounted}/{x.StudentsExpected}", x.Injuries.ToString(),
                    DrillStandard.Assess(x).MeetsStandard ? TermReportPhrases.Yes : TermReportPhrases.No]));

        pdf.Heading(SchoolFilePhrases.TrainingHeading);
        var rows = d.Training.Select(t => (t.Date, (IReadOnlyList<string>)[$"{t.Date:yyyy-MM-dd}", ReportNames.TrainingLevel(t.Level), t.Title, SchoolFilePhrases.People(t.AttendeeCount)]))
            .Concat(d.Education.Select(e => (e.Date, (IReadOnlyList<string>)[$"{e.Date:yyyy-MM-dd}", ReportNames.EducationKind(e.Kind), e.Title, SchoolFilePhrases.Students(e.StudentsReached)])))
            .OrderBy(r => r.Date).Select(r => r.Item2).ToList();
        if (rows.Count == 0) pdf.Paragraph(SchoolFilePhrases.None);
        else pdf.Table(SchoolFilePhrases.TrainingHeaders, [1.4, 1.6, 4.0, 1.4], rows);

        pdf.Heading(SchoolFilePhrases.LedgerHeading);
        var current = d.Documents.ToDictionary(x => x.DocumentTypeId);
        pdf.Table(SchoolFilePhrases.DocumentHeaders, [2.6, 3.4, 1.6],
            d.DocumentTypes.Select(t => current.TryGetValue(t.Id, out var doc)
                ? (IReadOnlyList<string>)[t.Name, doc.Title ?? "", $"{doc.EffectiveOn:yyyy-MM-dd}"]
                : [t.Name, SchoolFilePhrases.Missing, ""]));
        pdf.Paragraph(SchoolFilePhrases.Letters(d.LettersYear, d.Letters), indent: false);

        var r = d.Defences.Record;
        pdf.Heading(SchoolFilePhrases.DefencesHeading);
        if (r is null) pdf.Paragraph(SchoolFilePhrases.NoDefenceRecord);
        else
            pdf.Fields([
                (SchoolFilePhrases.Personnel, SchoolFilePhrases.PersonnelText(d.Defences.GuardsRequired, d.Defences.GuardsPresent, r.DormitoryManagers, r.PatrolTeam, r.GateDuty24h)),
                (SchoolFilePhrases.Physical, SchoolFilePhrases.PhysicalText(r.ClosedCampus, r.LowestWallHeight, r.AntiCollisionBarrier, r.UnsafeBuildings)),
                (SchoolFilePhrases.Technical, SchoolFilePhrases.TechnicalText(r.Cameras, r.BlindSpots, r.RetentionDays, r.Alarm)),
                (SchoolFilePhrases.RecordedOn, ReportPhrases.Date(r.EffectiveFrom)),
            ], labelShare: 0.22);
        var gaps = d.Defences.Gaps.ToList();
        pdf.Paragraph(gaps.Count == 0 ? SchoolFilePhrases.NoGaps : SchoolFilePhrases.GapsIntro(gaps.Count), indent: false);
        foreach (var (gap, i) in gaps.Select((g, i) => (g, i)))
            pdf.Paragraph($"{i + 1}. {gapText(gap)}", indent: false, size: 10.5);

        pdf.Space(12).Signature([SchoolFilePhrases.Filler, SchoolFilePhrases.Leader, NoticePhrases.BlankDate]);
        return pdf.Build();
    }

    private static string Person(string? name, string? phone) =>
        (name ?? "") + (string.IsNullOrWhiteSpace(phone) ? "" : $"（{phone}）");
}
