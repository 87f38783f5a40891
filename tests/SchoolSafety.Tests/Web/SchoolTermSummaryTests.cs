using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Demo;
using SchoolSafety.Education;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// The summaries the dashboard reads (<see cref="SchoolTermSummary"/>) kept in step with the records on every save:
/// after a school's week of work they equal summaries rebuilt from the records; a changed term moves them.
/// </summary>
public abstract class SchoolTermSummaryTests(SchoolSafetyApp app)
{
    private DateOnly Today => ChinaTime.Today(app.Clock);

    [Fact]
    public async Task Summaries_kept_on_each_save_equal_summaries_rebuilt_from_the_records()
    {
        // A demo school with two tickets of this term awaiting verification.
        var termStart = (await SummaryAsync((await app.SchoolAsync(DemoCounty.OfficerSchoolCode)).Id)).TermStart;
        int schoolId;
        await using (var db = app.Db())
            schoolId = await db.Context.HazardTickets
                .Where(t => t.School!.Jurisdiction!.Code == DemoCounty.CountyCode && t.Status == HazardStatus.AwaitingVerification && t.FoundOn >= termStart)
                .GroupBy(t => t.SchoolId).Where(g => g.Count() >= 2).Select(g => g.Key).FirstAsync();
        var before = await SummaryAsync(schoolId);
        var week = SchoolWeek.Of(Today).Previous();
        var index = (week.Monday.DayNumber - SchoolWeek.Of(before.TermStart).Monday.DayNumber) / 7;
        var actor = new TicketActor("x", "x", IsBureau: true, IsSchoolLeader: false);

        await using (var db = app.Db())
        {
            var c = db.Context;
            // Last week unsubmitted, then submitted again; one open ticket closed, one sent back; a theme lesson on a new topic.
            var last = await c.Inspections.Where(i => i.SchoolId == schoolId && i.WeekNumber == week.Number && i.IsCurrent).ToListAsync();
            foreach (var i in last) i.Status = InspectionStatus.Draft;
            await c.SaveChangesAsync();
            Assert.False((await SummaryAsync(schoolId)).Submitted(index));
            foreach (var i in last) i.Status = InspectionStatus.Submitted;
            await c.SaveChangesAsync();
            Assert.True((await SummaryAsync(schoolId)).Submitted(index));

            var waiting = await c.HazardTickets.Where(t => t.SchoolId == schoolId && t.Status == HazardStatus.AwaitingVerification && t.FoundOn >= before.TermStart)
                .OrderBy(t => t.Id).Take(2).ToListAsync();
            waiting[0].Verify(actor, app.Clock.GetUtcNow().UtcDateTime, "已复查");
            waiting[1].Reject(actor, app.Clock.GetUtcNow().UtcDateTime, "未整改到位");
            c.EducationRecords.Add(new EducationRecord { SchoolId = schoolId, Kind = EducationKind.ThemeLesson, Date = Today, Title = "主题课", Topics = "drowning", CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
            await c.SaveChangesAsync();
        }

        var after = await SummaryAsync(schoolId);
        Assert.Equal(before.TicketsClosed + 1, after.TicketsClosed);
        Assert.Equal(before.Rejections + 1, after.Rejections);
        Assert.Contains("drowning", after.TopicKeys);

        // Every summary of the county's schools equals the one computed again from the records.
        var kept = await SummariesAsync();
        await using (var db = app.Db())
            await SchoolTermSummaries.RebuildAsync(db.Context, db.Context.Schools.Where(s => s.Jurisdiction!.Code == DemoCounty.CountyCode).Select(s => s.Id), CancellationToken.None);
        var rebuilt = await SummariesAsync();
        Assert.NotEmpty(kept);
        Assert.Equal(rebuilt, kept);
    }

    [Fact]
    public async Task A_term_moved_to_other_dates_moves_its_schools_summaries()
    {
        await using var db = app.Db();
        var c = db.Context;
        var city = await c.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CityCode);
        var county = Jurisdiction.Create("539801", "学期移动县", JurisdictionLevel.County, city);
        var term = new Term { Jurisdiction = county, Name = "学期", Start = new(2026, 9, 1), End = new(2027, 1, 22) };
        var school = new School { Code = "TM001", Name = "学期移动小学", Type = SchoolType.Primary, Jurisdiction = county, Township = "甲镇", Students = 100 };
        c.AddRange(term, school);
        await c.SaveChangesAsync();
        c.EducationRecords.Add(new EducationRecord { SchoolId = school.Id, Kind = EducationKind.FirstLesson, Date = new(2026, 9, 2), Title = "第一课", Topics = "fire", CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
        await c.SaveChangesAsync();
        Assert.Equal([new DateOnly(2026, 9, 1)], await c.SchoolTermSummaries.Where(s => s.SchoolId == school.Id).Select(s => s.TermStart).ToListAsync());

        term.Start = new(2026, 8, 31);
        await c.SaveChangesAsync();
        var moved = await c.SchoolTermSummaries.AsNoTracking().SingleAsync(s => s.SchoolId == school.Id);
        Assert.Equal((new DateOnly(2026, 8, 31), true), (moved.TermStart, moved.FirstLesson));
    }

    private async Task<SchoolTermSummary> SummaryAsync(int schoolId)
    {
        await using var db = app.Db();
        return await db.Context.SchoolTermSummaries.AsNoTracking().SingleAsync(s => s.SchoolId == schoolId && s.TermStart <= Today && s.TermEnd >= Today);
    }

    private async Task<List<string>> SummariesAsync()
    {
        await using var db = app.Db();
        return (await db.Context.SchoolTermSummaries.AsNoTracking().Where(s => s.School!.Jurisdiction!.Code == DemoCounty.CountyCode)
                .OrderBy(s => s.SchoolId).ThenBy(s => s.TermStart).ToListAsync())
            .Select(s => $"{s.SchoolId} {s.TermStart} {s.TermEnd} {s.WeeksSubmitted} {s.TicketsFound} {s.TicketsClosed} {s.ClosedOnTime} {s.Rejections} {s.Repeats} "
                         + $"{s.FoundPerWeek} {s.ClosedPerWeek} {s.DaysToClose} {s.FirstLesson} {s.Topics}")
            .ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SchoolTermSummariesOnSqlite(SqliteApp app) : SchoolTermSummaryTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class SchoolTermSummariesOnPostgreSql(PostgreSqlApp app) : SchoolTermSummaryTests(app)
{
    /// <summary>
    /// Two saves for one school at the same moment: the second waits for the first to commit, then counts both
    /// tickets (without the per-school lock it would write a summary missing the first one's, or fail on the key).
    /// </summary>
    [Fact]
    public async Task Two_saves_for_one_school_at_the_same_moment_are_both_counted()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var today = ChinaTime.Today(app.Clock);
        int Found(SchoolTermSummary s) => s.TicketsFound;
        await using var first = app.Db();
        await using var second = app.Db();
        var before = Found(await first.Context.SchoolTermSummaries.AsNoTracking().SingleAsync(s => s.SchoolId == school.Id && s.TermStart <= today && s.TermEnd >= today));

        HazardTicket Ticket(string number) => new()
        {
            Number = number, SchoolId = school.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Other, Description = "并发",
            Grade = HazardGrade.General, FoundAt = app.Clock.GetUtcNow().UtcDateTime, Deadline = today.AddDays(7), ResponsibleName = "x",
        };
        await using var transaction = await first.Context.Database.BeginTransactionAsync();
        first.Context.HazardTickets.Add(Ticket($"CC-{Guid.NewGuid():N}"[..20]));
        await first.Context.SaveChangesAsync();      // the first save holds the school until it commits

        second.Context.HazardTickets.Add(Ticket($"CC-{Guid.NewGuid():N}"[..20]));
        var waiting = second.Context.SaveChangesAsync();
        // Seen by the database: the second save's session waits for the school's lock.
        Assert.True(await AdvisoryLocks.SeenWaitingAsync(app, waiting), "the second save waits for the first");
        Assert.False(waiting.IsCompleted);
        await transaction.CommitAsync();
        await waiting;

        await using var db = app.Db();
        var after = await db.Context.SchoolTermSummaries.AsNoTracking().SingleAsync(s => s.SchoolId == school.Id && s.TermStart <= today && s.TermEnd >= today);
        Assert.Equal(before + 2, Found(after));
    }
}
