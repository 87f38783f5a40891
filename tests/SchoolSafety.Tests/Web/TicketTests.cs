using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class TicketTests(SchoolSafetyApp app)
{
    private async Task<int> NewTicketAsync(HazardGrade grade)
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        await using var db = app.Db();
        var ticket = new HazardTicket
        {
            Number = $"T-{Guid.NewGuid():N}"[..20], SchoolId = school.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Dormitory,
            Description = "宿舍楼道应急灯不亮", Grade = grade, FoundAt = app.Clock.GetUtcNow().UtcDateTime, ResponsibleName = "杨晓梅",
            Deadline = new DateOnly(2026, 12, 2),
            Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = app.Clock.GetUtcNow().UtcDateTime }],
        };
        db.Context.HazardTickets.Add(ticket);
        await db.Context.SaveChangesAsync();
        return ticket.Id;
    }

    /// <summary>Posts a ticket form with the token and row version of the ticket page as it is now.</summary>
    internal static async Task<HttpResponseMessage> PostFreshAsync(AppClient c, int id, string action, Dictionary<string, string> fields)
    {
        var page = await c.PageAsync($"/Tickets/Details/{id}");
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["rowVersion"] = page.QuerySelector("input[name=rowVersion]")?.GetAttribute("value") ?? "";
        return await c.Http.PostAsync($"/Tickets/{action}/{id}", new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> ActAsync(AppClient client, int id, string action, string note, byte[]? photo = null)
    {
        var page = await client.PageAsync($"/Tickets/Details/{id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var rowVersion = page.QuerySelector("input[name=rowVersion]")?.GetAttribute("value") ?? "";
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(rowVersion), "rowVersion" },
            { new StringContent(note), "note" },
        };
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "photos", "after.png");
        }
        return await client.Http.PostAsync($"/Tickets/{action}/{id}", content);
    }

    [Fact]
    public async Task The_loop_rectify_reject_rectify_close_is_kept_in_the_timeline_and_cannot_be_short_circuited()
    {
        var id = await NewTicketAsync(HazardGrade.General);
        using var officer = await app.LoginAsync("officer");
        using var leader = await app.LoginAsync("leader");

        // Nobody can close a ticket that was never rectified.
        var early = await ActAsync(leader, id, "Verify", "看过了");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, id, "Rectify", "已更换应急灯", InspectionTests.Png)).StatusCode);
        // The rectifier cannot verify their own work.
        var self = await ActAsync(officer, id, "Verify", "我自己验收");
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("复查人不能是整改人", await self.Content.ReadAsStringAsync());

        var emptyReason = await ActAsync(leader, id, "Reject", "");
        Assert.Contains("退回整改须说明原因", await emptyReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(leader, id, "Reject", "二楼还有一盏不亮")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, id, "Rectify", "二楼应急灯也已更换", InspectionTests.Png)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(leader, id, "Verify", "现场复查全部正常")).StatusCode);

        await using var db = app.Db();
        var ticket = await db.Context.HazardTickets.Include(t => t.Events).SingleAsync(t => t.Id == id);
        Assert.Equal(HazardStatus.Closed, ticket.Status);
        Assert.Equal(
            [TicketEventKind.Opened, TicketEventKind.Rectified, TicketEventKind.Rejected, TicketEventKind.Rectified, TicketEventKind.Closed],
            ticket.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Equal(2, await db.Context.StoredFiles.CountAsync(f => f.HazardTicketId == id));
        var page = await leader.PageAsync($"/Tickets/Details/{id}");
        Assert.Contains("二楼还有一盏不亮", page.QuerySelector("#timeline")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("#evidence img").Length);
    }

    [Fact]
    public async Task A_major_hazard_is_verified_by_the_bureau_not_by_the_school_leader()
    {
        var id = await NewTicketAsync(HazardGrade.Major);
        using var officer = await app.LoginAsync("officer");
        using var leader = await app.LoginAsync("leader");
        // Not without a treatment plan; an incomplete plan is refused beside the missing parts and keeps what was typed.
        var noPlan = await ActAsync(officer, id, "Rectify", "已停用并维修");
        Assert.Equal(HttpStatusCode.Conflict, noPlan.StatusCode);
        Assert.Contains("重大隐患须先制定治理方案", await noPlan.Content.ReadAsStringAsync());
        var plan = new Dictionary<string, string>
        {
            ["Plan.Goal"] = "更换全部应急灯", ["Plan.Measures"] = "采购并安装应急灯12盏", ["Plan.Funds"] = "",
            ["Plan.People"] = "总务处", ["Plan.TimeLimit"] = "2026-12-01", ["Plan.Safety"] = "夜间安排教师值守楼道",
        };
        var incomplete = await PostFreshAsync(officer, id, "RecordPlan", new(plan));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var form = AppClient.Parse(await incomplete.Content.ReadAsStringAsync());
        Assert.Equal("此项必填。", form.QuerySelector("#plan-Funds-error")!.TextContent);
        Assert.Equal("采购并安装应急灯12盏", form.QuerySelector("#plan-Measures")!.TextContent);
        plan["Plan.Funds"] = "学校公用经费3600元";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFreshAsync(officer, id, "RecordPlan", plan)).StatusCode);
        Assert.Contains("学校公用经费3600元", (await leader.PageAsync($"/Tickets/Details/{id}")).QuerySelector("#treatment-plan")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, id, "Rectify", "已停用并维修", InspectionTests.Png)).StatusCode);
        Assert.Null((await leader.PageAsync($"/Tickets/Details/{id}")).QuerySelector("#verify-card"));
        var byLeader = await ActAsync(leader, id, "Verify", "合格");
        Assert.Contains("重大隐患须由教体局复查", await byLeader.Content.ReadAsStringAsync());

        using var county = await app.LoginAsync("county");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(county, id, "Verify", "县教体局现场复查合格")).StatusCode);
        await using var db = app.Db();
        Assert.Equal(HazardStatus.Closed, (await db.Context.HazardTickets.SingleAsync(t => t.Id == id)).Status);
    }

    [Fact]
    public async Task Two_verifiers_at_once_one_wins_and_the_other_is_told()
    {
        var id = await NewTicketAsync(HazardGrade.General);
        using var officer = await app.LoginAsync("officer");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, id, "Rectify", "已整改", InspectionTests.Png)).StatusCode);
        using var leader = await app.LoginAsync("leader");
        using var county = await app.LoginAsync("county");
        var leaderPage = await leader.PageAsync($"/Tickets/Details/{id}");
        var countyPage = await county.PageAsync($"/Tickets/Details/{id}");
        async Task<HttpResponseMessage> Post(AppClient c, AngleSharp.Html.Dom.IHtmlDocument p, string action, string note) =>
            await c.Http.PostAsync($"/Tickets/{action}/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = p.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["rowVersion"] = p.QuerySelector("input[name=rowVersion]")!.GetAttribute("value")!,
                ["note"] = note,
            }));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(leader, leaderPage, "Verify", "合格")).StatusCode);
        var second = await Post(county, countyPage, "Reject", "不合格");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await using var db = app.Db();
        var ticket = await db.Context.HazardTickets.Include(t => t.Events).SingleAsync(t => t.Id == id);
        Assert.Equal(HazardStatus.Closed, ticket.Status);
        Assert.DoesNotContain(ticket.Events, e => e.Kind == TicketEventKind.Rejected);
    }

    [Fact]
    public async Task The_bureau_puts_a_ticket_under_supervision_and_lifts_it_and_a_school_cannot()
    {
        var id = await NewTicketAsync(HazardGrade.Major);
        using var county = await app.LoginAsync("county");
        Task<HttpResponseMessage> Post(AppClient c, string action, Dictionary<string, string> fields) => PostFreshAsync(c, id, action, fields);
        var noDate = await Post(county, "Supervise", new() { ["note"] = "限期整改" });
        Assert.Contains("请填写不早于今天的督办期限", await noDate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(county, "Supervise", new() { ["note"] = "重大隐患，县局挂牌督办", ["due"] = "2026-12-10" })).StatusCode);
        var list = await county.PageAsync("/Tickets?supervised=true");
        Assert.Contains(list.QuerySelectorAll("#ticket-list tbody tr"), r => r.TextContent.Contains("挂牌督办") && r.TextContent.Contains("宿舍楼道应急灯不亮"));

        using var officer = await app.LoginAsync("officer");
        var page = await officer.PageAsync($"/Tickets/Details/{id}");
        Assert.NotNull(page.QuerySelector("#supervised-badge"));
        Assert.Null(page.QuerySelector("#supervise-form"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var byOfficer = await officer.Http.PostAsync($"/Tickets/LiftSupervision/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.StartsWith("/Account/AccessDenied", byOfficer.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(county, "LiftSupervision", new())).StatusCode);
        await using var db = app.Db();
        var ticket = await db.Context.HazardTickets.Include(t => t.Events).SingleAsync(t => t.Id == id);
        Assert.False(ticket.IsSupervised);
        Assert.Equal([TicketEventKind.Opened, TicketEventKind.Supervised, TicketEventKind.SupervisionLifted], ticket.Events.OrderBy(e => e.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task An_extension_is_asked_by_the_school_and_decided_by_someone_else_and_an_earlier_date_is_refused()
    {
        var id = await NewTicketAsync(HazardGrade.General);
        Task<HttpResponseMessage> Post(AppClient c, string action, Dictionary<string, string> fields) => PostFreshAsync(c, id, action, fields);
        using var officer = await app.LoginAsync("officer");
        var earlier = await Post(officer, "RequestExtension", new() { ["to"] = "2026-11-30", ["note"] = "材料未到" });
        Assert.Contains("新的期限须晚于当前整改期限", await earlier.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(officer, "RequestExtension", new() { ["to"] = "2026-12-16", ["note"] = "灭火器需向县消防采购" })).StatusCode);
        Assert.Null((await officer.PageAsync($"/Tickets/Details/{id}")).QuerySelector("#decide-extension-form"));
        var self = await Post(officer, "DecideExtension", new() { ["approve"] = "true" });
        Assert.Contains("审批人不能是申请人", await self.Content.ReadAsStringAsync());

        using var leader = await app.LoginAsync("leader");
        Assert.NotNull((await leader.PageAsync($"/Tickets/Details/{id}")).QuerySelector("#decide-extension-form"));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(leader, "DecideExtension", new() { ["approve"] = "true", ["note"] = "同意" })).StatusCode);
        await using var db = app.Db();
        var ticket = await db.Context.HazardTickets.Include(t => t.Events).SingleAsync(t => t.Id == id);
        Assert.Equal((new DateOnly(2026, 12, 16), (DateOnly?)null), (ticket.Deadline, ticket.ExtensionRequestedTo));
        Assert.Equal([TicketEventKind.Opened, TicketEventKind.ExtensionRequested, TicketEventKind.ExtensionApproved], ticket.Events.OrderBy(e => e.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task The_figures_counted_by_the_database_match_a_count_of_the_demo_countys_tickets_in_memory()
    {
        await using var db = app.Db();
        var (from, today) = (new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 25));
        var scope = new Security.UserScope("u", Identity.Roles.CountyStaff, null, "/530000/530400/530427/");
        var ids = Security.ScopeQueryExtensions.VisibleTo(db.Context.Schools, scope).Select(s => s.Id);
        var counts = await Dashboard.TicketCounts.ReadAsync(db.Context, ids, await Dashboard.SchoolTermSummaries.ReadAsync(db.Context, ids, from, CancellationToken.None),
            from, today, today, CancellationToken.None);
        var tickets = await db.Context.HazardTickets.Include(t => t.Events).Where(t => t.School!.Jurisdiction!.Code == DemoCounty.CountyCode
            && t.FoundAt >= new DateTime(2026, 8, 31, 16, 0, 0, DateTimeKind.Utc) && t.FoundAt < new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc)).ToListAsync();
        var closed = tickets.Where(t => t.Status == HazardStatus.Closed).ToList();
        var figures = counts.Figures;
        Assert.True(figures.Found > 0);
        Assert.Equal(tickets.Count, figures.Found);
        Assert.Equal(tickets.Count(t => t.Status != HazardStatus.Closed), figures.Open);
        Assert.Equal(tickets.Count(t => t.IsOverdue(today)), figures.Overdue);
        Assert.Equal(closed.Count, figures.Closed);
        Assert.Equal(Math.Round(100.0 * closed.Count(t => Common.ChinaTime.DateOf(t.ClosedAt!.Value) <= t.Deadline) / closed.Count, 1), figures.ClosedOnTimePercent);
        Assert.Equal(tickets.Sum(t => t.Events.Count(e => e.Kind == TicketEventKind.Rejected)), figures.Rejections);
        Assert.Equal(tickets.Count(r => r.ChecklistItemId is not null && closed.Any(c => c.SchoolId == r.SchoolId && c.ChecklistItemId == r.ChecklistItemId
            && c.ClosedAt < r.FoundAt && r.FoundOn <= c.ClosedOn!.Value.AddDays(TicketFigures.RepeatWindowDays))), figures.RepeatHazards);
    }

    [Fact]
    public async Task Officers_see_their_own_schools_tickets_and_overdue_ones_stand_out()
    {
        using var officer = await app.LoginAsync("officer");
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var page = await officer.PageAsync("/Tickets");
        Assert.NotEmpty(page.QuerySelectorAll("#ticket-list tbody tr[data-number]"));
        Assert.All(page.QuerySelectorAll("#ticket-list tbody tr"), r => Assert.Contains(school.Name, r.TextContent));
        using var county = await app.LoginAsync("county");
        var overdue = await county.PageAsync("/Tickets?overdue=true");
        Assert.NotEmpty(overdue.QuerySelectorAll("#ticket-list tbody tr[data-number]"));
        Assert.All(overdue.QuerySelectorAll("#ticket-list tbody tr"), r => Assert.Contains("已逾期", r.TextContent));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TicketsOnSqlite(SqliteApp app) : TicketTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class TicketsOnPostgreSql(PostgreSqlApp app) : TicketTests(app);
