using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SchoolSafety.Auditing;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Notifications;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>Opening tickets by hand, the county's lists, the notifications and the daily digest.</summary>
public abstract class TicketFlowTests(SchoolSafetyApp app)
{
    private static Dictionary<string, string> SpotCheck(string description) => new()
    {
        ["Input.Source"] = "CountyCheck", ["Input.SourceReference"] = "12月县级安全抽查", ["Input.Place"] = "Perimeter",
        ["Input.Description"] = description, ["Input.Grade"] = "General", ["Input.FoundOn"] = "2026-11-25",
        ["Input.ResponsibleName"] = "李建国", ["Input.ResponsiblePhone"] = "13987712345", ["Input.Deadline"] = "2026-12-02",
    };

    [Fact]
    public async Task The_county_opens_a_spot_check_ticket_bad_input_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var county = await app.LoginAsync("county");
        var picker = await county.PageAsync("/Tickets/Create");
        Assert.NotNull(picker.QuerySelector($"#schoolId option[value='{school.Id}']"));
        var form = $"/Tickets/Create?schoolId={school.Id}";
        Assert.Equal("CountyCheck", (await county.PageAsync(form)).QuerySelector("#Input_Source option[selected]")!.GetAttribute("value"));

        var description = $"北侧围墙缺口 {Guid.NewGuid():N}"[..16];
        var bad = SpotCheck(description);
        bad["Input.Deadline"] = "2026-11-20";
        bad["Input.Grade"] = "Major";
        bad["Input.ResponsiblePhone"] = "12345";
        var refused = await county.PostFormAsync(form, bad, form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("整改期限不能早于发现日期。", page.QuerySelector("[data-valmsg-for='Input.Deadline']")!.TextContent);
        Assert.Contains("重大隐患须填写临时管控措施", page.QuerySelector("[data-valmsg-for='Input.InterimMeasures']")!.TextContent);
        Assert.Contains("11位手机号", page.QuerySelector("[data-valmsg-for='Input.ResponsiblePhone']")!.TextContent);
        Assert.Equal(description, page.QuerySelector("#Input_Description")!.TextContent);
        await using (var db = app.Db())
            Assert.False(await db.Context.HazardTickets.AnyAsync(t => t.Description == description));

        var opened = await county.PostFormAsync(form, SpotCheck(description), form);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        await using var check = app.Db();
        var ticket = await check.Context.HazardTickets.Include(t => t.Events).SingleAsync(t => t.Description == description);
        Assert.Equal((HazardSource.CountyCheck, "13987712345", "12月县级安全抽查", school.Id), (ticket.Source, ticket.ResponsiblePhone, ticket.SourceReference, ticket.SchoolId));
        Assert.Matches(@"^XP004-2026-\d{4}$", ticket.Number);
        Assert.Equal(TicketEventKind.Opened, Assert.Single(ticket.Events).Kind);
        Assert.True(await check.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(HazardTicket) && a.EntityKey == ticket.Id.ToString() && a.Action == AuditAction.Added && a.UserName == "county"));

