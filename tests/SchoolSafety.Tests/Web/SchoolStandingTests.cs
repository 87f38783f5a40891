using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Data;
using SchoolSafety.Defences;
using SchoolSafety.Demo;
using SchoolSafety.Drills;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// The standings the dashboard reads for drills and the three defences (<see cref="SchoolStanding"/>, ADR 0018): kept on
/// every save of a defence record, a drill, a rule set, a term or a school, equal to a judgement from the records; and
/// holding only through their day, after which they are judged again.
/// </summary>
public abstract class SchoolStandingTests(SchoolSafetyApp app)
{
    protected DateOnly Today => ChinaTime.Today(app.Clock);
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Standings_kept_on_each_save_equal_a_judgement_from_the_records()
    {
        await using var db = app.Db();
        var c = db.Context;
        var (county, a, b) = await CountyAsync(c, "539802");
        // A school of 800 needs two guards under the standard rules (100 to 999 students), and has no record yet.
        var standing = await StandingAsync(c, a.Id);
        Assert.Equal((Today, 2, 0, "1:1"), (standing.JudgedOn, standing.GuardsRequired, standing.GuardsPresent, standing.Gaps));

        // A record with one guard, then a drill this month, then a county rule asking for more guards, then more students at the other school.
        c.DefenceRecords.Add(Record(a.Id, guards: 1, servicedOn: Today.AddMonths(-3)));
        await c.SaveChangesAsync();
        standing = await StandingAsync(c, a.Id);
        Assert.Equal((2, 1), (standing.GuardsRequired, standing.GuardsPresent));
        Assert.Contains((GapKind.GuardsShort, 1), standing.GapCounts());
        Assert.DoesNotContain(standing.GapCounts(), g => g.Kind == GapKind.NoRecord);
        Assert.Equal(30, standing.RetentionDays);

        c.Drills.Add(Drill(a.Id, Today.AddDays(-1), seconds: 95));
        await c.SaveChangesAsync();
        standing = await StandingAsync(c, a.Id);
        Assert.Equal((1, 1, "95:1"), (standing.Drills, standing.DrillsMeetingStandard, standing.DrillSeconds));

        var rules = StandardRuleSet.Defaults().CopyAsNewVersion(county.Id, 1, Today);
        (rules.GuardsMedium, rules.GuardsLarge) = (4, 6);
        c.StandardRuleSets.Add(rules);
        await c.SaveChangesAsync();
        standing = await StandingAsync(c, a.Id);
        Assert.Equal((4, 1), (standing.GuardsRequired, standing.GuardsPresent));
        Assert.Contains((GapKind.GuardsShort, 3), standing.GapCounts());

        // 2,000 students: six guards from 1,000, one more per further 500.
        b.Students = 2000;
        await c.SaveChangesAsync();
        Assert.Equal(8, (await StandingAsync(c, b.Id)).GuardsRequired);

        // Every standing kept in the county (and in the demo county, seeded through the same saves) equals a judgement now.
        foreach (var code in new[] { "539802", DemoCounty.CountyCode })
        {
            var schools = await c.Schools.AsNoTracking().Include(s => s.Jurisdiction).Where(s => s.Jurisdiction!.Code == code).OrderBy(s => s.Id).ToListAsync();
            var judged = await SchoolStandings.JudgeAsync(c, schools, c.Schools.Where(s => s.Jurisdiction!.Code == code).Select(s => s.Id), Today, CancellationToken.None);
            var kept = await c.SchoolStandings.AsNoTracking().Where(x => x.School!.Jurisdiction!.Code == code).OrderBy(x => x.SchoolId).ToListAsync();
            Assert.Equal(schools.Count, kept.Count);
            Assert.Equal(judged.Select(Describe), kept.Select(Describe));
            Assert.All(kept, x => Assert.True(x.HoldsOn(Today)));
        }
    }

