namespace SchoolSafety.Inspections;

/// <summary>
/// Which items a week's inspection must answer: weekly items every week; monthly items until
/// answered once in that calendar month (the month of the week's Thursday, as ISO weeks count);
/// seasonal items weekly in their season and monthly outside it. Item keys, not ids, carry "done
/// this month" across a template version change.
/// </summary>
public static class InspectionSchedule
{
    public static (int Year, int Month) MonthOf(SchoolWeek week) => (week.Thursday.Year, week.Thursday.Month);

    public static bool IsWeeklyIn(ChecklistItem item, SchoolWeek week) => item.Frequency switch
    {
        ItemFrequency.Weekly => true,
        ItemFrequency.Seasonal => InSeason(item, week.Thursday.Month),
        _ => false,
    };

    /// <param name="doneThisMonth">Keys of items already answered in other submitted inspections of the same month.</param>
    public static IReadOnlyList<ChecklistItem> DueItems(ChecklistTemplate template, SchoolWeek week, IReadOnlySet<string> doneThisMonth) =>
        template.Items
            .Where(i => IsWeeklyIn(i, week) || !doneThisMonth.Contains(i.Key))
            .OrderBy(i => i.Number)
            .ToList();

    private static bool InSeason(ChecklistItem item, int month)
    {
        if (item.SeasonStartMonth is not int start || item.SeasonEndMonth is not int end) return false;
        return start <= end ? month >= start && month <= end : month >= start || month <= end;
    }
}
