using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Demo;
using SchoolSafety.Identity;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// School users see their own school only; bureau users see the schools below their node. Any
/// other school's id, by URL, query string or form field, answers 404 and changes nothing.
/// </summary>
public abstract class ScopingTests(SchoolSafetyApp app)
{
    /// <summary>
    /// Every school-scoped action, with {id} for the school's id. <see cref="Conventions.ScopedActionListTests"/>
    /// fails when an action takes a school id and is missing here.
    /// </summary>
    public static readonly TheoryData<string, string, string> SchoolScopedRoutes = new()
    {
        { "GET", "/Schools/Details/{id}", "SchoolsController.Details" },
        { "GET", "/Schools/Edit/{id}", "SchoolsController.Edit" },
        { "POST", "/Schools/Edit/{id}", "SchoolsController.Edit" },
        { "POST", "/Schools/SetActive/{id}", "SchoolsController.SetActive" },
        { "GET", "/Audit?schoolId={id}", "AuditController.Index" },
        { "GET", "/Schools/{id}/Inspections", "InspectionsController.Week" },
        { "POST", "/Schools/{id}/Inspections", "InspectionsController.Week" },
        { "POST", "/Schools/{id}/Inspections/SignOff/{inspection}", "InspectionsController.SignOff" },
        { "GET", "/Files/{photo}", "InspectionsController.Photo" },
        { "GET", "/Schools/{id}/Inspections/History", "InspectionsController.History" },
        { "POST", "/Schools/{id}/Inspections/Revise/{inspection}", "InspectionsController.Revise" },
        { "GET", "/Schools/{id}/Campaigns/{campaign}", "InspectionsController.Campaign" },
        { "GET", "/Tickets/Details/{ticket}", "TicketsController.Details" },
        { "GET", "/Tickets/Notice/{ticket}", "TicketsController.Notice" },
        { "POST", "/Tickets/Rectify/{ticket}", "TicketsController.Rectify" },
        { "POST", "/Tickets/Verify/{ticket}", "TicketsController.Verify" },
        { "POST", "/Tickets/Reject/{ticket}", "TicketsController.Reject" },
        { "POST", "/Tickets/Supervise/{ticket}", "TicketsController.Supervise" },
        { "POST", "/Tickets/RequestExtension/{ticket}", "TicketsController.RequestExtension" },
        { "POST", "/Tickets/DecideExtension/{ticket}", "TicketsController.DecideExtension" },
        { "POST", "/Tickets/LiftSupervision/{ticket}", "TicketsController.LiftSupervision" },
        { "POST", "/Tickets/RecordPlan/{ticket}", "TicketsController.RecordPlan" },
        { "GET", "/Tickets?schoolId={id}", "TicketsController.Index" },
        { "GET", "/Tickets/Export?format=csv&schoolId={id}", "TicketsController.Export" },
        { "GET", "/Tickets/Create?schoolId={id}", "TicketsController.Create" },
        { "POST", "/Tickets/Create?schoolId={id}", "TicketsController.Create" },
        { "POST", "/Schools/{id}/Campaigns/{campaign}", "InspectionsController.Campaign" },
        { "GET", "/Schools/{id}/Drills", "DrillsController.Index" },
        { "GET", "/Schools/{id}/Drills/Create", "DrillsController.Create" },
        { "POST", "/Schools/{id}/Drills/Create", "DrillsController.Create" },
        { "GET", "/Drills/Details/{drill}", "DrillsController.Details" },
        { "GET", "/Drills/Edit/{drill}", "DrillsController.Edit" },
        { "POST", "/Drills/Edit/{drill}", "DrillsController.Edit" },
        { "GET", "/Tickets/Create?schoolId={id}&drillId={drill}", "TicketsController.Create" },
        { "GET", "/Schools/{id}/Training/Create", "TrainingController.CreateSchool" },
        { "POST", "/Schools/{id}/Training/Create", "TrainingController.CreateSchool" },
        { "GET", "/Training/Details/{training}", "TrainingController.Details" },
        { "GET", "/Schools/{id}/Education", "EducationController.Index" },
        { "GET", "/Schools/{id}/Education/Create", "EducationController.Create" },
        { "POST", "/Schools/{id}/Education/Create", "EducationController.Create" },
        // The school ledger: documents, responsibility letters, surroundings.
        { "GET", "/Schools/{id}/Documents", "DocumentsController.School" },
        { "POST", "/Schools/{id}/Documents", "DocumentsController.Upload" },
        { "GET", "/Schools/{id}/Letters", "LettersController.School" },
        { "POST", "/Schools/{id}/Letters/2026/County", "LettersController.RecordCounty" },
        { "POST", "/Schools/{id}/Letters/2026/Staff", "LettersController.RecordStaff" },
        { "GET", "/Schools/{id}/Surroundings", "SurroundingsController.School" },
        { "GET", "/Schools/{id}/Surroundings/Create", "SurroundingsController.Create" },
        { "POST", "/Schools/{id}/Surroundings/Create", "SurroundingsController.Create" },
        { "GET", "/Surroundings/Edit/{surroundings}", "SurroundingsController.Edit" },
        { "POST", "/Surroundings/Edit/{surroundings}", "SurroundingsController.Edit" },
        { "GET", "/Schools/{id}/Defences", "DefencesController.School" },
        { "GET", "/Schools/{id}/Defences/Revisions/{revision}", "DefencesController.Revision" },
        { "GET", "/Schools/{id}/Defences/Edit", "DefencesController.Edit" },
        { "POST", "/Schools/{id}/Defences/Edit", "DefencesController.Edit" },
        // PDF documents of one school.
        { "GET", "/Schools/{id}/SchoolFile", "ReportsController.SchoolFile" },
        { "GET", "/Schools/{id}/Inspections/202647/Sheet", "ReportsController.WeeklySheet" },
        { "GET", "/Drills/Record/{drill}", "ReportsController.DrillRecord" },
        { "GET", "/Tickets/Closing/{closedticket}", "ReportsController.Closing" },
    };

