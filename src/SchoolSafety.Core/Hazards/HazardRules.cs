using SchoolSafety.Inspections;

namespace SchoolSafety.Hazards;

/// <summary>The county's default rectification deadlines (design §4): general 7 days, major 30 days.</summary>
public static class HazardRules
{
    public const int GeneralDeadlineDays = 7;
    public const int MajorDeadlineDays = 30;

    public static DateOnly DefaultDeadline(HazardGrade grade, DateOnly found) =>
        found.AddDays(grade == HazardGrade.Major ? MajorDeadlineDays : GeneralDeadlineDays);
}
