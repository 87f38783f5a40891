using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SchoolSafety.Auditing;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// Excel and CSV exports of the dashboard's school table, the ticket list, the staffing-gap list and the completion grid:
/// the file holds exactly what the page lists for the same query (all pages), within the user's scope, with headers in the
/// user's language; and every export or report download leaves one audit row.
/// </summary>
public abstract class ExportTests(SchoolSafetyApp app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Downloads an export and reads it back: the header row, then the data rows, as text.</summary>
    private static async Task<(HttpResponseMessage Response, string[] Headers, List<string[]> Rows)> DownloadAsync(AppClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        List<string[]> lines;
        if (url.Contains("format=xlsx"))
        {
            Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
            using var stream = new MemoryStream(bytes);
            lines = MiniExcel.Query(stream).Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
        }
        else
        {
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            using var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes[3..])), CultureInfo.InvariantCulture);
            lines = [];
            while (await csv.ReadAsync()) lines.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToArray());
        }
        Assert.NotEmpty(lines);
        return (response, lines[0], lines.Skip(1).ToList());
    }

    private static string FileName(HttpResponseMessage response) => response.Content.Headers.ContentDisposition!.FileNameStar!;

    private async Task<AuditEntry> LastDownloadAsync(string user)
    {
        await using var db = app.Db();
        return await db.Context.AuditEntries.Where(a => a.Action == AuditAction.Download && a.UserName == user).OrderByDescending(a => a.Id).FirstAsync();
    }

    private async Task<int> DownloadCountAsync(string user)
    {
        await using var db = app.Db();
        return await db.Context.AuditEntries.CountAsync(a => a.Action == AuditAction.Download && a.UserName == user);
    }

    private async Task<(int Id, string Number)> NewTicketAsync(string schoolCode, HazardGrade grade)
    {
        var school = await app.SchoolAsync(schoolCode);
        await using var db = app.Db();
        var ticket = new HazardTicket
        {
            Number = $"EX-{Guid.NewGuid():N}"[..20], SchoolId = school.Id, Source = HazardSource.CountyCheck, Place = HazardPlace.Canteen,
            Description = "食堂燃气报警器失效", Grade = grade, FoundAt = app.Clock.GetUtcNow().UtcDateTime, ResponsibleName = "杨晓梅",
            Deadline = new DateOnly(2026, 12, 2),
            Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = app.Clock.GetUtcNow().UtcDateTime }],
        };
        db.Context.HazardTickets.Add(ticket);
        await db.Context.SaveChangesAsync();
        return (ticket.Id, ticket.Number);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task The_county_exports_the_ticket_list_with_the_pages_filters_and_gets_every_row_the_page_counts(string format)
    {
        await NewTicketAsync(DemoCounty.OfficerSchoolCode, HazardGrade.Major);
        await NewTicketAsync(DemoCounty.Officer2SchoolCode, HazardGrade.Major);
        using var county = await app.LoginAsync("county");
        var page = await county.PageAsync("/Tickets?open=true&grade=Major&sort=School");
        var href = page.QuerySelector($"a[data-export={format}]")!.GetAttribute("href")!;
        Assert.Equal($"/Tickets/Export?open=true&grade=Major&sort=School&format={format}", href);

        var (response, headers, rows) = await DownloadAsync(county, href);
        Assert.Equal($"隐患整改单-20261125.{format}", FileName(response));
        Assert.Equal(["整改单号", "学校名称", "乡镇", "检查项目"], headers[..4]);
        Assert.Contains("整改期限", headers);
        int expected;
        await using (var db = app.Db())
            expected = await db.Context.HazardTickets.CountAsync(t => t.School!.Jurisdiction!.Code == DemoCounty.CountyCode
                                                                       && t.Status != HazardStatus.Closed && t.Grade == HazardGrade.Major);
        Assert.True(expected >= 2);
        Assert.Equal(expected.ToString(), page.QuerySelector("#ticket-total")!.TextContent);
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal("重大隐患", r[Array.IndexOf(headers, "隐患等级")]));
        // The page's order: its first page is the start of the file.
        var numbers = page.QuerySelectorAll("#ticket-list tbody tr[data-number]").Select(r => r.GetAttribute("data-number")).ToList();
        Assert.Equal(numbers, rows.Take(numbers.Count).Select(r => r[0]));

        var audit = await LastDownloadAsync("county");
        Assert.Equal(DownloadAudit.Kinds.TicketExport, audit.EntityType);
        Assert.Equal(format, audit.EntityKey);
        Assert.Null(audit.SchoolId);
        Assert.Contains("grade=Major", audit.Changes);
        Assert.Contains("open=true", audit.Changes);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, audit.At);
    }

    [Fact]
    public async Task A_school_exports_only_its_own_tickets_and_asking_for_another_school_gets_404_and_no_audit_row()
    {
        var (_, own) = await NewTicketAsync(DemoCounty.OfficerSchoolCode, HazardGrade.General);
        var (_, other) = await NewTicketAsync(DemoCounty.Officer2SchoolCode, HazardGrade.General);
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var otherSchool = await app.SchoolAsync(DemoCounty.Officer2SchoolCode);
        using var officer = await app.LoginAsync("officer");

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var (_, headers, rows) = await DownloadAsync(officer, $"/Tickets/Export?format={format}");
            Assert.Equal("整改单号", headers[0]);
            int expected;
            await using (var db = app.Db()) expected = await db.Context.HazardTickets.CountAsync(t => t.SchoolId == school.Id);
            Assert.Equal(expected, rows.Count);
            Assert.Equal(expected.ToString(), (await officer.PageAsync("/Tickets")).QuerySelector("#ticket-total")!.TextContent);
            Assert.All(rows, r => Assert.Equal(DemoCounty.OfficerSchoolName, r[1]));
            Assert.Contains(rows, r => r[0] == own);
            Assert.DoesNotContain(rows, r => r[0] == other);
            var audit = await LastDownloadAsync("officer");
            Assert.Equal((DownloadAudit.Kinds.TicketExport, format, school.Id), (audit.EntityType, audit.EntityKey, audit.SchoolId));
        }

        var before = await DownloadCountAsync("officer");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Tickets/Export?format=csv&schoolId={otherSchool.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/Tickets/Export?format=pdf")).StatusCode);
        Assert.Equal(before, await DownloadCountAsync("officer"));
    }

    [Fact]
    public async Task An_english_user_gets_english_headers_and_file_name()
    {
        using var county = await app.LoginAsync("county");
        await county.PostFormAsync("/Culture/Set", new { culture = "en-US", returnUrl = "/" }, "/Account/ChangePassword");
        var (response, headers, _) = await DownloadAsync(county, "/Tickets/Export?open=true&format=xlsx");
        Assert.Equal("Hazard tickets-20261125.xlsx", FileName(response));
        Assert.Equal(["Ticket", "School name"], headers[..2]);
        Assert.DoesNotContain(headers, h => h.Any(c => c >= 0x4E00 && c <= 0x9FFF));
        var (_, gridHeaders, _) = await DownloadAsync(county, "/Inspections/Completion/Export?format=csv");
        Assert.Equal("School name", gridHeaders[1]);
    }

    [Fact]
    public async Task The_dashboard_school_table_exports_every_line_for_the_filters_in_the_tables_order()
    {
        using var county = await app.LoginAsync("county");
        var dashboard = await county.PageAsync("/Dashboard");
        var township = dashboard.QuerySelectorAll("#township option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var url = $"/Dashboard?township={Uri.EscapeDataString(township)}&sort=Name";
        var page = await county.PageAsync(url);
        var href = page.QuerySelector("a[data-export=xlsx]")!.GetAttribute("href")!;
        Assert.StartsWith("/Dashboard/Export?township=", href);

        var (response, headers, rows) = await DownloadAsync(county, href);
        Assert.Equal("学校安全看板-20261125.xlsx", FileName(response));
        Assert.Equal(["学校代码", "学校名称", "乡镇", "学校类型", "风险等级"], headers[..5]);
        int expected;
        await using (var db = app.Db())
            expected = await db.Context.Schools.CountAsync(s => s.IsActive && s.Township == township && s.Jurisdiction!.Code == DemoCounty.CountyCode);
        Assert.Equal(expected.ToString(), page.QuerySelector("#school-count")!.TextContent);
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal(township, r[2]));
        var codes = page.QuerySelectorAll("#school-table tbody tr").Select(r => r.GetAttribute("data-school")).ToList();
        Assert.Equal(codes, rows.Take(codes.Count).Select(r => r[0]));
        Assert.Equal(DownloadAudit.Kinds.DashboardExport, (await LastDownloadAsync("county")).EntityType);

        using var officer = await app.LoginAsync("officer");
        var (_, _, own) = await DownloadAsync(officer, "/Dashboard/Export?format=csv");
        Assert.Equal(DemoCounty.OfficerSchoolCode, Assert.Single(own)[0]);
        Assert.Equal((await app.SchoolAsync(DemoCounty.OfficerSchoolCode)).Id, (await LastDownloadAsync("officer")).SchoolId);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task The_staffing_gap_list_exports_the_schools_the_page_lists_and_a_school_user_is_turned_away(string format)
    {
        using var county = await app.LoginAsync("county");
        var page = await county.PageAsync("/Defences/Schools?gap=GuardsShort");
        var href = page.QuerySelector($"a[data-export={format}]")!.GetAttribute("href")!;
        Assert.Equal($"/Defences/Schools/Export?gap=GuardsShort&format={format}", href);
        var (response, headers, rows) = await DownloadAsync(county, href);
        Assert.Equal($"三防缺口学校-20261125.{format}", FileName(response));
        Assert.Contains("差距", headers);
        Assert.Contains("缺保安", headers);
        var listed = page.QuerySelectorAll("#defence-schools tbody tr").Select(r => r.GetAttribute("data-code")).ToList();
        Assert.Equal(page.QuerySelector("#school-count")!.TextContent, rows.Count.ToString());
        Assert.Equal(listed, rows.Select(r => r[0]));
        Assert.NotEmpty(rows);
        var shortColumn = Array.IndexOf(headers, "缺保安");
        Assert.All(rows, r => Assert.True(int.Parse(r[shortColumn]) > 0, string.Join(",", r)));
        // The county page's figures (counted separately, over all schools) agree: schools short of guards, guards short.
        var figures = (await county.PageAsync("/Defences")).QuerySelector("#figures-Personnel tr[data-gap=GuardsShort]")!;
        Assert.Equal(figures.QuerySelector(".schools")!.TextContent.Trim(), rows.Count.ToString());
        Assert.Equal(figures.QuerySelector(".amount")!.TextContent.Trim(), rows.Sum(r => int.Parse(r[shortColumn])).ToString());
        var audit = await LastDownloadAsync("county");
        Assert.Equal(DownloadAudit.Kinds.DefenceGapExport, audit.EntityType);
        Assert.Contains("gap=GuardsShort", audit.Changes);

        using var officer = await app.LoginAsync("officer");
        var denied = await officer.GetAsync($"/Defences/Schools/Export?gap=GuardsShort&format={format}");
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_completion_grid_exports_one_row_per_school_and_one_column_per_week()
    {
        using var county = await app.LoginAsync("county");
        var page = await county.PageAsync("/Inspections/Completion?type=Kindergarten");
        var href = page.QuerySelector("a[data-export=xlsx]")!.GetAttribute("href")!;
        Assert.Equal("/Inspections/Completion/Export?type=Kindergarten&format=xlsx", href);
        var (response, headers, rows) = await DownloadAsync(county, href);
        Assert.Equal("周检完成情况-20261125.xlsx", FileName(response));
        var weeks = page.QuerySelectorAll("#completion-grid thead th").Length - 3;
        Assert.Equal(3 + weeks + 2, headers.Length);
        Assert.Equal(["学校代码", "学校名称", "乡镇"], headers[..3]);
        Assert.StartsWith("第", headers[3]);
        Assert.Equal(["已交", "缺交"], headers[^2..]);
        int expected;
        await using (var db = app.Db())
            expected = await db.Context.Schools.CountAsync(s => s.IsActive && s.Type == Schools.SchoolType.Kindergarten && s.Jurisdiction!.Code == DemoCounty.CountyCode);
        var pageRows = page.QuerySelectorAll("#completion-grid tbody tr");
        Assert.Equal(expected, pageRows.Length);
        Assert.Equal(expected, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(pageRows[i].GetAttribute("data-school"), rows[i][0]);
            var cells = pageRows[i].QuerySelectorAll("td");
            Assert.Equal(cells[^2].TextContent.Trim(), rows[i][^2]);
            Assert.Equal(cells[^1].TextContent.Trim(), rows[i][^1]);
        }
        Assert.Equal(DownloadAudit.Kinds.CompletionExport, (await LastDownloadAsync("county")).EntityType);
    }

    [Fact]
    public async Task Report_downloads_are_audited_and_the_bureau_finds_them_in_the_audit_trail()
    {
        var (id, number) = await NewTicketAsync(DemoCounty.OfficerSchoolCode, HazardGrade.General);
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Tickets/Notice/{id}")).StatusCode);
        var notice = await LastDownloadAsync("officer");
        Assert.Equal((DownloadAudit.Kinds.RectificationNotice, number, school.Id), (notice.EntityType, notice.EntityKey, notice.SchoolId));
        Assert.Contains($"隐患整改通知书-{number}.pdf", notice.Changes);

        using var other = await app.LoginAsync("officer2");
        var before = await DownloadCountAsync("officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Tickets/Notice/{id}")).StatusCode);
        Assert.Equal(before, await DownloadCountAsync("officer2"));

        using var county = await app.LoginAsync("county");
        var term = (await county.PageAsync("/Dashboard")).QuerySelector("#term-report-pdf")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync(term)).StatusCode);
        var report = await LastDownloadAsync("county");
        Assert.Equal(DownloadAudit.Kinds.TermReport, report.EntityType);
        Assert.Contains("学校安全工作情况汇报.pdf", report.Changes);

        // The county sees who downloaded its school's notice; downloads of several schools' data are the administrator's to see.
        var trail = await county.PageAsync($"/Audit?action=Download&schoolId={school.Id}");
        var rows = trail.QuerySelectorAll("#audit-list > tbody > tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("下载", r.TextContent));
        Assert.Contains(rows, r => r.TextContent.Contains("officer") && r.TextContent.Contains("隐患整改通知书") && r.TextContent.Contains(number));
        Assert.Equal("Download", trail.QuerySelector("#action option[selected]")!.GetAttribute("value"));

        using var admin = await app.LoginAsync("admin");
        var all = await admin.PageAsync("/Audit?action=Download&entity=TermReport");
        var termRows = all.QuerySelectorAll("#audit-list > tbody > tr");
        Assert.NotEmpty(termRows);
        Assert.All(termRows, r => Assert.Contains("学期情况汇报", r.TextContent));
        Assert.Contains(termRows, r => r.TextContent.Contains("county"));
        var changed = await admin.PageAsync("/Audit?action=Modified");
        Assert.DoesNotContain(changed.QuerySelectorAll("#audit-list > tbody > tr"), r => r.TextContent.Contains("下载"));
    }

    [Fact]
    public async Task Downloading_a_ledger_document_is_recorded_and_a_photo_shown_in_a_page_is_not()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        Guid document, photo;
        await using (var db = app.Db())
        {
            var storage = db.Get<Files.FileStorage>();
            var pdf = DemoLedger.MinimalPdf("export test");
            var stored = await storage.SaveDocumentAsync(new MemoryStream(pdf), pdf.Length, "安全管理制度.pdf", school.Id, null);
            var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
            var image = await storage.SaveImageAsync(new MemoryStream(png), png.Length, school.Id, null);
            db.Context.StoredFiles.AddRange(stored, image);
            await db.Context.SaveChangesAsync();
            (document, photo) = (stored.Id, image.Id);
        }
        using var officer = await app.LoginAsync("officer");
        var before = await DownloadCountAsync("officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Files/{photo}")).StatusCode);
        Assert.Equal(before, await DownloadCountAsync("officer"));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Files/{document}")).StatusCode);
        var audit = await LastDownloadAsync("officer");
        Assert.Equal((DownloadAudit.Kinds.StoredFile, document.ToString(), school.Id), (audit.EntityType, audit.EntityKey, audit.SchoolId));
        Assert.Contains("安全管理制度.pdf", audit.Changes);

        using var other = await app.LoginAsync("officer2");
        var otherBefore = await DownloadCountAsync("officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Files/{document}")).StatusCode);
        Assert.Equal(otherBefore, await DownloadCountAsync("officer2"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExportsOnSqlite(SqliteApp app) : ExportTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class ExportsOnPostgreSql(PostgreSqlApp app) : ExportTests(app);
