using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Dashboard;
using SchoolSafety.Demo;
using SchoolSafety.Drills;
using SchoolSafety.Education;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;
using SchoolSafety.Training;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// The dashboard against a small county built by hand, whose every figure was counted by hand (see the comments).
/// Today is Wednesday 25 November 2026, week 48; the term starts on Monday 2 November (week 45).
/// </summary>
public abstract class DashboardTests(SchoolSafetyApp app)
{
    private static readonly DateTime Now = new(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc);
    private static DateTime China(int month, int day) => new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8)).UtcDateTime;

    /// <summary>Builds the county once per app; returns the login of its county officer.</summary>
    private async Task<string> CountyAsync()
    {
        const string user = "dashcounty";
        await using var db = app.Db();
        if (await db.Context.Users.AnyAsync(u => u.UserName == user)) return user;
        var c = db.Context;
        var city = await c.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CityCode);
        var county = Jurisdiction.Create("539999", "看板测试县", JurisdictionLevel.County, city);
        c.Jurisdictions.Add(county);
        c.Terms.Add(new Term { Jurisdiction = county, Name = "测试学期", Start = new DateOnly(2026, 11, 2), End = new DateOnly(2027, 1, 15) });
        School School(string code, string township, SchoolType type) => new()
        {
            Code = code, Name = $"测试{code}", Type = type, Jurisdiction = county, Township = township, Students = 300, Staff = 20, TallestBuildingFloors = 3,
        };
        var a = School("DB001", "甲镇", SchoolType.Primary);
        var b = School("DB002", "甲镇", SchoolType.Primary);
        var k = School("DB003", "乙镇", SchoolType.Kindergarten);
        c.Schools.AddRange(a, b, k);
        await c.SaveChangesAsync();

        var template = await c.ChecklistTemplates.Where(t => t.Status == TemplateStatus.Published).OrderByDescending(t => t.Version).FirstAsync();
        // Submitted weeks: A 45-48, B 45 only (46 and 47 missed: two in a row), C 46-47.
        foreach (var (school, weeks) in new[] { (a, new[] { 45, 46, 47, 48 }), (b, new[] { 45 }), (k, new[] { 46, 47 }) })
            foreach (var w in weeks)
                c.Inspections.Add(new Inspection { SchoolId = school.Id, TemplateId = template.Id, WeekNumber = 202600 + w, Status = InspectionStatus.Submitted, CreatedAt = Now, SubmittedAt = Now });

        var item = await c.ChecklistItems.Where(i => i.TemplateId == template.Id && i.Key == "I03").Select(i => i.Id).SingleAsync();
        HazardTicket Ticket(School s, HazardGrade grade, DateTime found, DateOnly deadline, HazardStatus status) => new()
        {
            Number = $"DB-{Guid.NewGuid():N}"[..24], SchoolId = s.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Other, Description = "测试",
            Grade = grade, FoundAt = found, Deadline = deadline, Status = status, ResponsibleName = "x", ChecklistItemId = item,
        };
        var a1 = Ticket(a, HazardGrade.General, China(11, 5), new DateOnly(2026, 11, 12), HazardStatus.Open);          // overdue
        var a2 = Ticket(a, HazardGrade.Major, China(11, 20), new DateOnly(2026, 12, 20), HazardStatus.Rectifying);    // major, not overdue
        a1.ChecklistItemId = null;
        a2.ChecklistItemId = null;
        var b1 = Ticket(b, HazardGrade.Major, China(11, 3), new DateOnly(2026, 11, 10), HazardStatus.Open);          // major overdue, supervised
        b1.IsSupervised = true;
        var c1 = Ticket(k, HazardGrade.General, China(11, 3), new DateOnly(2026, 11, 10), HazardStatus.Closed);       // closed in 3 days, rejected once
        c1.ClosedAt = China(11, 6);
        c1.Events = [new TicketEvent { Kind = TicketEventKind.Rejected, From = HazardStatus.AwaitingVerification, To = HazardStatus.Rectifying, At = China(11, 5) }];
        c1.Rejections = 1;
        var c2 = Ticket(k, HazardGrade.General, China(11, 16), new DateOnly(2026, 11, 23), HazardStatus.Closed);      // same item again: a repeat; closed in 4 days
        c2.ClosedAt = China(11, 20);
        c.HazardTickets.AddRange(a1, a2, b1, c1, c2);

        // Three defences: A has one guard of the two it needs, retention 30 days (below 90), alarm linked; B and C have recorded nothing.
        c.DefenceRecords.Add(new Defences.DefenceRecord
        {
            SchoolId = a.Id, Revision = 1, IsCurrent = true, EffectiveFrom = new DateOnly(2026, 11, 1), RecordedAt = Now, ClosedCampus = true,
            LowestWallHeight = 2.6m, AntiCollisionBarrier = true, Cameras = 10, Recording24h = true, RetentionDays = 30, Alarm = Defences.AlarmState.LinkedTo110,
            Guards = [new Defences.DefenceGuard { Name = "张保安", BirthYear = 1975, Education = Defences.EducationLevel.JuniorMiddle, HasCertificate = true, FullTime = true }],
        });
        // Drills: A 100 s (up to standard), B 130 s on 3 floors (not). November is the current month: nobody has missed one yet.
        Drill Drill(School s, int seconds) => new()
        {
            SchoolId = s.Id, Date = new DateOnly(2026, 11, 10), Type = DrillType.Fire, Buildings = "教学楼", Floors = 3, SignalAt = new TimeOnly(10, 0),
            AllClearAt = new TimeOnly(10, 0).Add(TimeSpan.FromSeconds(seconds)), StudentsExpected = 300, StudentsCounted = 300, Evaluator = "x", Evaluation = "好", CreatedAt = Now,
        };
        c.Drills.AddRange(Drill(a, 100), Drill(b, 130));

        // Education: A's first lesson covers traffic and fire, B's theme lesson bullying: 3 of 3 × 7 required topics.
        c.EducationRecords.AddRange(
            new EducationRecord { SchoolId = a.Id, Kind = EducationKind.FirstLesson, Date = new DateOnly(2026, 11, 3), Title = "第一课", Topics = "traffic,fire", CreatedAt = Now },
            new EducationRecord { SchoolId = b.Id, Kind = EducationKind.ThemeLesson, Date = new DateOnly(2026, 11, 9), Title = "防欺凌", Topics = "bullying", CreatedAt = Now });
        c.TrainingSessions.Add(new TrainingSession
        {
            Level = TrainingLevel.County, Jurisdiction = county, Date = new DateOnly(2026, 10, 30), Title = "培训", Venue = "x", CreatedAt = Now,
            Attendees = [new TrainingAttendee { Name = "甲", SchoolId = a.Id }], AttendeeCount = 1,
        });
        await c.SaveChangesAsync();

        var users = db.Get<UserManager<AppUser>>();
        var officer = new AppUser { UserName = user, DisplayName = "看板测试", JurisdictionId = county.Id, CreatedAt = Now };
        Assert.True((await users.CreateAsync(officer, DemoCounty.DefaultPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(officer, Roles.CountyStaff)).Succeeded);
        return user;
    }

    [Fact]
    public async Task Every_figure_matches_the_hand_count_of_a_small_county()
    {
        using var client = await app.LoginAsync(await CountyAsync());
        var page = await client.PageAsync("/Dashboard");
        string Fig(string id) => page.QuerySelector("#" + id)!.TextContent.Trim();
        Assert.Equal("1 / 3", Fig("fig-submitted"));            // only A this week
        Assert.Equal("66.7%", Fig("fig-completion"));           // weeks 45-47: A 3 + B 1 + C 2 = 6 of 9
        Assert.Equal("1", Fig("fig-missing-two"));              // B missed 46 and 47
        Assert.Equal("3", Fig("fig-open"));                     // A1, A2, B1
        Assert.Equal("2", Fig("fig-overdue"));                  // A1, B1
        Assert.Equal("2", Fig("fig-major"));                    // A2, B1
        Assert.Equal("1", Fig("fig-supervised"));               // B1
        Assert.Equal("100%", Fig("fig-on-time"));               // C1 and C2 closed before their deadlines
        Assert.Equal("3.5", Fig("fig-median-days"));            // 3 and 4 days
        Assert.Equal("1", Fig("fig-repeats"));                  // C2 after C1 on the same item
        Assert.Equal("1", Fig("fig-rejections"));               // C1 once
        Assert.Equal("3 / 3", Fig("fig-drill-compliant"));
        Assert.Equal("50%", Fig("fig-drill-standard"));
        Assert.Equal("115 秒", Fig("fig-drill-median"));        // 100 and 130
        Assert.Equal("1 / 3", Fig("fig-first-lesson"));
        Assert.Equal("14.3%", Fig("fig-topics"));               // 3 topics of 21
        Assert.Equal("1 / 3", Fig("fig-training"));
        Assert.Equal("6 / 1 / 5", Fig("fig-guards"));           // 300 students: 2 guards each; only A has one
        Assert.Equal("1", Fig("fig-guards-short"));             // A (B and C have no record yet: listed as not reported)
        Assert.Equal("1", Fig("fig-retention"));                // A keeps 30 days
        Assert.Equal("3", Fig("fig-documents"));                // nobody has uploaded the required documents
        Assert.Equal("3", Fig("fig-letters"));

        // Risk: B red (a major hazard overdue), A orange (overdue), C orange (repeat); red first.
        var rows = page.QuerySelectorAll("#school-table tbody tr");
        Assert.Equal(["DB002", "DB001", "DB003"], rows.Select(r => r.GetAttribute("data-school")));
        Assert.Equal(["Red", "Orange", "Orange"], rows.Select(r => r.GetAttribute("data-risk")));
        Assert.Contains("重大隐患逾期", rows[0].TextContent);
        Assert.Contains("隐患重复出现", rows[2].TextContent);
    }

    [Fact]
    public async Task The_figures_click_through_to_lists_that_agree_and_filters_narrow_them()
    {
        using var client = await app.LoginAsync(await CountyAsync());
        var page = await client.PageAsync("/Dashboard");
        foreach (var id in new[] { "fig-open", "fig-overdue", "fig-major", "fig-supervised" })
        {
            var list = await client.PageAsync(page.QuerySelector("#" + id)!.GetAttribute("href")!);
            Assert.Equal(page.QuerySelector("#" + id)!.TextContent.Trim(), list.QuerySelector("#ticket-total")!.TextContent);
        }
        var township = await client.PageAsync("/Dashboard?township=" + Uri.EscapeDataString("乙镇"));
        Assert.Equal("1", township.QuerySelector("#school-count")!.TextContent);
        Assert.Equal("0", township.QuerySelector("#fig-open")!.TextContent.Trim());
        var overdue = await client.PageAsync(township.QuerySelector("#fig-overdue")!.GetAttribute("href")!);
        Assert.Equal("0", overdue.QuerySelector("#ticket-total")!.TextContent);
        var search = await client.PageAsync("/Dashboard?q=DB001");
        Assert.Equal("1", search.QuerySelector("#school-count")!.TextContent);
    }

    [Fact]
    public async Task Above_county_level_the_page_breaks_the_figures_down_by_county_and_narrows_to_one()
    {
        await CountyAsync();
        using var city = await app.LoginAsync("city");
        var page = await city.PageAsync("/Dashboard");
        var row = page.QuerySelectorAll("#county-table tbody tr").Single(r => r.TextContent.Contains("看板测试县"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        // The hand-counted county: 3 schools, 66.7% of weeks 45-47, 3 open, 2 overdue, 2 重大 open, 5 guards short
        // (A one of two; B and C report none yet), B red.
        Assert.Equal(["看板测试县", "3", "66.7%", "3", "2", "2", "5", "1"], cells);
        Assert.Contains(page.QuerySelectorAll("#county-table tbody tr"), r => r.TextContent.Contains("新平县"));

        var narrowed = await city.PageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("3", narrowed.QuerySelector("#school-count")!.TextContent);
        Assert.Equal("2", narrowed.QuerySelector("#fig-overdue")!.TextContent.Trim());
        Assert.Empty(narrowed.QuerySelectorAll("#county-table"));

        // A county user has no counties to choose from; another county's id is not found.
        using var county = await app.LoginAsync("county");
        Assert.Null((await county.PageAsync("/Dashboard")).QuerySelector("#county-table"));
        var other = row.GetAttribute("data-county");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await county.GetAsync("/Dashboard?county=" + other)).StatusCode);
    }

    [Fact]
    public async Task A_school_user_sees_the_same_components_for_their_own_school_only()
    {
        using var officer = await app.LoginAsync("officer");
        var page = await officer.PageAsync("/Dashboard");
        var rows = page.QuerySelectorAll("#school-table tbody tr");
        Assert.Equal(DemoCounty.OfficerSchoolCode, Assert.Single(rows).GetAttribute("data-school"));
        Assert.Null(page.QuerySelector("#township"));
        await using var db = app.Db();
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var open = await db.Context.HazardTickets.CountAsync(t => t.SchoolId == school.Id && t.Status != HazardStatus.Closed && t.FoundAt >= new DateTime(2026, 8, 31, 16, 0, 0, DateTimeKind.Utc));
        Assert.Equal(open.ToString(), page.QuerySelector("#fig-open")!.TextContent.Trim());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DashboardOnSqlite(SqliteApp app) : DashboardTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class DashboardOnPostgreSql(PostgreSqlApp app) : DashboardTests(app);
