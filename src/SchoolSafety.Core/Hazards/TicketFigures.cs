namespace SchoolSafety.Hazards;

/// <summary>The ticket figures the county dashboard shows, for any set of schools and period.</summary>
public sealed record TicketFigureSet(
    int Found, int Open, int Overdue, int MajorOpen, int Supervised, int Closed, double? ClosedOnTimePercent,
    double? MedianDaysToClose, int RepeatHazards, int Rejections);

public static class TicketFigures
{
    /// <summary>
    /// A repeat hazard is a ticket for the same school and checklist item found after an earlier one was closed,
    /// at most this many days after the day it was closed.
    /// </summary>
    public const int RepeatWindowDays = 56;

    /// <summary>The median of days to close, from how many tickets took each number of days; null for none.</summary>
    public static double? MedianDays(IReadOnlyDictionary<int, int> ticketsByDays)
    {
        var total = ticketsByDays.Values.Sum();
        if (total == 0) return null;
        int At(int index)
        {
            foreach (var (days, count) in ticketsByDays.OrderBy(p => p.Key))
            {
                if (index < count) return days;
                index -= count;
            }
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        return total % 2 == 1 ? At(total / 2) : (At(total / 2 - 1) + At(total / 2)) / 2.0;
    }
}
