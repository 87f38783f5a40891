using SchoolSafety.Dashboard;
using SchoolSafety.Inspections;
using Facts = SchoolSafety.Dashboard.SchoolTermSummary;

namespace SchoolSafety.Tests.Domain;

/// <summary>A school's term summary computed from its records, and the dashboard's inspection figures read from summaries.</summary>
public sealed class SchoolTermSummaryTests
{
    // A term from Tuesday 1 September: its week 0 is that of Monday 31 August.
    private static readonly Term Term = new() { Start = new(2026, 9, 1), End = new(2027, 1, 22) };
    private static int Week(int month, int day) => SchoolWeek.Of(new DateOnly(2026, month, day)).Number;

    [Fact]
    public void A_summary_counts_only_what_falls_in_the_term()
    {
        var summary = Facts.Compute(7, Term,
            [Week(8, 31), Week(9, 7), Week(9, 21), Week(5, 11)],
            [
                new(new(2026, 9, 2), new(2026, 9, 4), new(2026, 9, 10), Closed: true, Rejections: 0, Repeat: false),     // on time, 2 days, week 0
                new(new(2026, 9, 15), new(2026, 9, 30), new(2026, 9, 20), Closed: true, Rejections: 2, Repeat: false),   // late, 15 days, weeks 2 → 4
                new(new(2026, 10, 1), null, new(2026, 10, 8), Closed: false, Rejections: 0, Repeat: true),               // open repeat, week 4
                new(new(2026, 6, 1), new(2026, 6, 2), new(2026, 6, 9), Closed: true, Rejections: 5, Repeat: true),       // before the term: nowhere
            ],
            [
                new(new(2026, 9, 1), FirstLesson: true, "fire,traffic"),
                new(new(2026, 9, 10), FirstLesson: false, "traffic,water"),
                new(new(2026, 6, 1), FirstLesson: false, "drowning"),
            ])!;

        Assert.Equal((7, Term.Start, Term.End), (summary.SchoolId, summary.TermStart, summary.TermEnd));
        Assert.Equal(0b1011, summary.WeeksSubmitted);       // weeks 0, 1 and 3; May is not in the term
        Assert.Equal((3, 2, 1, 2, 1), (summary.TicketsFound, summary.TicketsClosed, summary.ClosedOnTime, summary.Rejections, summary.Repeats));
        Assert.Equal(("1,0,1,0,1", "1,0,0,0,1"), (summary.FoundPerWeek, summary.ClosedPerWeek));
        Assert.Equal([(2, 1), (15, 1)], summary.Durations());
        Assert.True(summary.FirstLesson);
        Assert.Equal(["fire", "traffic", "water"], summary.TopicKeys);
    }

    [Fact]
    public void A_term_with_nothing_of_the_schools_has_no_summary()
    {
        Assert.Null(Facts.Compute(7, Term, [Week(5, 11)], [new(new(2026, 6, 1), null, new(2026, 6, 9), false, 0, false)], [new(new(2027, 2, 1), true, "fire")]));
    }

    [Fact]
    public void Counts_per_week_add_up_across_schools()
    {
        var totals = new int[5];
        CountText.AddPerWeek("1,0,12", totals);
        CountText.AddPerWeek("0,3", totals);
        CountText.AddPerWeek("", totals);
        CountText.AddPerWeek("1,1,1,1,1,7", totals);   // a week beyond the totals is dropped
        Assert.Equal([2, 4, 13, 1, 1], totals);
    }

    [Fact]
    public void Count_texts_read_back_what_was_written()
    {
        Assert.Equal("2:5,7:1,15:2", CountText.Pairs([(15, 2), (2, 5), (7, 1)]));
        Assert.Equal([(2, 5), (7, 1), (15, 2)], CountText.Pairs("2:5,7:1,15:2"));
        Assert.Empty(CountText.Pairs(""));
        Assert.Equal(2, CountText.CountOf("drowning,fire,traffic", ["fire", "drowning", "food"]));
        Assert.Equal(0, CountText.CountOf("", ["fire"]));
        Assert.Equal(0, CountText.CountOf("firework", ["fire"]));
    }

    [Fact]
    public void Inspection_figures_come_from_the_weeks_kept_in_the_summaries()
    {
        var weeks = Term.Weeks().Take(7).ToList();     // the term so far: weeks 0-6, week 6 is this week
        var over = weeks.Take(6).ToList();
        var summaries = new Dictionary<int, SchoolTermSummary>
        {
            [1] = new() { SchoolId = 1, WeeksSubmitted = 0b1001011 },   // 0, 1, 3 and this week (6): misses 2, 4, 5 → two in a row at the end
            [2] = new() { SchoolId = 2, WeeksSubmitted = 0b0111111 },   // every week over, not yet this one
        };
        var counts = new InspectionCounts(summaries, weeks, over);

        Assert.Equal((3, 6, 0), (counts.Submitted(1), counts.Submitted(2), counts.Submitted(3)));
        Assert.Equal((2, 0, 6), (counts.TrailingMisses(1), counts.TrailingMisses(2), counts.TrailingMisses(3)));
        Assert.Equal((2, 0, 6), (counts.LongestMiss(1), counts.LongestMiss(2), counts.LongestMiss(3)));
        Assert.Equal((2, 1, 1), (counts.InWeek(weeks[0]), counts.InWeek(weeks[2]), counts.InWeek(weeks[6])));

        // A chosen earlier week: only weeks 0-2 are counted as over.
        var earlier = new InspectionCounts(summaries, weeks, weeks.Take(3).ToList());
        Assert.Equal((2, 1, 1), (earlier.Submitted(1), earlier.TrailingMisses(1), earlier.LongestMiss(1)));
    }
}
