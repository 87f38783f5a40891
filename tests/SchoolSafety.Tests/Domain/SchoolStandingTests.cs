using SchoolSafety.Dashboard;
using SchoolSafety.Defences;
using SchoolSafety.Drills;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Tests.Domain;

/// <summary>A school's standing made from its judged defences and drills, and read back as the dashboard counts it.</summary>
public class SchoolStandingTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Fact]
    public void A_standing_keeps_what_the_figures_count_of_the_judgement()
    {
        var school = new School { Id = 7, Code = "S7", Name = "七小", Type = SchoolType.Primary, Township = "甲镇", Students = 1600, BoardingStudents = 40 };
        var record = new DefenceRecord
        {
            SchoolId = 7, EffectiveFrom = Day, Cameras = 12, RetentionDays = 20, BlindSpots = 3, BlindSpotsDescription = "操场东侧", Alarm = AlarmState.Local,
            Guards = [new DefenceGuard { BirthYear = 1960, Education = EducationLevel.SeniorMiddle, HasCertificate = true, FullTime = true }],
        };
        var defence = DefenceRules.Assess(school, record, StandardRuleSet.Defaults(), Day);
        var term = new Term { Start = new(2026, 9, 1), End = new(2027, 1, 22) };
        var periods = DrillFrequency.Periods(school.Type, term, [new DateOnly(2026, 9, 8), new DateOnly(2026, 10, 9)], Day);
        var drill = new SchoolDrillStatus(school, term, periods, 3, 2, 100) { Durations = [95, 100, 100] };

        var standing = SchoolStanding.Of(defence, drill, Day, new DateOnly(2026, 11, 30));

        // 1,600 students: three guards, one more for the 600 above 1,000 (one per full 500); one guard present, aged 66.
        Assert.Equal((4, 1), (standing.GuardsRequired, standing.GuardsPresent));
        Assert.Equal(defence.Gaps.Select(g => (g.Kind, g.Count)).OrderBy(g => g.Kind), standing.GapCounts());
        Assert.Contains((GapKind.GuardsShort, 3), standing.GapCounts());
        Assert.Contains((GapKind.GuardsOverAge, 1), standing.GapCounts());
        Assert.Contains((GapKind.BlindSpots, 3), standing.GapCounts());
        Assert.Equal(20, standing.RetentionDays);
        var (judged, kept) = (defence.Tally, standing.Defence(school));
        Assert.Equal((judged.GuardsRequired, judged.GuardsPresent, judged.GuardsShort, judged.RetentionDays), (kept.GuardsRequired, kept.GuardsPresent, kept.GuardsShort, kept.RetentionDays));
        Assert.Equal(judged.Gaps.OrderBy(g => g.Kind), kept.Gaps);

        Assert.Equal((new DateOnly(2026, 9, 1), true, false, 3, 2), (standing.DrillTermStart, standing.DrillCompliant, standing.DrillMissed, standing.Drills, standing.DrillsMeetingStandard));
        Assert.Equal("95:1,100:2", standing.DrillSeconds);
        Assert.Equal([95, 100, 100], standing.DrillDurations());

        Assert.True(standing.HoldsOn(Day) && standing.HoldsOn(new DateOnly(2026, 11, 30)));
        Assert.False(standing.HoldsOn(Day.AddDays(-1)) || standing.HoldsOn(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void A_school_without_a_record_or_a_term_has_no_record_and_no_drill_figures()
    {
        var school = new School { Id = 8, Type = SchoolType.Kindergarten, Students = 60 };
        var standing = SchoolStanding.Of(DefenceRules.Assess(school, null, StandardRuleSet.Defaults(), Day), new SchoolDrillStatus(school, null, [], 0, 0, null), Day, Day);

        Assert.Equal([(GapKind.NoRecord, 1)], standing.GapCounts());
        Assert.Equal((1, 0, (int?)null), (standing.GuardsRequired, standing.GuardsPresent, standing.RetentionDays));
        Assert.Equal(((DateOnly?)null, false, false, ""), (standing.DrillTermStart, standing.DrillCompliant, standing.DrillMissed, standing.DrillSeconds));
    }
}