        var details = await county.PageAsync($"/Tickets/Details/{ticket.Id}");
        Assert.Contains("县级抽查", details.QuerySelector("#ticket-source")!.TextContent);
        Assert.Contains("13987712345", details.QuerySelector("#ticket-responsible")!.TextContent);
    }

    [Fact]
    public async Task A_school_reports_its_own_hazard_to_one_of_its_accounts_but_cannot_open_a_spot_check()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        var form = await officer.PageAsync("/Tickets/Create");
        var leaderOption = form.QuerySelectorAll("#Input_ResponsibleUserId option").Single(o => o.TextContent.Contains("(leader)") || o.TextContent.Contains("（leader）"));
        Assert.DoesNotContain(form.QuerySelectorAll("#Input_Source option"), o => o.GetAttribute("value") == "CountyCheck");

        var description = $"楼梯扶手松动 {Guid.NewGuid():N}"[..14];
        var fields = SpotCheck(description);
        var refused = await officer.PostFormAsync($"/Tickets/Create?schoolId={school.Id}", fields, "/Tickets/Create");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        fields["Input.Source"] = "Report";
        fields["Input.ResponsibleUserId"] = leaderOption.GetAttribute("value")!;
        fields["Input.ResponsibleName"] = "";
        fields["Input.ResponsiblePhone"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/Tickets/Create?schoolId={school.Id}", fields, "/Tickets/Create")).StatusCode);
        await using var db = app.Db();
        var ticket = await db.Context.HazardTickets.SingleAsync(t => t.Description == description);
        var leader = await db.Context.Users.SingleAsync(u => u.UserName == "leader");
        Assert.Equal((leader.Id, leader.DisplayName), (ticket.ResponsibleUserId, ticket.ResponsibleName));
    }

    [Fact]
    public async Task The_county_list_filters_by_grade_item_township_type_dates_and_late_verification_and_sorts()
    {
        using var county = await app.LoginAsync("county");
        await using var db = app.Db();
        var county530427 = db.Context.HazardTickets.Where(t => t.School!.Jurisdiction!.Code == DemoCounty.CountyCode);
        async Task AssertTotal(string query, IQueryable<HazardTicket> expected)
        {
            var page = await county.PageAsync("/Tickets?" + query);
            Assert.Equal((await expected.CountAsync()).ToString(), page.QuerySelector("#ticket-total")!.TextContent);
        }

        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        await AssertTotal("grade=Major", county530427.Where(t => t.Grade == HazardGrade.Major));
        await AssertTotal("item=I23", county530427.Where(t => t.ChecklistItem!.Key == "I23"));
        await AssertTotal("place=Canteen&grade=General", county530427.Where(t => t.Place == HazardPlace.Canteen && t.Grade == HazardGrade.General));
        await AssertTotal("township=" + Uri.EscapeDataString(school.Township), county530427.Where(t => t.School!.Township == school.Township));
        await AssertTotal("type=Kindergarten", county530427.Where(t => t.School!.Type == Schools.SchoolType.Kindergarten));
        // Found from 1 to 15 November, China time.
        await AssertTotal("from=2026-11-01&to=2026-11-15", county530427.Where(t => t.FoundAt >= new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc) && t.FoundAt < new DateTime(2026, 11, 15, 16, 0, 0, DateTimeKind.Utc)));
        var late = await county530427.Where(t => t.Status == HazardStatus.AwaitingVerification).ToListAsync();
        var lateCount = late.Count(t => t.IsVerificationLate(new DateOnly(2026, 11, 25)));
        Assert.True(lateCount > 0, "the demo has verifications waiting past 10 days");
        var latePage = await county.PageAsync("/Tickets?lateVerification=true");
        Assert.Equal(lateCount.ToString(), latePage.QuerySelector("#ticket-total")!.TextContent);
        Assert.All(latePage.QuerySelectorAll("#ticket-list tbody tr[data-number]"), r => Assert.Contains("复查超期", r.TextContent));

        var byNumber = (await county.PageAsync("/Tickets?sort=Number&desc=true")).QuerySelectorAll("#ticket-list tbody tr[data-number]").Select(r => r.GetAttribute("data-number")!).ToList();
        Assert.Equal(byNumber.OrderByDescending(n => n, StringComparer.Ordinal), byNumber);
        Assert.Equal((await county530427.OrderByDescending(t => t.Number).FirstAsync()).Number, byNumber[0]);
    }

    [Fact]
    public async Task The_demo_has_tickets_in_every_state_some_rejected_once_and_major_ones_under_supervision()
    {
        await using var db = app.Db();
        var tickets = await db.Context.HazardTickets.Include(t => t.Events).ToListAsync();
        foreach (var status in Enum.GetValues<HazardStatus>()) Assert.Contains(tickets, t => t.Status == status);
        Assert.Contains(tickets, t => t.Status == HazardStatus.Closed && t.Events.Any(e => e.Kind == TicketEventKind.Rejected));
        Assert.Contains(tickets, t => t.IsSupervised && t.Grade == HazardGrade.Major && t.HasPlan);
        Assert.Contains(tickets, t => t.IsOverdue(new DateOnly(2026, 11, 25)));
        Assert.Contains(tickets, t => t.ExtensionRequestedTo is not null);
        Assert.Contains(tickets, t => t.Source == HazardSource.CountyCheck);
        // Every timeline is a possible sequence, and nothing was closed by the one who rectified it.
        Assert.All(tickets, t =>
        {
            var moves = t.Events.Where(e => e.From is not null && e.From != e.To).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
            Assert.All(moves.Zip(moves.Skip(1)), p => Assert.Equal(p.First.To, p.Second.From));
            if (t.Status == HazardStatus.Closed) Assert.NotEqual(t.RectifiedById, t.ClosedById);
        });
    }

    [Fact]
    public async Task Ticket_notifications_reach_the_right_people_once_even_when_two_instances_run()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var county = await app.LoginAsync("county");
        var description = $"大门防冲撞设施缺失 {Guid.NewGuid():N}"[..18];
        var fields = SpotCheck(description);
        fields["Input.Deadline"] = "2026-11-27";
        var opened = await county.PostFormAsync($"/Tickets/Create?schoolId={school.Id}", fields, $"/Tickets/Create?schoolId={school.Id}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        int id;
        string officerId, leaderId, countyId;
        await using (var db = app.Db())
        {
            id = (await db.Context.HazardTickets.SingleAsync(t => t.Description == description)).Id;
            officerId = (await db.Context.Users.SingleAsync(u => u.UserName == "officer")).Id;
            leaderId = (await db.Context.Users.SingleAsync(u => u.UserName == "leader")).Id;
            countyId = (await db.Context.Users.SingleAsync(u => u.UserName == "county")).Id;
        }
        var runs = await Task.WhenAll(RunAsync(app.Clock), RunAsync(app.Clock));
        Assert.True(runs.Sum() > 0);
        Assert.Equal(0, await RunAsync(app.Clock));

        async Task<List<Notification>> For(int ticket)
        {
            await using var db = app.Db();
            return await db.Context.Notifications.Where(n => n.Link == $"/Tickets/Details/{ticket}").ToListAsync();
        }
        var assigned = await For(id);
        Assert.Contains(assigned, n => n.UserId == officerId && n.Kind == "TicketAssigned");
        Assert.Contains(assigned, n => n.UserId == leaderId && n.Kind == "TicketAssigned");
        Assert.DoesNotContain(assigned, n => n.UserId == countyId);
        Assert.Equal(assigned.Count, assigned.Select(n => (n.UserId, n.Kind, n.Key)).Distinct().Count());

        // The officer rectifies: the leader is asked to verify; the leader rejects: the officer hears why.
        using var officer = await app.LoginAsync("officer");
        using var leader = await app.LoginAsync("leader");
        Assert.Equal(HttpStatusCode.Redirect, (await TicketTests.PostFreshAsync(officer, id, "Rectify", new() { ["note"] = "已放置防冲撞石墩" })).StatusCode);
        await RunAsync(app.Clock);
        Assert.Contains(await For(id), n => n.UserId == leaderId && n.Kind == "TicketToVerify");
        Assert.Equal(HttpStatusCode.Redirect, (await TicketTests.PostFreshAsync(leader, id, "Reject", new() { ["note"] = "石墩间距过大" })).StatusCode);
        await RunAsync(app.Clock);
        var rejected = (await For(id)).Single(n => n.UserId == officerId && n.Kind == "TicketRejected");
        Assert.Contains("石墩间距过大", rejected.Args);

        // Two days before the deadline the responsible side is told; the day after it, the leader too.
        Assert.Contains(await For(id), n => n.UserId == officerId && n.Kind == "TicketDueSoon");
        var later = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));
        await RunAsync(later);
        Assert.Contains(await For(id), n => n.UserId == leaderId && n.Kind == "TicketOverdue");
        Assert.DoesNotContain(await For(id), n => n.UserId == countyId && n.Kind == "TicketOverdue");

        var digest = await officer.PageAsync("/Notifications/Digest");
        Assert.Contains("复查未通过", digest.QuerySelector("#digest-recent")!.TextContent);
        Assert.Contains(digest.QuerySelectorAll("#digest-due-soon a"), a => a.GetAttribute("href") == $"/Tickets/Details/{id}");
    }

    [Fact]
    public async Task The_bureau_digest_lists_late_verifications_and_overdue_major_tickets_of_its_scope_only()
    {
        using var county = await app.LoginAsync("county");
        var digest = await county.PageAsync("/Notifications/Digest");
        await using var db = app.Db();
        var late = (await db.Context.HazardTickets.Where(t => t.School!.Jurisdiction!.Code == DemoCounty.CountyCode && t.Status == HazardStatus.AwaitingVerification).ToListAsync())
            .Count(t => t.IsVerificationLate(new DateOnly(2026, 11, 25)));
        Assert.Equal(Math.Min(late, TicketDigest.ListLimit), digest.QuerySelectorAll("#digest-late-verification li").Length);
        Assert.All(digest.QuerySelectorAll("#digest-overdue li"), li => Assert.Contains("重大", li.TextContent));
        Assert.DoesNotContain("元江", digest.Body!.TextContent);
    }

    private async Task<int> RunAsync(TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolSafety.Data.AppDbContext>();
        return await new TicketNotifications(db, clock).RunAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TicketFlowOnSqlite(SqliteApp app) : TicketFlowTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class TicketFlowOnPostgreSql(PostgreSqlApp app) : TicketFlowTests(app);