    [Theory]
    [MemberData(nameof(SchoolScopedRoutes))]
    public async Task An_officer_asking_for_another_schools_record_gets_404(string method, string route, string action)
    {
        _ = action;
        var other = await app.SchoolAsync(DemoCounty.Officer2SchoolCode);
        using var client = await app.LoginAsync("officer");
        var response = await SendAsync(client, method, await RouteForAsync(route, other));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect,
            $"{method} {route}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
            // Role-gated actions (administrators only) turn a school user away before the school is looked up.
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        await AssertUnchangedAsync(other);
    }

    [Theory]
    [MemberData(nameof(SchoolScopedRoutes))]
    public async Task An_administrator_of_one_county_asking_for_another_countys_school_gets_404(string method, string route, string action)
    {
        _ = action;
        var other = await app.SchoolAsync("YJ001");
        using var client = await LoginCountyAdministratorAsync();
        var response = await SendAsync(client, method, await RouteForAsync(route, other));
        // Actions for school staff only turn an administrator away before the school is looked up.
        Assert.True(response.StatusCode == HttpStatusCode.NotFound
                    || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/Account/AccessDenied"),
            $"{method} {route}: {(int)response.StatusCode}");
        await AssertUnchangedAsync(other);
    }

    [Fact]
    public async Task An_officer_sees_only_their_own_school()
    {
        var own = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var client = await app.LoginAsync("officer");

        var home = await client.GetAsync("/");
        Assert.Equal($"/Schools/Details/{own.Id}", home.Headers.Location!.OriginalString);
        var page = await client.PageAsync($"/Schools/Details/{own.Id}");
        Assert.Equal(DemoCounty.OfficerSchoolName, page.QuerySelector("#school-name")!.TextContent.Trim());

        var list = await client.PageAsync("/Schools");
        var rows = list.QuerySelectorAll("#school-list tbody tr");
        Assert.Single(rows);
        Assert.Contains(DemoCounty.OfficerSchoolName, rows[0].TextContent);
        Assert.Equal("1", list.QuerySelector("#school-total")!.TextContent);
    }

