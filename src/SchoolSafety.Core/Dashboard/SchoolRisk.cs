namespace SchoolSafety.Dashboard;

/// <summary>The four colours of Chinese safety work, lowest to highest.</summary>
public enum RiskLevel
{
    Blue = 1,    // 蓝：一般
    Yellow = 2,  // 黄：较大，需关注
    Orange = 3,  // 橙：重大，需督促
    Red = 4,     // 红：特别重大，需今天打电话
}

/// <summary>The thresholds of the risk rule; a county can change them in configuration (section <c>Risk</c>).</summary>
public sealed class RiskOptions
{
    /// <summary>This many overdue tickets make a school red even when none is 重大.</summary>
    public int RedOverdueTickets { get; set; } = 3;

    /// <summary>This many verification rejections this term make a school orange.</summary>
    public int OrangeRejections { get; set; } = 2;

    /// <summary>This many consecutive weeks without a submitted inspection make a school yellow.</summary>
    public int YellowConsecutiveMisses { get; set; } = 2;
}

/// <summary>What the rule looks at for one school: outcomes (hazards, overdue, repeats, rejections), not the number of forms filled.</summary>
public sealed record RiskSignals(int Overdue, int OverdueMajor, int SupervisedOverdue, int MajorOpen, int Repeats, int Rejections,
    int ConsecutiveMisses, bool DrillMissed)
{
    /// <summary>Guards short of the standard (人防).</summary>
    public int GuardsShort { get; init; }

    /// <summary>A technical gap that leaves the school blind: footage kept too briefly, blind spots, or an alarm not linked to 110 (技防).</summary>
    public bool TechnicalGap { get; init; }
}

/// <summary>
/// The rule that colours a school (stated in the UI and the user guide):
/// red — a 重大 hazard overdue, a supervised ticket overdue, or many overdue tickets;
/// orange — any overdue ticket, a repeat hazard, repeated verification rejections, or guards short of the standard;
/// yellow — an open 重大 hazard, a technical gap (retention, blind spots, alarm), a month without a drill, or weeks in a row without an inspection;
/// blue — none of these. Each reason is returned as a message key so the colour never stands alone.
/// </summary>
public static class SchoolRisk
{
    public static (RiskLevel Level, IReadOnlyList<string> Reasons) Assess(RiskSignals s, RiskOptions o)
    {
        var red = new List<string>();
        if (s.OverdueMajor > 0) red.Add("Risk.OverdueMajor");
        if (s.SupervisedOverdue > 0) red.Add("Risk.SupervisedOverdue");
        if (s.Overdue >= o.RedOverdueTickets) red.Add("Risk.ManyOverdue");
        if (red.Count > 0) return (RiskLevel.Red, red);

        var orange = new List<string>();
        if (s.Overdue > 0) orange.Add("Risk.Overdue");
        if (s.Repeats > 0) orange.Add("Risk.Repeat");
        if (s.Rejections >= o.OrangeRejections) orange.Add("Risk.Rejections");
        if (s.GuardsShort > 0) orange.Add("Risk.GuardsShort");
        if (orange.Count > 0) return (RiskLevel.Orange, orange);

        var yellow = new List<string>();
        if (s.MajorOpen > 0) yellow.Add("Risk.MajorOpen");
        if (s.TechnicalGap) yellow.Add("Risk.TechnicalGap");
        if (s.DrillMissed) yellow.Add("Risk.DrillMissed");
        if (s.ConsecutiveMisses >= o.YellowConsecutiveMisses) yellow.Add("Risk.InspectionsMissed");
        if (yellow.Count > 0) return (RiskLevel.Yellow, yellow);
        return (RiskLevel.Blue, []);
    }
}