    [Fact]
    public async Task A_standing_holds_through_its_last_day_and_is_judged_again_after_it()
    {
        await using var db = app.Db();
        var c = db.Context;
        var (_, a, _) = await CountyAsync(c, "539803");
        // Drills in the two months before this one, none yet this month; fire equipment serviced a year ago less two days (due in two days).
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        c.Drills.AddRange(Drill(a.Id, thisMonth.AddMonths(-2).AddDays(9), 100), Drill(a.Id, thisMonth.AddMonths(-1).AddDays(9), 110));
        var due = Today.AddDays(2);
        c.DefenceRecords.Add(Record(a.Id, guards: 3, servicedOn: due.AddMonths(-12)));
        await c.SaveChangesAsync();

        var standing = await StandingAsync(c, a.Id);
        Assert.Equal((Today, due), (standing.JudgedOn, standing.ValidThrough));
        Assert.True(standing.DrillCompliant);
        Assert.DoesNotContain(standing.GapCounts(), g => g.Kind == GapKind.FireServiceOverdue);

        // The day after the service fell due: the kept row no longer holds; the reader judges the school for that day.
        var ids = c.Schools.Where(s => s.Id == a.Id).Select(s => s.Id);
        var later = (await SchoolStandings.ReadAsync(c, ids, [a.Id], due.AddDays(1), CancellationToken.None))[a.Id];
        Assert.Contains((GapKind.FireServiceOverdue, 1), later.GapCounts());
        Assert.Equal((due.AddDays(1), thisMonth.AddMonths(1).AddDays(-1)), (later.JudgedOn, later.ValidThrough));

        // The first day of next month: this month ended without a drill.
        var nextMonth = thisMonth.AddMonths(1);
        var month = (await SchoolStandings.ReadAsync(c, ids, [a.Id], nextMonth, CancellationToken.None))[a.Id];
        Assert.False(month.DrillCompliant);
        Assert.True(month.DrillMissed);

        // The background refresh writes the rows that no longer hold; every school then holds on that day. Back to today afterwards.
        try
        {
            Assert.True(await SchoolStandings.RefreshStaleAsync(c, nextMonth, CancellationToken.None) > 0);
            var written = await StandingAsync(c, a.Id);
            Assert.Equal(Judgement(month), Judgement(written));
            Assert.True(written.HoldsOn(nextMonth));
            Assert.Equal(0, await SchoolStandings.RefreshStaleAsync(c, nextMonth, CancellationToken.None));
        }
        finally
        {
            await SchoolStandings.RefreshStaleAsync(c, Today, CancellationToken.None);
        }
        Assert.True((await StandingAsync(c, a.Id)).HoldsOn(Today));
    }

    /// <summary>
    /// A new county with this term (from 1 September) and two schools: a primary of 800 and a kindergarten of 120. Under
    /// a province of its own, so that no other test's city or province sees its schools or its term.
    /// </summary>
    protected async Task<(Jurisdiction County, School A, School B)> CountyAsync(AppDbContext c, string code)
    {
        var province = Jurisdiction.Create("9" + code[1..], "评定省" + code, JurisdictionLevel.Province, null);
        var county = Jurisdiction.Create(code, "评定县" + code, JurisdictionLevel.County, province);
        var start = new DateOnly(Today.Month >= 9 ? Today.Year : Today.Year - 1, 9, 1);
        var term = new Term { Jurisdiction = county, Name = "学期", Start = start, End = start.AddMonths(5) };
        var a = new School { Code = code + "A", Name = "评定小学", Type = SchoolType.Primary, Jurisdiction = county, Township = "甲镇", Students = 800 };
        var b = new School { Code = code + "B", Name = "评定幼儿园", Type = SchoolType.Kindergarten, Jurisdiction = county, Township = "乙镇", Students = 120 };
        c.AddRange(province, term, a, b);
        await c.SaveChangesAsync();
        return (county, a, b);
    }

    protected static async Task<SchoolStanding> StandingAsync(AppDbContext c, int schoolId) =>
        await c.SchoolStandings.AsNoTracking().SingleAsync(x => x.SchoolId == schoolId);

