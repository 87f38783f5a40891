using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using Row = SchoolSafety.Hazards.TicketFigures.Row;

namespace SchoolSafety.Tests.Domain;

public class TicketFigureTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static DateTime Utc(int month, int day) => new(2026, month, day, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Figures_count_open_overdue_major_supervised_on_time_median_repeats_and_rejections()
    {
        Row[] rows =
        [
            // school 1, item 3: found, closed late (after its deadline), then found again 3 weeks later: a repeat
            new(1, 3, HazardGrade.General, HazardStatus.Closed, false, new DateOnly(2026, 10, 8), Utc(10, 1), Utc(10, 11), 1),
            new(1, 3, HazardGrade.General, HazardStatus.Open, false, new DateOnly(2026, 11, 8), Utc(11, 1), null, 0),
            // school 1, item 4: closed on time in 2 days; found again 10 weeks later: not a repeat
            new(1, 4, HazardGrade.General, HazardStatus.Closed, false, new DateOnly(2026, 9, 10), Utc(9, 1), Utc(9, 3), 0),
            new(1, 4, HazardGrade.Major, HazardStatus.Rectifying, true, new DateOnly(2026, 12, 20), Utc(11, 20), null, 2),
            // school 2, item 3: same item, other school: not a repeat of school 1's; deadline is today: not overdue
            new(2, 3, HazardGrade.General, HazardStatus.AwaitingVerification, false, Today, Utc(11, 1), null, 0),
        ];
        var f = TicketFigures.Count(rows, Today);
        Assert.Equal(5, f.Found);
        Assert.Equal(3, f.Open);
        Assert.Equal(1, f.Overdue);
        Assert.Equal(1, f.MajorOpen);
        Assert.Equal(1, f.Supervised);
        Assert.Equal(2, f.Closed);
        Assert.Equal(50.0, f.ClosedOnTimePercent);
        Assert.Equal(6.0, f.MedianDaysToClose);
        Assert.Equal(1, f.RepeatHazards);
        Assert.Equal(3, f.Rejections);
    }

    [Fact]
    public void No_tickets_no_percentages()
    {
        var f = TicketFigures.Count([], Today);
        Assert.Equal((0, (double?)null, (double?)null), (f.Found, f.ClosedOnTimePercent, f.MedianDaysToClose));
    }
}
