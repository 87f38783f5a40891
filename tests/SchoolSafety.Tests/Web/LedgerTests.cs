using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Demo;
using SchoolSafety.Ledger;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>The school ledger: documents, responsibility letters and surroundings, as the school records them and the county sees them.</summary>
public abstract class LedgerTests(SchoolSafetyApp app)
{
    private static readonly byte[] Pdf = DemoLedger.MinimalPdf("ledger test");
    private static readonly byte[] Text = "这不是PDF，只是改了扩展名的文本"u8.ToArray();

    /// <summary>
    /// Submits a form of a page the way a browser does (multipart): what the form holds (its own antiforgery
    /// token, the row version, the values shown), with the given fields typed over it, and an optional file.
    /// </summary>
    private static async Task<HttpResponseMessage> SubmitAsync(AppClient client, string pageUrl, string form,
        Dictionary<string, string> fields, (string Field, byte[] Bytes, string Name)? file = null)
    {
        var page = await client.PageAsync(pageUrl);
        var element = page.QuerySelector(form) ?? throw new InvalidOperationException($"No {form} on {pageUrl}.");
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Values(element).Where(v => !fields.ContainsKey(v.Key)).Concat(fields)) content.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, f.Field, f.Name);
        }
        return await client.Http.PostAsync(element.GetAttribute("action"), content);
    }

    /// <summary>The values a browser would send for a form: inputs (not files), selected options, text areas.</summary>
    private static Dictionary<string, string> Values(AngleSharp.Dom.IElement form) =>
        form.QuerySelectorAll("input, select, textarea")
            .Where(e => e.GetAttribute("name") is not null && e.GetAttribute("type") != "file" && (e.GetAttribute("type") != "checkbox" || e.HasAttribute("checked")))
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First() switch
            {
                var e when e.LocalName == "select" => e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "",
                var e when e.LocalName == "textarea" => e.TextContent,
                var e => e.GetAttribute("value") ?? "",
            });

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => AppClient.Parse(await response.Content.ReadAsStringAsync());

    private static string Message(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task The_officer_uploads_a_document_version_bad_input_is_refused_beside_the_field_and_the_new_version_becomes_current()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        var url = $"/Schools/{school.Id}/Documents";
        var page = await officer.PageAsync(url);
        var type = page.QuerySelectorAll("#Input_DocumentTypeId option").Single(o => o.TextContent == "安全应急措施预案").GetAttribute("value")!;
        var title = $"修订{Guid.NewGuid():N}"[..12];
        int documentsBefore, filesBefore;
        await using (var db = app.Db())
            (documentsBefore, filesBefore) = (await db.Context.SafetyDocuments.CountAsync(), await db.Context.StoredFiles.CountAsync());

        // A date in the future and no file; then a text file renamed .pdf.
        var future = await SubmitAsync(officer, url, "#upload-form", new() { ["Input.DocumentTypeId"] = type, ["Input.EffectiveOn"] = "2026-11-26", ["Input.Title"] = title });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        var refused = await ParseAsync(future);
        Assert.Equal("生效日期不能晚于今天。", Message(refused, "Input.EffectiveOn"));
        Assert.Equal("请选择要上传的文件。", Message(refused, "File"));
        Assert.Equal(title, refused.QuerySelector("#Input_Title")!.GetAttribute("value"));
        var renamed = await SubmitAsync(officer, url, "#upload-form", new() { ["Input.DocumentTypeId"] = type, ["Input.EffectiveOn"] = "2026-11-20", ["Input.Title"] = title }, ("file", Text, "方案.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, renamed.StatusCode);
        Assert.Contains("只能上传 PDF、Word", Message(await ParseAsync(renamed), "File"));
        await using (var db = app.Db())
            Assert.Equal((documentsBefore, filesBefore), (await db.Context.SafetyDocuments.CountAsync(), await db.Context.StoredFiles.CountAsync()));

        var saved = await SubmitAsync(officer, url, "#upload-form", new() { ["Input.DocumentTypeId"] = type, ["Input.EffectiveOn"] = "2026-11-20", ["Input.Title"] = title }, ("file", Pdf, "应急预案2026.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var card = (await officer.PageAsync(url)).QuerySelector($"#type-{type}")!;
        Assert.Contains(title, card.QuerySelector(".current-version")!.TextContent);
        Assert.Contains("杨晓梅", card.QuerySelector(".current-version")!.TextContent);
        var link = card.QuerySelector(".current-version a.file-link")!;
        Assert.Equal("应急预案2026.pdf", link.TextContent);

        // The download is an attachment of the real type, never sniffed; another school's officer gets 404.
        var download = await officer.GetAsync(link.GetAttribute("href")!);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        using var officer2 = await app.LoginAsync("officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await officer2.GetAsync(link.GetAttribute("href")!)).StatusCode);

        await using var check = app.Db();
        var document = await check.Context.SafetyDocuments.SingleAsync(d => d.Title == title);
        Assert.Equal((school.Id, new DateOnly(2026, 11, 20)), (document.SchoolId, document.EffectiveOn));
        Assert.True(await check.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(SafetyDocument) && a.EntityKey == document.Id.ToString() && a.UserName == "officer" && a.SchoolId == school.Id));
    }

    [Fact]
    public async Task The_county_list_of_documents_counts_the_schools_missing_any_as_the_database_does_and_links_each_gap()
    {
        using var county = await app.LoginAsync("county");
        await using var db = app.Db();
        var required = await db.Context.RequiredDocumentTypes.Where(t => t.IsActive).Select(t => t.Id).ToListAsync();
        var schools = db.Context.Schools.Where(s => s.IsActive && s.Jurisdiction!.Code == DemoCounty.CountyCode);
        var missing = await schools.CountAsync(s => required.Any(t => !db.Context.SafetyDocuments.Any(d => d.SchoolId == s.Id && d.DocumentTypeId == t)));
        Assert.True(missing > 0, "the demo has schools missing documents");

        var all = await county.PageAsync("/Documents");
        Assert.Equal((await schools.CountAsync()).ToString(), all.QuerySelector("#ledger-total")!.TextContent);
        Assert.Equal(missing.ToString(), all.QuerySelector("#count-missing")!.TextContent);
        var page = await county.PageAsync("/Documents?status=Missing");
        Assert.Equal(missing.ToString(), page.QuerySelector("#ledger-total")!.TextContent);

        var plan = await db.Context.RequiredDocumentTypes.SingleAsync(t => t.Name == "安全应急措施预案");
        var withoutPlan = await schools.CountAsync(s => !db.Context.SafetyDocuments.Any(d => d.SchoolId == s.Id && d.DocumentTypeId == plan.Id));
        var township = (await app.SchoolAsync("XP030")).Township;
        Assert.Equal(withoutPlan.ToString(), (await county.PageAsync($"/Documents?missing={plan.Id}")).QuerySelector("#ledger-total")!.TextContent);
        Assert.Equal((await schools.CountAsync(s => s.Township == township && s.Type == Schools.SchoolType.Kindergarten)).ToString(),
            (await county.PageAsync($"/Documents?township={Uri.EscapeDataString(township)}&type=Kindergarten")).QuerySelector("#ledger-total")!.TextContent);

        // Each gap is one click from the school's own page, where that document shows as missing.
        var gap = page.QuerySelector("#ledger-list a.gap-link")!.GetAttribute("href")!;
        Assert.Matches(@"^/Schools/\d+/Documents#type-\d+$", gap);
        var schoolPage = await county.PageAsync(gap.Split('#')[0]);
        Assert.Contains("缺失", schoolPage.QuerySelector("#" + gap.Split('#')[1])!.TextContent);
        Assert.Null(schoolPage.QuerySelector("#upload-form"));
    }

    [Fact]
    public async Task An_administrator_adds_a_required_document_every_school_then_misses_it_and_retiring_it_removes_the_gap()
    {
        using var admin = await app.LoginAsync("admin");
        var name = $"校园欺凌防治制度{Guid.NewGuid():N}"[..14];
        var empty = await admin.PostFormAsync("/Documents/Types", new Dictionary<string, string> { ["Input.Name"] = " ", ["Input.SortOrder"] = "9" }, "/Documents/Types");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("请填写制度名称。", Message(await ParseAsync(empty), "Input.Name"));
        var taken = await admin.PostFormAsync("/Documents/Types", new Dictionary<string, string> { ["Input.Name"] = "安全应急措施预案", ["Input.SortOrder"] = "9" }, "/Documents/Types");
        Assert.Equal("已有同名的制度。", Message(await ParseAsync(taken), "Input.Name"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Documents/Types", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.NameEn"] = "Anti-bullying rules", ["Input.SortOrder"] = "9" }, "/Documents/Types")).StatusCode);
        var total = (await admin.PageAsync("/Documents")).QuerySelector("#ledger-total")!.TextContent;
        Assert.Equal(total, (await admin.PageAsync("/Documents")).QuerySelector("#count-missing")!.TextContent);

        int id;
        await using (var db = app.Db()) id = (await db.Context.RequiredDocumentTypes.SingleAsync(t => t.Name == name)).Id;
        var types = await admin.PageAsync("/Documents/Types");
        var fields = types.QuerySelectorAll($"[form='type-form-{id}'], #type-form-{id} input")
            .Where(e => e.GetAttribute("name") is { } n && !n.StartsWith("__") && e.GetAttribute("type") != "checkbox")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? "");
        fields["Input.IsActive"] = "false";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Documents/Types/{id}", fields, "/Documents/Types")).StatusCode);
        Assert.DoesNotContain(name, (await admin.PageAsync("/Documents")).QuerySelector("#ledger-counts")!.TextContent);
        // A second save with the old row version is refused: someone else changed it in between.
        fields["Input.IsActive"] = "true";
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostFormAsync($"/Documents/Types/{id}", fields, "/Documents/Types")).StatusCode);
        await using var check = app.Db();
        Assert.False((await check.Context.RequiredDocumentTypes.SingleAsync(t => t.Id == id)).IsActive);
    }

    [Fact]
    public async Task Letters_refuse_a_future_date_a_missing_scan_and_more_signed_than_due_and_keep_what_was_typed()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        const int year = 2027;   // next year's letters, signed ahead: nothing in the demo yet
        var url = $"/Schools/{school.Id}/Letters?year={year}";

        var county = await SubmitAsync(officer, url, "#county-form", new() { ["CountyForm.SignerName"] = "", ["CountyForm.SignedOn"] = "2026-12-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, county.StatusCode);
        var page = await ParseAsync(county);
        Assert.Equal("签订日期不能晚于今天。", Message(page, "CountyForm.SignedOn"));
        Assert.Equal("请填写签订责任书的校长姓名。", Message(page, "CountyForm.SignerName"));
        Assert.Equal("请上传校长签字的责任书扫描件。", Message(page, "CountyForm.Scan"));
        var wrongScan = await SubmitAsync(officer, url, "#county-form", new() { ["CountyForm.SignerName"] = "王校长", ["CountyForm.SignedOn"] = "2026-11-24" }, ("scan", Text, "责任书.pdf"));
        Assert.Contains("只能上传 PDF、Word", Message(await ParseAsync(wrongScan), "CountyForm.Scan"));

        var staff = await SubmitAsync(officer, url, "#staff-form", new() { ["StaffForm.SignedCount"] = "60", ["StaffForm.TotalCount"] = "52", ["StaffForm.SignedOn"] = "2026-11-24" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, staff.StatusCode);
        var staffPage = await ParseAsync(staff);
        Assert.Equal("已签份数不能多于应签份数。", Message(staffPage, "StaffForm.SignedCount"));
        Assert.Equal("60", staffPage.QuerySelector("#StaffForm_SignedCount")!.GetAttribute("value"));
        await using (var db = app.Db())
            Assert.False(await db.Context.ResponsibilityLetters.AnyAsync(l => l.SchoolId == school.Id && l.Year == year));

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, url, "#county-form", new() { ["CountyForm.SignerName"] = "王校长", ["CountyForm.SignedOn"] = "2026-11-24" }, ("scan", Pdf, "2027年责任书.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, url, "#staff-form", new() { ["StaffForm.SignedCount"] = "50", ["StaffForm.TotalCount"] = "52", ["StaffForm.SignedOn"] = "2026-11-24" })).StatusCode);
        var shown = await officer.PageAsync(url);
        Assert.Contains("王校长", shown.QuerySelector("#county-letter .stored-letter")!.TextContent);
        Assert.Equal("2027年责任书.pdf", shown.QuerySelector("#county-letter .stored-letter a.file-link")!.TextContent);
        Assert.Equal("已签 50 / 应签 52", shown.QuerySelector("#staff-count")!.TextContent);
        Assert.Contains("部分签订", shown.QuerySelector("#staff-letter")!.TextContent);

        // The last two sign: the same letter is updated (the county letter keeps its scan when no new one is sent).
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, url, "#staff-form", new() { ["StaffForm.SignedCount"] = "52" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, url, "#county-form", new() { ["CountyForm.Note"] = "原件存校长办公室" })).StatusCode);
        await using var check = app.Db();
        var letters = await check.Context.ResponsibilityLetters.Where(l => l.SchoolId == school.Id && l.Year == year).ToListAsync();
        Assert.Equal(2, letters.Count);
        Assert.Equal(52, letters.Single(l => l.Level == LetterLevel.SchoolToStaff).SignedCount);
        Assert.NotNull(letters.Single(l => l.Level == LetterLevel.CountyToSchool).ScanFileId);
        Assert.Equal("原件存校长办公室", letters.Single(l => l.Level == LetterLevel.CountyToSchool).Note);
    }

    [Fact]
    public async Task The_county_sees_which_schools_have_not_signed_this_years_letter_as_the_database_counts_it()
    {
        using var county = await app.LoginAsync("county");
        await using var db = app.Db();
        var schools = db.Context.Schools.Where(s => s.IsActive && s.Jurisdiction!.Code == DemoCounty.CountyCode);
        var notSigned = await schools.CountAsync(s => !db.Context.ResponsibilityLetters.Any(l => l.SchoolId == s.Id && l.Year == 2026 && l.Level == LetterLevel.CountyToSchool));
        var staffOpen = await schools.CountAsync(s => !db.Context.ResponsibilityLetters.Any(l => l.SchoolId == s.Id && l.Year == 2026 && l.Level == LetterLevel.SchoolToStaff && l.SignedCount >= l.TotalCount));
        Assert.True(notSigned > 0 && staffOpen > notSigned / 2, "the demo has schools that have not signed");

        var page = await county.PageAsync("/Letters?status=CountyMissing");
        Assert.Contains("2026", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(notSigned.ToString(), page.QuerySelector("#ledger-total")!.TextContent);
        Assert.Equal(notSigned.ToString(), page.QuerySelector("#count-county-missing")!.TextContent);
        Assert.Equal(staffOpen.ToString(), page.QuerySelector("#count-staff-missing")!.TextContent);
        Assert.All(page.QuerySelectorAll("#ledger-list tbody tr[data-code]"), r => Assert.Contains("未签订", r.TextContent));

        var gap = page.QuerySelector("#ledger-list a.gap-link")!.GetAttribute("href")!;
        Assert.Matches(@"^/Schools/\d+/Letters\?year=2026#county-letter$", gap);
        Assert.Contains("未签订", (await county.PageAsync(gap.Split('#')[0])).QuerySelector("#county-letter")!.TextContent);
        // Last year every demo school signed (schools other tests add have no letters).
        var lastYear = await schools.CountAsync(s => !db.Context.ResponsibilityLetters.Any(l => l.SchoolId == s.Id && l.Year == 2025 && l.Level == LetterLevel.CountyToSchool));
        Assert.True(lastYear < notSigned);
        Assert.Equal(lastYear.ToString(), (await county.PageAsync("/Letters?year=2025")).QuerySelector("#count-county-missing")!.TextContent);
    }

    private static Dictionary<string, string> Problem(string description) => new()
    {
        ["Input.Kind"] = "UnlicensedVendors", ["Input.Location"] = "校门口西侧", ["Input.ObservedOn"] = "2026-11-24",
        ["Input.Description"] = description, ["Input.ReportedTo"] = "MarketRegulation", ["Input.Status"] = "Open",
    };

    [Fact]
    public async Task A_surroundings_problem_is_refused_beside_the_field_then_recorded_and_marked_recurring_when_it_comes_back()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        var create = $"/Schools/{school.Id}/Surroundings/Create";
        var description = $"无证摊贩 {Guid.NewGuid():N}"[..14];

        var bad = Problem(description);
        bad["Input.Location"] = "";
        bad["Input.ObservedOn"] = "2026-11-30";
        bad["Input.Status"] = "Resolved";
        bad["Input.ReportedTo"] = "Other";
        var refused = await SubmitAsync(officer, create, "#surroundings-form", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.Equal("请填写问题地点。", Message(page, "Input.Location"));
        Assert.Equal("发现日期不能晚于今天。", Message(page, "Input.ObservedOn"));
        Assert.Equal("标为“已解决”时，请填写处理结果。", Message(page, "Input.Outcome"));
        Assert.Equal("反映给“其他部门”时，请写明具体单位。", Message(page, "Input.ReportedToDetail"));
        Assert.Equal(description, page.QuerySelector("#Input_Description")!.TextContent);
        await using (var db = app.Db())
            Assert.False(await db.Context.SurroundingsIssues.AnyAsync(i => i.Description == description));

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, create, "#surroundings-form", Problem(description))).StatusCode);
        var again = Problem(description + "再次");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, create, "#surroundings-form", again)).StatusCode);
        var list = await officer.PageAsync($"/Schools/{school.Id}/Surroundings");
        var cards = list.QuerySelectorAll("#problem-list .problem").Where(c => c.TextContent.Contains(description)).ToList();
        Assert.Equal(2, cards.Count);
        // The demo already had 无证摊贩 at this school 45 days ago: both new ones come back within 12 months.
        Assert.All(cards, c => Assert.NotNull(c.QuerySelector(".recurring")));
        await using var check = app.Db();
        var saved = await check.Context.SurroundingsIssues.SingleAsync(i => i.Description == description);
        Assert.Equal((SurroundingsKind.UnlicensedVendors, ReportedAgency.MarketRegulation, SurroundingsStatus.Open), (saved.Kind, saved.ReportedTo, saved.Status));
        Assert.True(await check.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(SurroundingsIssue) && a.EntityKey == saved.Id.ToString() && a.Action == AuditAction.Added));
    }

    [Fact]
    public async Task Two_people_editing_the_same_problem_the_second_is_told_and_sees_both_versions_and_nothing_is_lost()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        using var leader = await app.LoginAsync("leader");
        var description = $"接送车辆 {Guid.NewGuid():N}"[..14];
        var fields = Problem(description);
        fields["Input.Kind"] = "ParentParking";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, $"/Schools/{school.Id}/Surroundings/Create", "#surroundings-form", fields)).StatusCode);
        int id;
        await using (var db = app.Db()) id = (await db.Context.SurroundingsIssues.SingleAsync(i => i.Description == description)).Id;
        var edit = $"/Surroundings/Edit/{id}";

        // Both open the form; the leader saves first.
        var officerForm = await officer.PageAsync(edit);
        var officerVersion = officerForm.QuerySelector("input[name='Input.RowVersion']")!.GetAttribute("value")!;
        var leaderFields = new Dictionary<string, string>(fields) { ["Input.Status"] = "Resolved", ["Input.Outcome"] = "派出所已设置临时停车区" };
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(leader, edit, "#surroundings-form", leaderFields)).StatusCode);

        var officerFields = new Dictionary<string, string>(fields) { ["Input.Status"] = "InProgress", ["Input.Location"] = "校门口两侧", ["Input.RowVersion"] = officerVersion };
        var conflict = await SubmitAsync(officer, edit, "#surroundings-form", officerFields);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await ParseAsync(conflict);
        Assert.Contains("其他人已修改并保存了这条记录", page.QuerySelector("#surroundings-form .alert-danger")!.TextContent);
        Assert.Equal("校门口两侧", page.QuerySelector("#Input_Location")!.GetAttribute("value"));
        Assert.Contains("已解决", page.QuerySelector("#surroundings-form")!.QuerySelectorAll(".current-value").Select(e => e.TextContent).Aggregate("", string.Concat));
        await using (var db = app.Db())
            Assert.Equal(SurroundingsStatus.Resolved, (await db.Context.SurroundingsIssues.SingleAsync(i => i.Id == id)).Status);

        // Having seen both, the officer saves knowingly (the form now carries the stored row version).
        var retry = Values(page.QuerySelector("#surroundings-form")!);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Http.PostAsync(edit, new FormUrlEncodedContent(retry))).StatusCode);
        await using var check = app.Db();
        var saved = await check.Context.SurroundingsIssues.SingleAsync(i => i.Id == id);
        Assert.Equal((SurroundingsStatus.InProgress, "校门口两侧", (DateOnly?)null), (saved.Status, saved.Location, saved.ResolvedOn));
    }

    [Fact]
    public async Task The_county_sees_problems_by_township_and_kind_and_how_many_recur_as_the_rule_counts_them()
    {
        using var county = await app.LoginAsync("county");
        await using var db = app.Db();
        var issues = await db.Context.SurroundingsIssues.Where(i => i.School!.Jurisdiction!.Code == DemoCounty.CountyCode && i.School.IsActive)
            .Select(i => new { i.Id, i.SchoolId, i.Kind, i.ObservedOn, i.Status, i.School!.Township }).ToListAsync();
        var recurring = SurroundingsRecurrence.Recurring(issues.Select(i => new SurroundingsRecurrence.Observation(i.Id, i.SchoolId, i.Kind, i.ObservedOn)));
        Assert.True(recurring.Count >= 3, "the demo has recurring problems");

        var page = await county.PageAsync("/Surroundings");
        Assert.Equal(issues.Count.ToString(), page.QuerySelector("#ledger-total")!.TextContent);
        Assert.Equal(recurring.Count.ToString(), page.QuerySelector("#count-recurring")!.TextContent);
        Assert.Equal(issues.Count(i => i.Status != SurroundingsStatus.Resolved).ToString(), page.QuerySelector("#count-unresolved")!.TextContent);
        var gushan = issues.Where(i => i.Township == "桂山街道").ToList();
        Assert.Equal(gushan.Count.ToString(), page.QuerySelector("#township-kind tr[data-township='桂山街道'] td:last-child")!.TextContent);

        var only = await county.PageAsync("/Surroundings?recurring=true");
        Assert.Equal(recurring.Count.ToString(), only.QuerySelector("#ledger-total")!.TextContent);
        Assert.All(only.QuerySelectorAll("#ledger-list tbody tr[data-id]"), r => Assert.NotNull(r.QuerySelector(".recurring")));
        var cafes = await county.PageAsync("/Surroundings?kind=InternetCafe&year=2026");
        Assert.Equal(issues.Count(i => i.Kind == SurroundingsKind.InternetCafe && i.ObservedOn.Year == 2026).ToString(), cafes.QuerySelector("#ledger-total")!.TextContent);
        Assert.Matches(@"^/Schools/\d+/Surroundings$", cafes.QuerySelector("#ledger-list tbody tr[data-id] a")!.GetAttribute("href")!);
    }

    [Fact]
    public async Task The_school_file_has_a_ledger_card_with_three_links_and_the_bureau_a_ledger_menu()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var leader = await app.LoginAsync("leader");
        var page = await leader.PageAsync($"/Schools/Details/{school.Id}");
        var card = page.QuerySelector("#ledger-card")!;
        Assert.Matches(@"制度台账:\s+\d / \d 项已建立", card.QuerySelector("#ledger-documents")!.TextContent);
        Assert.Equal($"/Schools/{school.Id}/Letters?year=2026", card.QuerySelector("#ledger-letters a")!.GetAttribute("href"));
        Assert.Equal($"/Schools/{school.Id}/Surroundings", card.QuerySelector("#ledger-surroundings a")!.GetAttribute("href"));
        foreach (var link in card.QuerySelectorAll("a"))
            Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(link.GetAttribute("href")!)).StatusCode);

        using var county = await app.LoginAsync("county");
        var menu = (await county.PageAsync("/")).QuerySelectorAll("#ledgerMenu + .dropdown-menu a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/Drills/Compliance", "/Training", "/Education/Coverage", "/Documents", "/Letters", "/Surroundings"], menu);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.GetAsync("/Documents")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LedgerOnSqlite(SqliteApp app) : LedgerTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class LedgerOnPostgreSql(PostgreSqlApp app) : LedgerTests(app);
