using SchoolSafety.Hazards;

namespace SchoolSafety.Tests.Domain;

public class TicketFigureTests
{
    [Fact]
    public void The_median_of_days_to_close_reads_the_counts_per_number_of_days()
    {
        Assert.Null(TicketFigures.MedianDays(new Dictionary<int, int>()));
        Assert.Equal(3, TicketFigures.MedianDays(new Dictionary<int, int> { [3] = 1 }));
        // 1, 2, 2, 9: the mean of the middle two
        Assert.Equal(2, TicketFigures.MedianDays(new Dictionary<int, int> { [9] = 1, [1] = 1, [2] = 2 }));
        // 2, 10: between them
        Assert.Equal(6, TicketFigures.MedianDays(new Dictionary<int, int> { [10] = 1, [2] = 1 }));
        // 0, 0, 0, 5, 40: the third
        Assert.Equal(0, TicketFigures.MedianDays(new Dictionary<int, int> { [0] = 3, [5] = 1, [40] = 1 }));
    }
}
