using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Demo;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class TermAndJurisdictionTests(SchoolSafetyApp app)
{
    private async Task<(int Xinping, int Yuanjiang, int Yuxi)> NodesAsync()
    {
        await using var db = app.Db();
        var nodes = await db.Context.Jurisdictions.ToDictionaryAsync(j => j.Code, j => j.Id);
        return (nodes[DemoCounty.CountyCode], nodes[DemoCounty.SecondCountyCode], nodes[DemoCounty.CityCode]);
    }

    [Fact]
    public async Task The_county_sets_a_term_and_overlaps_or_bad_dates_are_refused_beside_the_field()
    {
        var (xinping, yuanjiang, _) = await NodesAsync();
        using var county = await app.LoginAsync("county");
        var saved = await county.PostFormAsync("/Terms/Save", new
        {
            Form__JurisdictionId = xinping, Form__Name = "2027年春季学期", Form__Start = "2027-02-22", Form__End = "2027-07-09",
        }, "/Terms");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await county.PageAsync("/Terms");
        Assert.Contains("2027年春季学期", list.QuerySelector("#term-list")!.TextContent);

        var overlap = await county.PostFormAsync("/Terms/Save", new
        {
            Form__JurisdictionId = xinping, Form__Name = "重叠", Form__Start = "2026-12-01", Form__End = "2027-03-01",
        }, "/Terms");
        var page = AppClient.Parse(await overlap.Content.ReadAsStringAsync());
        Assert.Equal("与该区划已有的学期时间重叠。", page.QuerySelector("[data-valmsg-for='Form.Start']")!.TextContent);
        Assert.Equal("重叠", page.QuerySelector("#Form_Name")!.GetAttribute("value"));

        var backwards = await county.PostFormAsync("/Terms/Save", new
        {
            Form__JurisdictionId = xinping, Form__Name = "倒序", Form__Start = "2028-03-01", Form__End = "2028-02-01",
        }, "/Terms");
        Assert.Contains("结束日期须晚于开学日期", await backwards.Content.ReadAsStringAsync());

        // Another county's node, by form field or by id: refused, nothing saved.
        var smuggled = await county.PostFormAsync("/Terms/Save", new
        {
            Form__JurisdictionId = yuanjiang, Form__Name = "越权学期", Form__Start = "2029-02-20", Form__End = "2029-07-10",
        }, "/Terms");
        Assert.Contains("无效的选择", await smuggled.Content.ReadAsStringAsync());
        int yuanjiangTerm;
        await using (var db = app.Db())
        {
            Assert.False(await db.Context.Terms.AnyAsync(t => t.Name == "越权学期" || t.Name == "重叠" || t.Name == "倒序"));
            yuanjiangTerm = await db.Context.Terms.Where(t => t.JurisdictionId == yuanjiang).Select(t => t.Id).FirstAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/Terms?id={yuanjiangTerm}")).StatusCode);
        var edit = await county.PostFormAsync("/Terms/Save", new
        {
            Form__Id = yuanjiangTerm, Form__JurisdictionId = xinping, Form__Name = "改别人的", Form__Start = "2030-02-20", Form__End = "2030-07-10",
        }, "/Terms");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);

        using var officer = await app.LoginAsync("officer");
        Assert.StartsWith("/Account/AccessDenied", (await officer.GetAsync("/Terms")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_administrator_adds_a_county_below_a_city_and_a_duplicate_code_is_refused()
    {
        var (_, _, yuxi) = await NodesAsync();
        using var admin = await app.LoginAsync("admin");
        var added = await admin.PostFormAsync("/Jurisdictions/Add", new { Form__ParentId = yuxi, Form__Code = "530426", Form__Name = "峨山县" }, "/Jurisdictions");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using (var db = app.Db())
        {
            var node = await db.Context.Jurisdictions.SingleAsync(j => j.Code == "530426");
            Assert.Equal(("/530000/530400/530426/", JurisdictionLevel.County), (node.Path, node.Level));
        }
        var again = await admin.PostFormAsync("/Jurisdictions/Add", new { Form__ParentId = yuxi, Form__Code = "530426", Form__Name = "峨山县" }, "/Jurisdictions");
        var page = AppClient.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal("代码 530426 已被使用。", page.QuerySelector("[data-valmsg-for='Form.Code']")!.TextContent);
        Assert.Contains("峨山县", page.QuerySelector("#jurisdiction-tree")!.TextContent);

        using var county = await app.LoginAsync("county");
        Assert.StartsWith("/Account/AccessDenied", (await county.GetAsync("/Jurisdictions")).Headers.Location!.PathAndQuery);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TermsAndJurisdictionsOnSqlite(SqliteApp app) : TermAndJurisdictionTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class TermsAndJurisdictionsOnPostgreSql(PostgreSqlApp app) : TermAndJurisdictionTests(app);