    [Fact]
    public async Task The_county_officer_sees_the_county_but_not_the_second_county()
    {
        var other = await app.SchoolAsync("YJ001");
        using var client = await app.LoginAsync("county");
        var list = await client.PageAsync("/Schools?includeInactive=true");
        Assert.Equal((await CountAsync(DemoCounty.CountyCode)).ToString(), list.QuerySelector("#school-total")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Schools/Details/{other.Id}")).StatusCode);
        var search = await client.PageAsync("/Schools?q=YJ001");
        Assert.Empty(search.QuerySelectorAll("#school-list tbody tr"));
    }

    [Fact]
    public async Task The_city_officer_sees_both_counties()
    {
        var other = await app.SchoolAsync("YJ001");
        using var client = await app.LoginAsync("city");
        var list = await client.PageAsync("/Schools?includeInactive=true");
        var both = await CountAsync(DemoCounty.CountyCode) + await CountAsync(DemoCounty.SecondCountyCode);
        Assert.True(both >= 125);
        // Every school under the city: the two demo counties and any county other tests added there.
        await using (var db = app.Db())
        {
            var city = await db.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CityCode);
            var underCity = await db.Context.Schools.CountAsync(s => s.Jurisdiction!.Path.StartsWith(city.Path));
            Assert.True(underCity >= both);
            Assert.Equal(underCity.ToString(), list.QuerySelector("#school-total")!.TextContent);
        }
        var page = await client.PageAsync($"/Schools/Details/{other.Id}");
        Assert.Equal(other.Name, page.QuerySelector("#school-name")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_not_found_page_is_friendly_and_in_Chinese()
    {
        using var client = await app.LoginAsync("officer");
        var page = await client.PageAsync("/Schools/Details/999999", HttpStatusCode.NotFound);
        Assert.Equal("404", page.QuerySelector("#error-page")!.GetAttribute("data-status"));
        Assert.Contains("页面不存在", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Bureau_staff_cannot_use_administrator_pages()
    {
        using var client = await app.LoginAsync("county");
        foreach (var url in new[] { "/Users", "/Schools/Create", "/Schools/Import" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        var denied = await client.PageAsync("/Account/AccessDenied", HttpStatusCode.Forbidden);
        Assert.Contains("没有权限", denied.QuerySelector("h1")!.TextContent);
    }

    /// <summary>Actions whose form carries a school id (Form.SchoolId); {user} is officer2's account.</summary>
    public static readonly TheoryData<string> SchoolIdInFormRoutes = new() { "/Users/Create", "/Users/Edit/{user}" };

    [Theory]
    [MemberData(nameof(SchoolIdInFormRoutes))]
    public async Task A_school_put_in_a_form_field_outside_the_administrators_county_is_refused(string route)
    {
        var other = await app.SchoolAsync("YJ001");
        string officer2Id;
        await using (var db = app.Db())
            officer2Id = (await db.Context.Users.SingleAsync(u => u.UserName == "officer2")).Id;
        using var client = await LoginCountyAdministratorAsync();
        var userName = $"smuggle{Guid.NewGuid():N}"[..16];
        var url = route.Replace("{user}", officer2Id);
        var response = await client.PostFormAsync(url, new
        {
            Form__UserName = userName, Form__DisplayName = "越权测试", Form__Role = Roles.SafetyOfficer,
            Form__SchoolId = other.Id, Form__Password = "abcd1234x",
        }, "/Users/Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("无效的选择", page.QuerySelector("[data-valmsg-for='Form.SchoolId']")!.TextContent);
        await using var check = app.Db();
        Assert.False(await check.Context.Users.AnyAsync(u => u.UserName == userName || u.SchoolId == other.Id));
    }

    [Fact]
    public async Task An_administrator_of_one_county_cannot_see_accounts_of_another()
    {
        await using (var db = app.Db())
        {
            var officer2 = await db.Context.Users.SingleAsync(u => u.UserName == "officer2");
            var cityUser = await db.Context.Users.SingleAsync(u => u.UserName == "city");
            using var client = await LoginCountyAdministratorAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Users/Edit/{officer2.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Users/Edit/{cityUser.Id}")).StatusCode);
            var reset = await client.PostFormAsync($"/Users/ResetPassword/{cityUser.Id}", new { Password = "takeover123" }, "/Users");
            Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
        }
        using var city = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await city.LoginAsync("city", DemoCounty.DefaultPassword)).StatusCode);
    }

    /// <summary>Schools of one county now (other tests of the collection may have added some).</summary>
    private async Task<int> CountAsync(string countyCode)
    {
        await using var db = app.Db();
        return await db.Context.Schools.CountAsync(s => s.Jurisdiction!.Code == countyCode);
    }

    /// <summary>Fills a route with the school's id and, where needed, one of its inspections or photos.</summary>
    private async Task<string> RouteForAsync(string route, Schools.School school)
    {
        await using var db = app.Db();
        if (route.Contains("{inspection}"))
        {
            var inspection = await db.Context.Inspections.Where(i => i.SchoolId == school.Id).Select(i => i.Id).FirstOrDefaultAsync();
            Assert.NotEqual(0, inspection);
            route = route.Replace("{inspection}", inspection.ToString());
        }
        if (route.Contains("{campaign}"))
        {
            // A special inspection aimed at the school itself: only the scope can refuse it.
            var template = new Inspections.ChecklistTemplate
            {
                Name = "scope", Version = 0, Status = Inspections.TemplateStatus.Campaign,
                Items = [new() { Key = "C01", Number = 1, NameZh = "项", NameEn = "item" }],
            };
            var campaign = new Inspections.Campaign
            {
                JurisdictionId = school.JurisdictionId, Title = "scope", Start = new DateOnly(2026, 11, 1), End = new DateOnly(2026, 12, 31),
                Template = template, Schools = [new() { SchoolId = school.Id }],
            };
            db.Context.Campaigns.Add(campaign);
            await db.Context.SaveChangesAsync();
            route = route.Replace("{campaign}", campaign.Id.ToString());
        }
        if (route.Contains("{closedticket}"))
        {
            // A closed ticket of the school: only the scope can refuse its closing record.
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var ticket = new Hazards.HazardTicket
            {
                Number = $"SCOPE-{Guid.NewGuid():N}"[..30], SchoolId = school.Id, Source = Hazards.HazardSource.CountyCheck,
                Place = Inspections.HazardPlace.Other, Description = "scope", Grade = Inspections.HazardGrade.General,
                FoundAt = now, ResponsibleName = "x", Deadline = new DateOnly(2026, 12, 31), Status = Hazards.HazardStatus.Closed, ClosedAt = now,
            };
            db.Context.HazardTickets.Add(ticket);
            await db.Context.SaveChangesAsync();
            route = route.Replace("{closedticket}", ticket.Id.ToString());
        }
        if (route.Contains("{ticket}"))
        {
            var ticket = new Hazards.HazardTicket
            {
                Number = $"SCOPE-{Guid.NewGuid():N}"[..30], SchoolId = school.Id, Source = Hazards.HazardSource.CountyCheck,
                Place = Inspections.HazardPlace.Other, Description = "scope", Grade = Inspections.HazardGrade.General,
                FoundAt = app.Clock.GetUtcNow().UtcDateTime, ResponsibleName = "x", Deadline = new DateOnly(2026, 12, 31),
                Status = Hazards.HazardStatus.AwaitingVerification,
            };
            db.Context.HazardTickets.Add(ticket);
            await db.Context.SaveChangesAsync();
            route = route.Replace("{ticket}", ticket.Id.ToString());
        }
        if (route.Contains("{drill}"))
        {
            var drill = new Drills.Drill
            {
                SchoolId = school.Id, Date = new DateOnly(2026, 11, 20), Type = Drills.DrillType.Fire, Buildings = "教学楼", Floors = 3,
                SignalAt = new TimeOnly(10, 0), AllClearAt = new TimeOnly(10, 2), StudentsExpected = 10, StudentsCounted = 10, Evaluator = "x",
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Context.Drills.Add(drill);
            await db.Context.SaveChangesAsync();
            route = route.Replace("{drill}", drill.Id.ToString());
        }
        if (route.Contains("{training}"))
        {
            var session = new Training.TrainingSession
            {
                Level = Training.TrainingLevel.School, SchoolId = school.Id, Date = new DateOnly(2026, 11, 20), Title = "scope", Venue = "x",
                AttendeeCount = 5, CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Context.TrainingSessions.Add(session);
            await db.Context.SaveChangesAsync();
            route = route.Replace("{training}", session.Id.ToString());
        }
        if (route.Contains("{revision}"))
        {
            // A three-defences record of the school itself: only the scope can refuse it.
            var revision = await db.Context.DefenceRecords.Where(r => r.SchoolId == school.Id).Select(r => (int?)r.Revision).MaxAsync();
            if (revision is null)
            {
                db.Context.DefenceRecords.Add(new Defences.DefenceRecord
                {
                    SchoolId = school.Id, Revision = 1, IsCurrent = true, EffectiveFrom = new DateOnly(2026, 11, 1), RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
                });
                await db.Context.SaveChangesAsync();
                revision = 1;
            }
            route = route.Replace("{revision}", revision.ToString());
        }
        if (route.Contains("{photo}"))
        {
            var photo = new Files.StoredFile
            {
                Id = Guid.NewGuid(), SchoolId = school.Id, ContentType = "image/png", Length = 1, StorageKey = "none.png",
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Context.StoredFiles.Add(photo);
            await db.Context.SaveChangesAsync();
            route = route.Replace("{photo}", photo.Id.ToString());
        }
        if (route.Contains("{surroundings}"))
        {
            var issue = new Ledger.SurroundingsIssue
            {
                SchoolId = school.Id, Kind = Ledger.SurroundingsKind.Other, Location = "scope", Description = "scope",
                ObservedOn = new DateOnly(2026, 11, 1), RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Context.SurroundingsIssues.Add(issue);
            await db.Context.SaveChangesAsync();
            route = route.Replace("{surroundings}", issue.Id.ToString());
        }
        return route.Replace("{id}", school.Id.ToString());
    }

    private async Task AssertUnchangedAsync(Schools.School before)
    {
        var after = await app.SchoolAsync(before.Code);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.IsActive, after.IsActive);
        Assert.Equal(before.Students, after.Students);
    }

    private static Task<HttpResponseMessage> SendAsync(AppClient client, string method, string url) =>
        method == "GET"
            ? client.GetAsync(url)
            : client.PostFormAsync(url, new { active = "false", Form__Name = "被篡改", Form__Code = "HACK1", Form__Students = "1", note = "越权销号" }, "/Account/ChangePassword");

    /// <summary>An administrator whose node is 新平县, created once per application.</summary>
    private async Task<AppClient> LoginCountyAdministratorAsync()
    {
        const string userName = "xpadmin";
        await using (var db = app.Db())
        {
            if (!await db.Context.Users.AnyAsync(u => u.UserName == userName))
            {
                var county = await db.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CountyCode);
                var users = db.Get<UserManager<AppUser>>();
                var admin = new AppUser { UserName = userName, DisplayName = "县管理员", JurisdictionId = county.Id, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
                Assert.True((await users.CreateAsync(admin, DemoCounty.DefaultPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(admin, Roles.Administrator)).Succeeded);
            }
        }
        return await app.LoginAsync(userName);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ScopingOnSqlite(SqliteApp app) : ScopingTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class ScopingOnPostgreSql(PostgreSqlApp app) : ScopingTests(app);
