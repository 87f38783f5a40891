using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Defences;
using SchoolSafety.Demo;
using SchoolSafety.Identity;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>Three defences: recording a school's facts, the county's figures, the standards, conflicts and bad input.</summary>
public abstract class DefenceTests(SchoolSafetyApp app)
{
    /// <summary>The form as a browser would send it: every field with its current value (ticked boxes only).</summary>
    internal sealed class Form(List<KeyValuePair<string, string>> fields)
    {
        public List<KeyValuePair<string, string>> Fields { get; } = fields;

        public static Form Of(IHtmlDocument page, string selector = "#defence-form")
        {
            var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} on the page.");
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var e in form.QuerySelectorAll("input, select, textarea"))
            {
                var name = e.GetAttribute("name");
                if (string.IsNullOrEmpty(name) || e is IHtmlButtonElement) continue;
                switch (e)
                {
                    case IHtmlInputElement { Type: "checkbox" } box:
                        if (box.IsChecked) fields.Add(new(name, box.Value));
                        break;
                    case IHtmlInputElement input:
                        fields.Add(new(name, input.Value));
                        break;
                    case IHtmlSelectElement select:
                        fields.Add(new(name, select.Value ?? ""));
                        break;
                    case IHtmlTextAreaElement area:
                        fields.Add(new(name, area.Value));
                        break;
                }
            }
            return new Form(fields);
        }

        public Form Set(string name, string value)
        {
            Fields.RemoveAll(f => f.Key == name);
            Fields.Add(new(name, value));
            return this;
        }

        /// <summary>Ticks or unticks a checkbox of a bool (its hidden "false" stays, as in a browser).</summary>
        public Form Tick(string name, bool on)
        {
            Fields.RemoveAll(f => f.Key == name && f.Value == "true");
            if (on) Fields.Insert(0, new(name, "true"));
            return this;
        }

        public string? Get(string name) => Fields.FirstOrDefault(f => f.Key == name && f.Value != "false").Value;

        public Task<HttpResponseMessage> PostAsync(AppClient client, string url) => client.Http.PostAsync(url, new FormUrlEncodedContent(Fields));
    }

    private static string EditUrl(int schoolId) => $"/Schools/{schoolId}/Defences/Edit";

    private static string Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No {selector}.");

    [Fact]
    public async Task The_demo_county_shows_the_seeds_guard_shortage_computed_from_the_school_records()
    {
        // A fresh demo: other tests of the collection change schools' student numbers, which changes what the rule asks.
        var fresh = new SchoolSafetyApp(app.Provider);
        await fresh.InitializeAsync();
        try
        {
            await DemoFiguresAsync(fresh);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    private static async Task DemoFiguresAsync(SchoolSafetyApp fresh)
    {
        using var county = await fresh.LoginAsync("county");
        var page = await county.PageAsync("/Defences");
        Assert.Equal(("232", "125", "107"), (Text(page, "#guards-required"), Text(page, "#guards-present"), Text(page, "#guards-short")));
        Assert.Equal("按目前规模应配保安232名，现有125名，缺107名", Text(page, "#guards-headline"));
        Assert.Null(page.QuerySelector("#no-record-link"));

        // Each number is the sum of the schools' own records, never typed.
        await using var db = fresh.Db();
        var on = new DateOnly(2026, 11, 25);
        var guards = await db.Context.DefenceRecords
            .Where(r => r.School!.Jurisdiction!.Code == DemoCounty.CountyCode && r.EffectiveFrom <= on
                        && !db.Context.DefenceRecords.Any(n => n.SchoolId == r.SchoolId && n.Revision > r.Revision && n.EffectiveFrom <= on))
            .SumAsync(r => r.Guards.Count);
        Assert.Equal(125, guards);

        // The seed's story: footage mostly kept 20-30 days, some barely 10; many old guards; blind spots; teachers in dormitories.
        var retention = Text(page, "#retention");
        Assert.Matches(@"最少 1\d 天", retention);
        Assert.True(int.Parse(page.QuerySelector("#figures-Technical tr[data-gap=RetentionShort] .schools")!.TextContent) > 100);
        Assert.True(int.Parse(page.QuerySelector("#figures-Personnel tr[data-gap=GuardsOverAge] .amount")!.TextContent) > 20);
        Assert.True(int.Parse(page.QuerySelector("#figures-Personnel tr[data-gap=TeachersStandIn] .schools")!.TextContent) > 10);
        Assert.True(int.Parse(page.QuerySelector("#figures-Technical tr[data-gap=BlindSpots] .schools")!.TextContent) > 10);

        // The number opens the schools behind it; the shortages listed add up to the figure.
        var list = await county.PageAsync("/Defences/Schools?gap=GuardsShort");
        var rows = list.QuerySelectorAll("#defence-schools tbody tr");
        Assert.Equal(107, rows.Sum(r => int.Parse(System.Text.RegularExpressions.Regex.Match(r.TextContent, @"缺 (\d+) 人").Groups[1].Value)));
        Assert.DoesNotContain(rows, r => r.GetAttribute("data-code")!.StartsWith("YJ"));
    }

    [Fact]
    public async Task A_fixture_countys_figures_come_out_exactly_and_change_when_the_county_records_and_when_the_standards_change()
    {
        var (node, schools, user) = await FixtureCountyAsync();
        using var county = await app.LoginAsync(user);
        var page = await county.PageAsync("/Defences");
        Assert.Equal("按目前规模应配保安7名，现有3名，缺4名", Text(page, "#guards-headline"));
        Assert.Equal("1 所未填报", Text(page, "#no-record-link"));
        string Cell(IHtmlDocument p, string section, GapKind kind, string column) =>
            p.QuerySelector($"#figures-{section} tr[data-gap={kind}] .{column}")!.TextContent.Trim();
        Assert.Equal("1", Cell(page, "Personnel", GapKind.GuardsOverAge, "amount"));
        Assert.Equal("1", Cell(page, "Personnel", GapKind.GuardsUndereducated, "amount"));
        Assert.Equal("2", Cell(page, "Technical", GapKind.BlindSpots, "amount"));
        Assert.Equal("1", Cell(page, "Technical", GapKind.RetentionShort, "schools"));
        Assert.Contains("最少 25 天，中位数 25 天，最多 25 天", Text(page, "#retention"));
        // 云南省's 2 m wall applies: 2.2 m is enough.
        Assert.Equal("0", Cell(page, "Physical", GapKind.WallTooLow, "schools"));

        // The county fills in the school that had no record, from its own survey.
        var form = Form.Of(await county.PageAsync(EditUrl(schools[2].Id)));
        form.Set("Input.Guards[0].Name", "罗正华").Set("Input.Guards[0].BirthYear", "1975").Set("Input.Guards[0].Education", "SeniorMiddle")
            .Set("Input.Guards[0].Employment", "Company").Tick("Input.Guards[0].HasCertificate", true)
            .Set("Input.LowestWallHeight", "2.6").Set("Input.Cameras", "16").Tick("Input.Recording24h", true).Set("Input.RetentionDays", "35")
            .Set("Input.Note", "县教体局摸排");
        var saved = await form.PostAsync(county, EditUrl(schools[2].Id));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await county.PageAsync("/Defences");
        Assert.Equal("按目前规模应配保安7名，现有4名，缺3名", Text(page, "#guards-headline"));
        Assert.Null(page.QuerySelector("#no-record-link"));
        Assert.Contains("最少 25 天，中位数 30 天，最多 35 天", Text(page, "#retention"));

        // The administrator makes the county stricter from today: the 2.2 m wall now falls short, yesterday's figures do not change.
        using var admin = await app.LoginAsync("admin");
        var standards = Form.Of(await admin.PageAsync($"/Defences/Standards/New/{node.Id}"), "#standards-form");
        Assert.Equal(2.0m, decimal.Parse(standards.Get("Rules.MinWallHeight")!, System.Globalization.CultureInfo.InvariantCulture));
        var refused = await standards.Set("Rules.MinWallHeight", "25").Set("Rules.WallSource", "").PostAsync(admin, $"/Defences/Standards/New/{node.Id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("应在 0.5 到 6 之间。", Text(refusedPage, "[data-valmsg-for='Rules.MinWallHeight']"));
        Assert.Equal("请写明依据。", Text(refusedPage, "[data-valmsg-for='Rules.WallSource']"));
        var added = await standards.Set("Rules.MinWallHeight", "2.5").Set("Rules.WallSource", "测试县人民政府：围墙不低于2.5米").PostAsync(admin, $"/Defences/Standards/New/{node.Id}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await county.PageAsync("/Defences");
        Assert.Equal("1", Cell(page, "Physical", GapKind.WallTooLow, "schools"));
        Assert.Equal("0", Cell(await county.PageAsync("/Defences?on=2026-11-24"), "Physical", GapKind.WallTooLow, "schools"));
        var school = await county.PageAsync($"/Schools/{schools[0].Id}/Defences");
        var gap = school.QuerySelector("#gaps [data-gap=WallTooLow]")!.TextContent;
        Assert.Contains("围墙 2.2 m < 2.5 m", gap);
        Assert.Contains("测试县人民政府：围墙不低于2.5米", gap);

        await using var db = app.Db();
        Assert.True(await db.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(StandardRuleSet) && a.UserName == "admin" && a.Action == AuditAction.Added));
        Assert.True(await db.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(DefenceRecord) && a.SchoolId == schools[2].Id && a.UserName == user));
    }

    [Fact]
    public async Task An_officer_records_bad_input_is_refused_beside_the_field_nothing_is_lost_and_then_the_record_supersedes_the_old_one()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        var before = await CurrentAsync(school.Id);
        var page = await officer.PageAsync(EditUrl(school.Id));
        Assert.Contains("应配保安 5 名", Text(page, "#guards-required-hint"));

        // An extra empty row for one more guard; nothing is saved by asking for it.
        var form = Form.Of(page).Set("addGuard", "true");
        var rows = AppClient.Parse(await (await form.PostAsync(officer, EditUrl(school.Id))).Content.ReadAsStringAsync());
        Assert.Equal(page.QuerySelectorAll(".guard-row").Length + 1, rows.QuerySelectorAll(".guard-row").Length);
        var blank = rows.QuerySelectorAll(".guard-row").Length - 1;

        form = Form.Of(rows);
        form.Set($"Input.Guards[{blank}].Name", "刀国强").Set($"Input.Guards[{blank}].BirthYear", "2023")
            .Set($"Input.Guards[{blank}].Education", "JuniorMiddle").Set($"Input.Guards[{blank}].Employment", "Direct")
            .Set("Input.LowestWallHeight", "25").Set("Input.Cameras", "-3").Tick("Input.Recording24h", true).Set("Input.RetentionDays", "0")
            .Set("Input.BlindSpots", "2").Set("Input.BlindSpotsDescription", "");
        var refused = await form.PostAsync(officer, EditUrl(school.Id));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var again = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        string Message(string field) => Text(again, $"[data-valmsg-for='Input.{field}']");
        Assert.Equal("出生年份 2023 对应年龄 3 岁，不合常理，请核对。", Message($"Guards[{blank}].BirthYear"));
        Assert.Contains("围墙高度 25 米不合常理", Message("LowestWallHeight"));
        Assert.Equal("不能为负数。", Message("Cameras"));
        Assert.Equal("勾选了24小时录像，保存天数不能为 0。", Message("RetentionDays"));
        Assert.Equal("有盲区时请写明盲区位置。", Message("BlindSpotsDescription"));
        Assert.Equal("25", again.QuerySelector("#Input_LowestWallHeight")!.GetAttribute("value"));
        Assert.Equal("刀国强", again.QuerySelector($"#Input_Guards_{blank}__Name")!.GetAttribute("value"));
        Assert.Equal(before!.Revision, (await CurrentAsync(school.Id))!.Revision);

        // A 130-year-old is refused too; an honest record that falls short of the rules is saved and shows its gaps.
        form = Form.Of(again).Set($"Input.Guards[{blank}].BirthYear", "1896");
        var old = AppClient.Parse(await (await form.PostAsync(officer, EditUrl(school.Id))).Content.ReadAsStringAsync());
        Assert.Contains("对应年龄 130 岁", Text(old, $"[data-valmsg-for='Input.Guards[{blank}].BirthYear']"));
        form = Form.Of(old).Set($"Input.Guards[{blank}].BirthYear", "1962").Set("Input.LowestWallHeight", "2.2").Set("Input.Cameras", "30")
            .Set("Input.RetentionDays", "25").Set("Input.BlindSpotsDescription", "后操场东北角、自行车棚").Set("Input.Alarm", "Local");
        var saved = await form.PostAsync(officer, EditUrl(school.Id));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var now = await CurrentAsync(school.Id);
        Assert.Equal(before.Revision + 1, now!.Revision);
        Assert.Equal((before.Guards.Count + 1, 25, 2.2m, new DateOnly(2026, 11, 25)), (now.Guards.Count, now.RetentionDays, now.LowestWallHeight, now.EffectiveFrom));
        await using (var db = app.Db())
        {
            var superseded = await db.Context.DefenceRecords.SingleAsync(r => r.Id == before.Id);
            Assert.False(superseded.IsCurrent);
            Assert.NotNull(superseded.SupersededAt);
            Assert.True(await db.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(DefenceRecord) && a.EntityKey == now.Id.ToString() && a.UserName == "officer"));
        }

        var view = await officer.PageAsync($"/Schools/{school.Id}/Defences");
        var gaps = Text(view, "#gaps");
        Assert.Contains($"保安 {before.Guards.Count + 1}/5 人，缺 {4 - before.Guards.Count} 人", gaps);
        Assert.Contains("中小学幼儿园安全防范工作规范（试行）", gaps);
        Assert.Contains("监控保存 25 天 < 90 天", gaps);
        Assert.Contains("围墙 2.2 m < 2.5 m", gaps);
        Assert.Contains("监控盲区 2 处：后操场东北角、自行车棚", gaps);
        Assert.Contains("一键式报警未联动110", gaps);
        Assert.Contains($"{before.Guards.Count(g => g.AgeIn(2026) > 60) + 1} 名保安超过 60 周岁", gaps);
        Assert.True(view.QuerySelectorAll("#defence-history tbody tr").Length >= 2);
        var history = await officer.PageAsync($"/Schools/{school.Id}/Defences/Revisions/{before.Revision}");
        Assert.Contains("已被取代", history.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Two_people_saving_the_same_schools_record_the_second_is_refused_sees_the_stored_values_and_can_save_again()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var officer = await app.LoginAsync("officer");
        using var leader = await app.LoginAsync("leader");
        var officerForm = Form.Of(await officer.PageAsync(EditUrl(school.Id)));
        var leaderForm = Form.Of(await leader.PageAsync(EditUrl(school.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await leaderForm.Set("Input.RetentionDays", "31").PostAsync(leader, EditUrl(school.Id))).StatusCode);
        var second = await officerForm.Set("Input.RetentionDays", "46").PostAsync(officer, EditUrl(school.Id));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = AppClient.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains("在您填写期间", Text(page, "[role=alert]"));
        Assert.Equal("31", Text(page, "#stored-record [data-field=retention]"));
        Assert.Equal("46", page.QuerySelector("#Input_RetentionDays")!.GetAttribute("value"));
        Assert.Equal(31, (await CurrentAsync(school.Id))!.RetentionDays);

        // Having seen the stored values, the officer saves again: now their values are kept, and both versions are in the history.
        Assert.Equal(HttpStatusCode.Redirect, (await Form.Of(page).PostAsync(officer, EditUrl(school.Id))).StatusCode);
        var current = await CurrentAsync(school.Id);
        Assert.Equal(46, current!.RetentionDays);
        await using var db = app.Db();
        Assert.True(await db.Context.DefenceRecords.AnyAsync(r => r.SchoolId == school.Id && r.Revision == current.Revision - 1 && r.RetentionDays == 31 && !r.IsCurrent));
        Assert.Equal(1, await db.Context.DefenceRecords.CountAsync(r => r.SchoolId == school.Id && r.IsCurrent));
    }

    [Fact]
    public async Task Schools_cannot_see_the_county_page_or_change_standards_and_every_user_sees_the_sources()
    {
        using var officer = await app.LoginAsync("officer");
        foreach (var url in new[] { "/Defences", "/Defences/Schools?gap=GuardsShort" })
            Assert.StartsWith("/Account/AccessDenied", (await officer.GetAsync(url)).Headers.Location!.PathAndQuery);
        var standards = await officer.PageAsync("/Defences/Standards");
        Assert.Contains("新平县 第 1 版", Text(standards, $"#node-{DemoCounty.CountyCode} .in-force"));
        Assert.Contains("监控数据贮存达90天以上", Text(standards, $"#node-{DemoCounty.CountyCode}"));
        Assert.Contains("不低于 2.0 米", Text(standards, $"#node-{DemoCounty.ProvinceCode}"));
        Assert.Null(standards.QuerySelector(".new-version"));
        Assert.Null(standards.QuerySelector($"#node-{DemoCounty.SecondCountyCode}"));

        using var county = await app.LoginAsync("county");
        int yuanjiang;
        await using (var db = app.Db())
            yuanjiang = (await db.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.SecondCountyCode)).Id;
        Assert.StartsWith("/Account/AccessDenied", (await county.GetAsync($"/Defences/Standards/New/{yuanjiang}")).Headers.Location!.PathAndQuery);
        // The county office sees only its county's schools.
        var all = await county.PageAsync("/Defences/Schools");
        Assert.DoesNotContain(all.QuerySelectorAll("#defence-schools tbody tr"), r => r.GetAttribute("data-code")!.StartsWith("YJ"));

        // An administrator of 新平县 cannot set standards for 元江县.
        var xpAdmin = await CountyAdministratorAsync();
        using var admin = await app.LoginAsync(xpAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Defences/Standards/New/{yuanjiang}")).StatusCode);
        var post = await admin.PostFormAsync($"/Defences/Standards/New/{yuanjiang}", new { Rules__MinWallHeight = "1", Rules__EffectiveFrom = "2026-11-25" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var check = app.Db();
        Assert.False(await check.Context.StandardRuleSets.AnyAsync(r => r.JurisdictionId == yuanjiang));
    }

    private async Task<DefenceRecord?> CurrentAsync(int schoolId)
    {
        await using var db = app.Db();
        return await db.Context.DefenceRecords.AsNoTracking().Include(r => r.Guards).SingleOrDefaultAsync(r => r.SchoolId == schoolId && r.IsCurrent);
    }

    /// <summary>
    /// A county of three schools under 玉溪市 with a CountyStaff account: 99 students (1 guard needed, 1 aged 65, wall 2.2 m),
    /// 1500 students (4 needed, 2 present: one with primary schooling, footage 25 days, 2 blind spots), 600 students (2 needed, no record).
    /// </summary>
    private async Task<(Jurisdiction Node, List<School> Schools, string User)> FixtureCountyAsync()
    {
        var code = $"9{Random.Shared.Next(10000, 99999)}";
        await using var db = app.Db();
        var city = await db.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CityCode);
        var node = Jurisdiction.Create(code, $"测试县{code}", JurisdictionLevel.County, city);
        db.Context.Jurisdictions.Add(node);
        School New(string suffix, int students, SchoolType type) => new()
        {
            Code = $"T{code}{suffix}", Name = $"测试县{suffix}学校", Type = type, Jurisdiction = node, Township = "城关镇", Students = students, IsActive = true,
        };
        List<School> schools = [New("A", 99, SchoolType.Kindergarten), New("B", 1500, SchoolType.Primary), New("C", 600, SchoolType.Primary)];
        db.Context.Schools.AddRange(schools);
        await db.Context.SaveChangesAsync();

        DefenceRecord Good(School s, params DefenceGuard[] guards) => new()
        {
            SchoolId = s.Id, Revision = 1, IsCurrent = true, EffectiveFrom = new DateOnly(2026, 10, 1), RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
            Guards = [.. guards], SchoolPost = true, PatrolTeam = true, PatrolsPerDay = 1, GateDuty24h = true, ClosedCampus = true, LowestWallHeight = 2.6m,
            AntiCollisionBarrier = true, FireEquipmentServicedOn = new DateOnly(2026, 9, 1),
            Gear = ProtectiveGear.StabVests | ProtectiveGear.Batons | ProtectiveGear.RestrainingForks, Alarm = AlarmState.LinkedTo110,
        };
        DefenceGuard Guard(int born, EducationLevel education) =>
            new() { Name = "测试保安", BirthYear = born, Education = education, HasCertificate = true, FullTime = true, Employment = GuardEmployment.Company };
        var a = Good(schools[0], Guard(1961, EducationLevel.JuniorMiddle));
        a.LowestWallHeight = 2.2m;
        var b = Good(schools[1], Guard(1980, EducationLevel.PrimaryOrBelow), Guard(1985, EducationLevel.SeniorMiddle));
        b.Cameras = 40;
        b.Recording24h = true;
        b.KeyPlacesCovered = DefenceRules.RequiredKeyPlaces(schools[1]);
        b.RetentionDays = 25;
        b.BlindSpots = 2;
        b.BlindSpotsDescription = "后门、车棚";
        db.Context.DefenceRecords.AddRange(a, b);
        await db.Context.SaveChangesAsync();

        var userName = $"tc{code}";
        var users = db.Get<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "测试县教体局", JurisdictionId = node.Id, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
        Assert.True((await users.CreateAsync(user, DemoCounty.DefaultPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.CountyStaff)).Succeeded);
        return (node, schools, userName);
    }

    /// <summary>An administrator whose node is 新平县.</summary>
    private async Task<string> CountyAdministratorAsync()
    {
        const string userName = "xpdefadmin";
        await using var db = app.Db();
        if (await db.Context.Users.AnyAsync(u => u.UserName == userName)) return userName;
        var county = await db.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CountyCode);
        var users = db.Get<UserManager<AppUser>>();
        var admin = new AppUser { UserName = userName, DisplayName = "县管理员", JurisdictionId = county.Id, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
        Assert.True((await users.CreateAsync(admin, DemoCounty.DefaultPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(admin, Roles.Administrator)).Succeeded);
        return userName;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DefencesOnSqlite(SqliteApp app) : DefenceTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class DefencesOnPostgreSql(PostgreSqlApp app) : DefenceTests(app);
