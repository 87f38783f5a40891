using SchoolSafety.Defences;
using SchoolSafety.Drills;
using SchoolSafety.Schools;

namespace SchoolSafety.Dashboard;

/// <summary>
/// One school's standing as judged on a day, and the last day that judgement holds (ADR 0018): its three defences
/// measured against the rules in force (<see cref="DefenceRules.Assess"/>) and its drills in its current term against
/// the frequency rule and the standard (<see cref="DrillCompliance"/>). Both depend on the day as well as on the
/// records — a fire-equipment service falls due, a guard turns a year older on 1 January, a drill month ends, a new
/// rule set or term starts — so the row says until when nothing of that can change: <see cref="ValidThrough"/>. Kept on
/// write by <see cref="SchoolStandings"/>; a row that does not hold on the day asked is judged again from the records.
/// Derived data: never audited, rebuilt from the records at any time.
/// </summary>
public class SchoolStanding
{
    public int SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>The day judged, and the last day on which the same judgement holds without a change to the records.</summary>
    public DateOnly JudgedOn { get; set; }
    public DateOnly ValidThrough { get; set; }

    /// <summary>Guards the rules ask for and guards on the record in force.</summary>
    public int GuardsRequired { get; set; }
    public int GuardsPresent { get; set; }

    /// <summary>The school's defence gaps and how many of each ("10:2,53:3": two guards short, three blind spots).</summary>
    public string Gaps { get; set; } = "";

    /// <summary>Days of recording kept, when the school has cameras.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>The first day of the school's current term; null when it has none (then it has no drill figures).</summary>
    public DateOnly? DrillTermStart { get; set; }
    public bool DrillCompliant { get; set; }
    public int Drills { get; set; }
    public int DrillsMeetingStandard { get; set; }

    /// <summary>Evacuation times of the term's drills ("95:2,130:1": two of 95 seconds, one of 130).</summary>
    public string DrillSeconds { get; set; } = "";

    public bool HoldsOn(DateOnly day) => JudgedOn <= day && day <= ValidThrough;

    /// <summary>The drill of the term missed (a month, or a quarter for a kindergarten, ended without one).</summary>
    public bool DrillMissed => DrillTermStart is not null && !DrillCompliant;

    public IReadOnlyList<(GapKind Kind, int Count)> GapCounts() => CountText.Pairs(Gaps).ConvertAll(p => ((GapKind)p.Key, p.Count));

    public IEnumerable<int> DrillDurations() => CountText.Pairs(DrillSeconds).SelectMany(p => Enumerable.Repeat(p.Key, p.Count));

    /// <summary>What the three-defences figures count of this school.</summary>
    public DefenceTally Defence(School school) =>
        new(school, GuardsRequired, GuardsPresent, GapCounts(), RetentionDays);

    /// <summary>The standing of a school from its judged defences and drills, holding from <paramref name="on"/> through <paramref name="through"/>.</summary>
    public static SchoolStanding Of(SchoolDefenceStatus defence, SchoolDrillStatus drill, DateOnly on, DateOnly through) => new()
    {
        SchoolId = defence.School.Id,
        JudgedOn = on,
        ValidThrough = through,
        GuardsRequired = defence.GuardsRequired,
        GuardsPresent = defence.GuardsPresent,
        Gaps = CountText.Pairs(defence.Gaps.GroupBy(g => (int)g.Kind).Select(g => (g.Key, g.Sum(x => x.Count)))),
        RetentionDays = defence.Record is { Cameras: > 0 } record ? record.RetentionDays : null,
        DrillTermStart = drill.Term?.Start,
        DrillCompliant = drill.Compliant,
        Drills = drill.Drills,
        DrillsMeetingStandard = drill.MeetingStandard,
        DrillSeconds = CountText.Pairs(drill.Durations.GroupBy(d => d).Select(g => (g.Key, g.Count()))),
    };

}
