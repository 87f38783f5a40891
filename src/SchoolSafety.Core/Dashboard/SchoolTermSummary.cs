using System.Globalization;
using System.Numerics;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Dashboard;

/// <summary>
/// One school's term in a few numbers, kept up to date whenever its inspections, tickets or education records are
/// saved (<see cref="SchoolTermSummaries"/>, ADR 0017): the dashboard reads one short row per school instead of every
/// inspection and ticket of the term, so its cost does not grow with the weeks. Derived data: never audited, rebuilt
/// from the records at any time.
/// </summary>
public class SchoolTermSummary
{
    public int SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>The first day of the school's term; the dashboard reads the rows of the term it shows.</summary>
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }

    /// <summary>Weeks with a submitted inspection: bit k is the term's week k (0 = the week of its first day).</summary>
    public long WeeksSubmitted { get; set; }

    /// <summary>Tickets found in the term, closed (whenever), closed by their deadline, rejected re-checks, repeats.</summary>
    public int TicketsFound { get; set; }
    public int TicketsClosed { get; set; }
    public int ClosedOnTime { get; set; }
    public int Rejections { get; set; }
    public int Repeats { get; set; }

    /// <summary>Tickets found in each week of the term ("3,0,1": week 0, 1, 2), and those of them closed in each week.</summary>
    public string FoundPerWeek { get; set; } = "";
    public string ClosedPerWeek { get; set; } = "";

    /// <summary>How many of the term's closed tickets took how many days ("2:5,7:1": five took 2 days, one took 7).</summary>
    public string DaysToClose { get; set; } = "";

    /// <summary>The first lesson of the term was given; the education topics covered (keys, comma-separated).</summary>
    public bool FirstLesson { get; set; }
    public string Topics { get; set; } = "";

    public int SubmittedIn(long weeks) => BitOperations.PopCount((ulong)(WeeksSubmitted & weeks));
    public bool Submitted(int week) => (WeeksSubmitted & (1L << week)) != 0;

    public IEnumerable<(int Days, int Count)> Durations() => CountText.Pairs(DaysToClose);

    public IEnumerable<string> TopicKeys => Topics.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The most weeks a term can have (one bit each).</summary>
    public const int MaxWeeks = 64;

    /// <summary>The facts of one ticket a summary needs.</summary>
    public sealed record TicketFacts(DateOnly FoundOn, DateOnly? ClosedOn, DateOnly Deadline, bool Closed, int Rejections, bool Repeat);

    /// <summary>The facts of one education record a summary needs.</summary>
    public sealed record EducationFacts(DateOnly Date, bool FirstLesson, string Topics);

    /// <summary>
    /// The summary of a school's term from its records: the week numbers of its submitted inspections, the tickets
    /// found in the term and the education records dated in it (records outside the term are ignored). Null when the
    /// term holds nothing of the school's.
    /// </summary>
    public static SchoolTermSummary? Compute(int schoolId, Term term, IEnumerable<int> submittedWeeks, IEnumerable<TicketFacts> tickets,
        IEnumerable<EducationFacts> education)
    {
        var weeks = term.Weeks().Take(MaxWeeks).Select((w, i) => (w.Number, i)).ToDictionary(p => p.Number, p => p.i);
        var index = (DateOnly day) => weeks.GetValueOrDefault(SchoolWeek.Of(day).Number, -1);
        var mask = submittedWeeks.Select(n => weeks.GetValueOrDefault(n, -1)).Where(i => i >= 0).Aggregate(0L, (m, i) => m | (1L << i));
        var found = tickets.Where(t => t.FoundOn >= term.Start && t.FoundOn <= term.End).ToList();
        var closed = found.Where(t => t is { Closed: true, ClosedOn: not null }).ToList();
        var taught = education.Where(e => e.Date >= term.Start && e.Date <= term.End).ToList();
        if (mask == 0 && found.Count == 0 && taught.Count == 0) return null;

        string PerWeek(IEnumerable<DateOnly> days)
        {
            var counts = new int[weeks.Count];
            foreach (var i in days.Select(index).Where(i => i >= 0)) counts[i]++;
            var last = Array.FindLastIndex(counts, c => c > 0);
            return string.Join(',', counts.Take(last + 1));
        }
        return new SchoolTermSummary
        {
            SchoolId = schoolId, TermStart = term.Start, TermEnd = term.End, WeeksSubmitted = mask,
            TicketsFound = found.Count, TicketsClosed = closed.Count, ClosedOnTime = closed.Count(t => t.ClosedOn <= t.Deadline),
            Rejections = found.Sum(t => t.Rejections), Repeats = found.Count(t => t.Repeat),
            FoundPerWeek = PerWeek(found.Select(t => t.FoundOn)),
            ClosedPerWeek = PerWeek(closed.Select(t => t.ClosedOn!.Value)),
            DaysToClose = CountText.Pairs(closed.GroupBy(t => t.ClosedOn!.Value.DayNumber - t.FoundOn.DayNumber).Select(g => (g.Key, g.Count()))),
            FirstLesson = taught.Any(e => e.FirstLesson),
            Topics = string.Join(',', taught.SelectMany(e => e.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
        };
    }
}
