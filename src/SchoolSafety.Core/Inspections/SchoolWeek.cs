using System.Globalization;

namespace SchoolSafety.Inspections;

/// <summary>An ISO 8601 week (Monday to Sunday), the unit of the weekly inspection.</summary>
public readonly record struct SchoolWeek(int Year, int Week)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));
    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The ISO rule: a week belongs to the month (and year) of its Thursday.</summary>
    public DateOnly Thursday => Monday.AddDays(3);

    public static SchoolWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new SchoolWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    public SchoolWeek Next() => Of(Monday.AddDays(7));
    public SchoolWeek Previous() => Of(Monday.AddDays(-7));

    /// <summary>A sortable number, e.g. 202649.</summary>
    public int Number => Year * 100 + Week;

    public static SchoolWeek FromNumber(int number) => new(number / 100, number % 100);

    public static bool TryParse(int number, out SchoolWeek week)
    {
        week = default;
        int year = number / 100, w = number % 100;
        if (year < 2000 || year > 2100 || w < 1 || w > ISOWeek.GetWeeksInYear(year)) return false;
        week = new SchoolWeek(year, w);
        return true;
    }

    public int CompareTo(SchoolWeek other) => Number.CompareTo(other.Number);
}
