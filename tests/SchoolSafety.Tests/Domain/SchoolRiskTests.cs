using SchoolSafety.Dashboard;

namespace SchoolSafety.Tests.Domain;

public class SchoolRiskTests
{
    private static readonly RiskOptions Options = new();
    private static readonly RiskSignals Calm = new(0, 0, 0, 0, 0, 0, 0, false);

    [Fact]
    public void A_school_with_nothing_wrong_is_blue_with_no_reasons()
    {
        Assert.Equal((RiskLevel.Blue, 0), (SchoolRisk.Assess(Calm, Options).Level, SchoolRisk.Assess(Calm, Options).Reasons.Count));
    }

    [Fact]
    public void An_overdue_major_hazard_or_a_supervised_overdue_ticket_or_three_overdue_tickets_is_red()
    {
        Assert.Equal(RiskLevel.Red, SchoolRisk.Assess(Calm with { Overdue = 1, OverdueMajor = 1 }, Options).Level);
        Assert.Equal(RiskLevel.Red, SchoolRisk.Assess(Calm with { Overdue = 1, SupervisedOverdue = 1 }, Options).Level);
        Assert.Equal(RiskLevel.Red, SchoolRisk.Assess(Calm with { Overdue = 3 }, Options).Level);
        Assert.Equal(RiskLevel.Orange, SchoolRisk.Assess(Calm with { Overdue = 2 }, Options).Level);
        Assert.Equal(RiskLevel.Orange, SchoolRisk.Assess(Calm with { Overdue = 3 }, new RiskOptions { RedOverdueTickets = 4 }).Level);
    }

    [Fact]
    public void Repeats_and_rejections_are_orange_and_the_reasons_say_why()
    {
        var (level, reasons) = SchoolRisk.Assess(Calm with { Repeats = 1, Rejections = 2, MajorOpen = 1 }, Options);
        Assert.Equal(RiskLevel.Orange, level);
        Assert.Equal(["Risk.Repeat", "Risk.Rejections"], reasons);
        Assert.Equal(RiskLevel.Blue, SchoolRisk.Assess(Calm with { Rejections = 1 }, Options).Level);
    }

    [Fact]
    public void An_open_major_hazard_a_missed_drill_month_or_two_missed_weeks_are_yellow()
    {
        Assert.Equal(RiskLevel.Yellow, SchoolRisk.Assess(Calm with { MajorOpen = 1 }, Options).Level);
        Assert.Equal(RiskLevel.Yellow, SchoolRisk.Assess(Calm with { DrillMissed = true }, Options).Level);
        Assert.Equal(RiskLevel.Yellow, SchoolRisk.Assess(Calm with { ConsecutiveMisses = 2 }, Options).Level);
        Assert.Equal(RiskLevel.Blue, SchoolRisk.Assess(Calm with { ConsecutiveMisses = 1 }, Options).Level);
    }

    [Fact]
    public void Guards_short_of_the_standard_are_orange_and_a_technical_gap_is_yellow()
    {
        var guards = SchoolRisk.Assess(Calm with { GuardsShort = 1 }, Options);
        Assert.Equal(RiskLevel.Orange, guards.Level);
        Assert.Equal(["Risk.GuardsShort"], guards.Reasons);
        var technical = SchoolRisk.Assess(Calm with { TechnicalGap = true }, Options);
        Assert.Equal(RiskLevel.Yellow, technical.Level);
        Assert.Equal(["Risk.TechnicalGap"], technical.Reasons);
    }
}
