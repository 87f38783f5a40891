using Microsoft.EntityFrameworkCore;
using SchoolSafety.Dashboard;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// The ticket figures counted by the database (<see cref="TicketCounts"/>) against tickets whose figures were counted
/// by hand. The period is 1 September to Wednesday 25 November 2026.
/// </summary>
public abstract class TicketCountsTests(SchoolSafetyApp app)
{
    private static readonly DateOnly From = new(2026, 9, 1), Today = new(2026, 11, 25);
    private static DateTime China(int month, int day) => new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8)).UtcDateTime;

    [Fact]
    public async Task Figures_count_open_overdue_major_supervised_on_time_median_repeats_and_rejections()
    {
        await using var db = app.Db();
        var c = db.Context;
        var city = await c.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CityCode);
        var county = Jurisdiction.Create("539901", "票据计数县", JurisdictionLevel.County, city);
        School School(string code) => new() { Code = code, Name = code, Type = SchoolType.Primary, Jurisdiction = county, Township = "甲镇", Students = 100 };
        var (one, two, three) = (School("TC001"), School("TC002"), School("TC003"));
        c.Schools.AddRange(one, two, three);
        c.Terms.Add(new Term { Jurisdiction = county, Name = "2026年秋季学期", Start = From, End = new(2027, 1, 22) });
        await c.SaveChangesAsync();
        var items = await c.ChecklistItems.Where(i => i.Template!.Status == TemplateStatus.Published && (i.Key == "I03" || i.Key == "I04" || i.Key == "I05"))
            .GroupBy(i => i.Key).OrderBy(g => g.Key).Select(g => g.Max(i => i.Id)).ToListAsync();
        var (i3, i4, i5) = (items[0], items[1], items[2]);
        var n = 0;
        HazardTicket Ticket(School s, int item, HazardGrade grade, DateTime found, DateOnly deadline, HazardStatus status, DateTime? closed = null, int rejections = 0) => new()
        {
            Number = $"TC-{++n}", SchoolId = s.Id, ChecklistItemId = item, Grade = grade, FoundAt = found, Deadline = deadline, Status = status,
            ClosedAt = closed, Rejections = rejections, Description = "x", ResponsibleName = "x", Source = HazardSource.Inspection,
        };
        c.HazardTickets.AddRange(
            // school one, item 3: found, closed late (after its deadline) after one rejection, then found again 3 weeks later: a repeat, overdue
            Ticket(one, i3, HazardGrade.General, China(10, 1), new(2026, 10, 8), HazardStatus.Closed, China(10, 11), rejections: 1),
            Ticket(one, i3, HazardGrade.General, China(11, 1), new(2026, 11, 8), HazardStatus.Open),
            // school one, item 4: closed on time in 2 days; found again 11 weeks later (not a repeat), 重大, supervised, rejected twice
            Ticket(one, i4, HazardGrade.General, China(9, 1), new(2026, 9, 10), HazardStatus.Closed, China(9, 3)),
            Ticket(one, i4, HazardGrade.Major, China(11, 20), new(2026, 12, 20), HazardStatus.Rectifying, rejections: 2),
            // school two, item 3: same item as school one's, another school: not a repeat; the deadline is today: not overdue
            Ticket(two, i3, HazardGrade.General, China(11, 1), Today, HazardStatus.AwaitingVerification),
            // school two, item 5: found in June (before the period), 重大, still open and overdue: on the school's line, not in the period's figures
            Ticket(two, i5, HazardGrade.Major, China(6, 1), new(2026, 6, 30), HazardStatus.Open),
            // school three: closed in June, before the period: counted nowhere
            Ticket(three, i5, HazardGrade.General, China(6, 1), new(2026, 6, 30), HazardStatus.Closed, China(6, 2)));
        await c.SaveChangesAsync();
        var supervised = await c.HazardTickets.SingleAsync(t => t.SchoolId == one.Id && t.Grade == HazardGrade.Major);
        supervised.IsSupervised = true;
        await c.SaveChangesAsync();

        var ids = c.Schools.Where(s => s.JurisdictionId == county.Id).Select(s => s.Id);
        var counts = await TicketCounts.ReadAsync(c, ids, await SchoolTermSummaries.ReadAsync(c, ids, From, CancellationToken.None), From, Today, Today, CancellationToken.None);

        var f = counts.Figures;
        Assert.Equal((5, 3, 1, 1, 1, 2), (f.Found, f.Open, f.Overdue, f.MajorOpen, f.Supervised, f.Closed));
        Assert.Equal(50.0, f.ClosedOnTimePercent);
        Assert.Equal(6.0, f.MedianDaysToClose);     // 10 days and 2 days
        Assert.Equal((1, 3), (f.RepeatHazards, f.Rejections));

        Assert.Equal(new SchoolTickets(Open: 2, Overdue: 1, OverdueMajor: 0, OverdueSupervised: 0, MajorOpen: 1, Repeats: 1, Rejections: 3), counts.Of(one.Id));
        Assert.Equal(new SchoolTickets(Open: 2, Overdue: 1, OverdueMajor: 1, OverdueSupervised: 0, MajorOpen: 1, Repeats: 0, Rejections: 0), counts.Of(two.Id));
        Assert.Equal(SchoolTickets.None, counts.Of(three.Id));

        // The chart, by week of the term (week 0 is that of 31 August): found 1 October (week 4, of 28 September), closed
        // 11 October (week 5, of 5 October); found and closed in week 0; two found Sunday 1 November (week 8, of 26 October).
        Assert.Equal((1, 0), counts.InWeek(4));
        Assert.Equal((0, 1), counts.InWeek(5));
        Assert.Equal((1, 1), counts.InWeek(0));
        Assert.Equal((2, 0), counts.InWeek(8));
        Assert.Equal((0, 0), counts.InWeek(6));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TicketCountsOnSqlite(SqliteApp app) : TicketCountsTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class TicketCountsOnPostgreSql(PostgreSqlApp app) : TicketCountsTests(app);