    private DefenceRecord Record(int schoolId, int guards, DateOnly servicedOn) => new()
    {
        SchoolId = schoolId, Revision = 1, IsCurrent = true, EffectiveFrom = Today, RecordedAt = Now, RecordedByName = "测试",
        Guards = Enumerable.Range(1, guards).Select(i => new DefenceGuard
        {
            Name = "保安" + i, BirthYear = Today.Year - 40, Education = EducationLevel.SeniorMiddle, HasCertificate = true, FullTime = true, Employment = GuardEmployment.Company,
        }).ToList(),
        SchoolPost = true, PatrolTeam = true, PatrolsPerDay = 2, GateDuty24h = true, ClosedCampus = true, LowestWallHeight = 2.5m, AntiCollisionBarrier = true,
        FireEquipmentServicedOn = servicedOn, Gear = ProtectiveGear.StabVests | ProtectiveGear.Batons | ProtectiveGear.RestrainingForks,
        Cameras = 10, Recording24h = true, RetentionDays = 30, KeyPlacesCovered = (KeyPlaces)255, Alarm = AlarmState.LinkedTo110,
    };

    protected Drill Drill(int schoolId, DateOnly date, int seconds) => new()
    {
        SchoolId = schoolId, Date = date, Type = DrillType.Earthquake, Buildings = "教学楼", Floors = 3, SignalAt = new(10, 0), AllClearAt = new TimeOnly(10, 0).Add(TimeSpan.FromSeconds(seconds)),
        StudentsExpected = 800, StudentsCounted = 800, StaffTakingPart = 30, Evaluator = "校长", Evaluation = "有序", CreatedAt = Now,
    };

    /// <summary>A standing's figures and the days it holds (not the day judged: a kept row may be from an earlier save).</summary>
    private static string Describe(SchoolStanding s) => $"school {s.SchoolId} through {s.ValidThrough}: {Judgement(s)}";

    private static string Judgement(SchoolStanding s) =>
        $"guards {s.GuardsPresent}/{s.GuardsRequired} gaps {s.Gaps} retention {s.RetentionDays} term {s.DrillTermStart} "
        + $"compliant {s.DrillCompliant} drills {s.Drills}/{s.DrillsMeetingStandard} {s.DrillSeconds}";}

[Collection(SqliteCollection.Name)]
public sealed class SchoolStandingsOnSqlite(SqliteApp app) : SchoolStandingTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class SchoolStandingsOnPostgreSql(PostgreSqlApp app) : SchoolStandingTests(app)
{
    /// <summary>Two drills of one school saved at the same moment: the second save waits for the first to commit, then counts both.</summary>
    [Fact]
    public async Task Two_saves_for_one_school_at_the_same_moment_are_both_counted()
    {
        int schoolId;
        await using (var setup = app.Db())
            schoolId = (await CountyAsync(setup.Context, "539804")).A.Id;
        await using var first = app.Db();
        await using var second = app.Db();

        await using var transaction = await first.Context.Database.BeginTransactionAsync();
        first.Context.Drills.Add(Drill(schoolId, Today.AddDays(-2), 90));
        await first.Context.SaveChangesAsync();      // the first save holds the school until it commits

        second.Context.Drills.Add(Drill(schoolId, Today.AddDays(-1), 100));
        var waiting = second.Context.SaveChangesAsync();
        // Seen by the database: the second save's session waits for the school's lock. The first commits whatever is seen,
        // so that the second always finishes and the test fails on its assertions, never hangs.
        var blocked = await AdvisoryLocks.SeenWaitingAsync(app, waiting);
        var finishedAlone = waiting.IsCompleted;
        await transaction.CommitAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(blocked && !finishedAlone, "the second save waits for the first");

        await using var db = app.Db();
        var standing = await StandingAsync(db.Context, schoolId);
        Assert.Equal((2, "90:1,100:1"), (standing.Drills, standing.DrillSeconds));
    }
}
