using SchoolSafety.Drills;

namespace SchoolSafety.Reports;

/// <summary>The record of one emergency drill (应急演练记录): what was drilled, the times, the headcount, the assessment against the standard, problems and actions.</summary>
public static class DrillRecord
{
    /// <param name="drill">With its <see cref="Drill.School"/> and <see cref="Drill.Photos"/> loaded.</param>
    public static PdfReport Build(Drill drill, ReportFont font, DateTimeOffset now)
    {
        var school = drill.School?.Name ?? throw new ArgumentException("Load the drill's school.", nameof(drill));
        var type = ReportNames.DrillType(drill.Type);
        var title = DrillRecordPhrases.Title(type);
        var a = DrillStandard.Assess(drill);
        var pdf = new PdfReportBuilder(font, $"{school} {title} {drill.Date:yyyy-MM-dd}", now);
        pdf.Title(title)
            .Fields([
                (DrillRecordPhrases.School, school),
                (DrillRecordPhrases.Date, ReportPhrases.Date(drill.Date)),
                (DrillRecordPhrases.Type, type),
                (DrillRecordPhrases.Announced, DrillRecordPhrases.AnnouncedText(drill.Announced)),
                (DrillRecordPhrases.Buildings, DrillRecordPhrases.BuildingsText(drill.Buildings, drill.Floors)),
                (DrillRecordPhrases.Times, DrillRecordPhrases.TimesText(drill.SignalAt, drill.AllClearAt)),
                (DrillRecordPhrases.Duration, DrillRecordPhrases.DurationText(drill.DurationSeconds, a.TargetSeconds)),
                (DrillRecordPhrases.Headcount, DrillRecordPhrases.HeadcountText(drill.StudentsCounted, drill.StudentsExpected)),
                (DrillRecordPhrases.Staff, DrillRecordPhrases.StaffText(drill.StaffTakingPart)),
                (DrillRecordPhrases.Injuries, DrillRecordPhrases.StaffText(drill.Injuries)),
                (DrillRecordPhrases.Problems, drill.Problems ?? ""),
                (DrillRecordPhrases.Actions, drill.Actions ?? ""),
                (DrillRecordPhrases.Evaluator, drill.Evaluator),
                (DrillRecordPhrases.Evaluation, drill.Evaluation ?? ""),
                (DrillRecordPhrases.Standard, DrillRecordPhrases.StandardText(a.MeetsStandard, a.WithinTarget, a.HeadcountComplete, a.NoInjuries, a.Evaluated)),
                (DrillRecordPhrases.Photos, DrillRecordPhrases.PhotosText(drill.Photos.Count)),
            ], labelShare: 0.28);
        pdf.Space(10).Signature([DrillRecordPhrases.Recorder, DrillRecordPhrases.Leader, NoticePhrases.BlankDate]);
        return pdf.Build();
    }
}
