using SchoolSafety.Drills;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Tests.Domain;

public class DrillRuleTests
{
    private static Drill Drill(int floors = 4, int seconds = 110, int? target = null) => new()
    {
        Floors = floors, TargetSeconds = target, SignalAt = new TimeOnly(10, 0, 0), AllClearAt = new TimeOnly(10, 0, 0).Add(TimeSpan.FromSeconds(seconds)),
        StudentsExpected = 800, StudentsCounted = 800, Injuries = 0, Evaluation = "疏散有序",
    };

    [Theory]
    [InlineData(4, 120, null, true)]
    [InlineData(4, 121, null, false)]
    [InlineData(6, 121, 150, true)]
    [InlineData(6, 151, 150, false)]
    [InlineData(6, 60, null, false)]   // above 4 floors without the school's own target nothing can be judged
    public void Evacuation_is_within_120_seconds_up_to_4_floors_and_within_the_schools_target_above(int floors, int seconds, int? target, bool within)
    {
        var a = DrillStandard.Assess(Drill(floors, seconds, target));
        Assert.Equal(within, a.WithinTarget);
        Assert.Equal(within, a.MeetsStandard);
    }

    [Fact]
    public void A_missing_student_an_injury_or_no_evaluation_each_fail_the_standard()
    {
        Assert.False(DrillStandard.Assess(new Drill { Floors = 3, StudentsExpected = 10, StudentsCounted = 9, Evaluation = "x", AllClearAt = new TimeOnly(0, 1) }).MeetsStandard);
        var injured = Drill();
        injured.Injuries = 1;
        Assert.False(DrillStandard.Assess(injured).NoInjuries);
        var silent = Drill();
        silent.Evaluation = " ";
        Assert.False(DrillStandard.Assess(silent).Evaluated);
        Assert.True(DrillStandard.Assess(Drill()).MeetsStandard);
    }

    private static DrillForm Form() => new()
    {
        Date = new DateOnly(2026, 11, 20), Type = DrillType.Fire, Buildings = "教学楼", Floors = 4, SignalAt = new TimeOnly(10, 0),
        AllClearAt = new TimeOnly(10, 2), StudentsExpected = 500, StudentsCounted = 500, StaffTakingPart = 30, Injuries = 0, Evaluator = "王建华",
    };

    [Fact]
    public void Bad_records_are_refused_field_by_field()
    {
        var today = new DateOnly(2026, 11, 25);
        Assert.Empty(DrillStandard.Validate(Form(), today));
        var f = Form();
        f.AllClearAt = new TimeOnly(9, 59);
        f.StudentsCounted = 501;
        f.Date = today.AddDays(1);
        f.Floors = 6;
        var errors = DrillStandard.Validate(f, today);
        Assert.Equal("Drill.TimesOutOfOrder", errors[nameof(DrillForm.AllClearAt)]);
        Assert.Equal("Drill.CountedAboveExpected", errors[nameof(DrillForm.StudentsCounted)]);
        Assert.Equal("Drill.DateFuture", errors[nameof(DrillForm.Date)]);
        Assert.Equal("Drill.TargetRequired", errors[nameof(DrillForm.TargetSeconds)]);
    }

    private static Term Term(int y1, int m1, int d1, int y2, int m2, int d2) => new() { Start = new DateOnly(y1, m1, d1), End = new DateOnly(y2, m2, d2) };

    [Fact]
    public void A_primary_school_drills_every_month_of_term_and_missing_months_are_listed()
    {
        var term = Term(2026, 9, 1, 2027, 1, 22);
        var periods = DrillFrequency.Periods(SchoolType.Primary, term, [new(2026, 9, 10), new(2026, 11, 5), new(2026, 11, 20)], new DateOnly(2026, 11, 25));
        Assert.Equal([PeriodStatus.Done, PeriodStatus.Missing, PeriodStatus.Done, PeriodStatus.Upcoming, PeriodStatus.Upcoming], periods.Select(p => p.Status));
        Assert.Equal(2, periods[2].Drills);
        Assert.Equal(new DateOnly(2026, 10, 1), periods.Single(p => p.Status == PeriodStatus.Missing).Start);
        Assert.False(DrillFrequency.Compliant(periods));
        // January: the term covers 22 of 31 days, so it counts; ending on the 10th it would not.
        Assert.Equal(new DateOnly(2027, 1, 22), periods[^1].End);
        Assert.Equal(PeriodStatus.NotRequired, DrillFrequency.Periods(SchoolType.Primary, Term(2026, 9, 1, 2027, 1, 10), [], new DateOnly(2027, 2, 1))[^1].Status);
    }

    [Fact]
    public void The_current_month_is_not_missing_until_it_ends_and_a_term_starting_after_mid_month_asks_nothing_of_that_month()
    {
        var spring = Term(2027, 2, 20, 2027, 7, 10);
        var periods = DrillFrequency.Periods(SchoolType.Junior, spring, [], new DateOnly(2027, 3, 31));
        Assert.Equal(PeriodStatus.NotRequired, periods[0].Status);   // 20-28 February
        Assert.Equal(PeriodStatus.Current, periods[1].Status);       // March, last day
        Assert.True(DrillFrequency.Compliant(periods));
        Assert.Equal(PeriodStatus.Missing, DrillFrequency.Periods(SchoolType.Junior, spring, [], new DateOnly(2027, 4, 1))[1].Status);
    }

    [Fact]
    public void A_kindergarten_drills_once_a_quarter_of_term()
    {
        var term = Term(2026, 9, 1, 2027, 1, 22);
        var periods = DrillFrequency.Periods(SchoolType.Kindergarten, term, [new(2026, 10, 15)], new DateOnly(2026, 12, 1));
        Assert.Equal(2, periods.Count);
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30), PeriodStatus.Done), (periods[0].Start, periods[0].End, periods[0].Status));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 22), PeriodStatus.Current), (periods[1].Start, periods[1].End, periods[1].Status));
        var none = DrillFrequency.Periods(SchoolType.Kindergarten, term, [], new DateOnly(2026, 12, 1));
        Assert.Equal(PeriodStatus.Missing, none[0].Status);
        // A drill on the last day of the quarter counts for it, the next day for the next.
        Assert.Equal(PeriodStatus.Done, DrillFrequency.Periods(SchoolType.Kindergarten, term, [new(2026, 11, 30)], new DateOnly(2026, 12, 1))[0].Status);
        Assert.Equal([0, 1], DrillFrequency.Periods(SchoolType.Kindergarten, term, [new(2026, 12, 1)], new DateOnly(2026, 12, 1)).Select(p => p.Drills));
    }
}
