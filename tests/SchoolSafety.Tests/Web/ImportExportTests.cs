using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class ImportExportTests(SchoolSafetyApp app)
{
    private const string Header = "学校代码,学校名称,类型,区县代码,乡镇,地址,学生数,住校生数,教职工数,最高楼层,校长,校长电话,安全负责人,安全负责人电话";

    [Fact]
    public async Task The_county_exports_its_schools_as_UTF8_CSV_with_Chinese_headers()
    {
        using var county = await app.LoginAsync("county");
        var response = await county.GetAsync("/Schools/Export?includeInactive=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        Assert.True(lines.Length - 1 >= 120, $"{lines.Length - 1} rows");
        Assert.Contains(lines, l => l.StartsWith("XP004,新平县第四小学,小学,530427,桂山街道"));
        Assert.DoesNotContain(lines, l => l.StartsWith("YJ"));
    }

    [Fact]
    public async Task An_import_with_bad_rows_lists_each_with_its_line_and_imports_nothing()
    {
        using var admin = await app.LoginAsync("admin");
        var csv = string.Join("\n",
            Header,
            "XP801,新平县测试小学一,小学,530427,扬武镇,,300,20,18,3,,,,",
            "XP802,,小学,530427,扬武镇,,300,20,18,3,,,,",
            "XP803,新平县测试学校三,大学,530427,扬武镇,,300,20,18,3,,,,",
            "XP804,新平县测试学校四,初中,999999,扬武镇,,300,20,18,3,,,,",
            "XP805,新平县测试学校五,初中,530427,扬武镇,,100,200,18,3,,,,",
            "XP801,新平县测试学校六,小学,530427,扬武镇,,-5,0,18,3,,,,");
        var response = await UploadAsync(admin, csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var errors = page.QuerySelectorAll("#import-errors tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains('3') && e.Contains("学校名称") && e.Contains("必填"));
        Assert.Contains(errors, e => e.Contains('4') && e.Contains("无法识别的学校类型“大学”"));
        Assert.Contains(errors, e => e.Contains('5') && e.Contains("区县代码 999999 不存在"));
        Assert.Contains(errors, e => e.Contains('6') && e.Contains("住校生数 200 大于学生数 100"));
        Assert.Contains(errors, e => e.Contains('7') && e.Contains("与第 2 行重复"));
        Assert.Contains(errors, e => e.Contains('7') && e.Contains("“-5”不是 0 到"));
        Assert.Null(page.QuerySelector("#import-confirm"));

        await using var db = app.Db();
        Assert.False(await db.Context.Schools.AnyAsync(s => s.Code.StartsWith("XP80")));
    }

    [Fact]
    public async Task A_valid_import_shows_a_preview_and_saves_only_after_confirmation()
    {
        using var admin = await app.LoginAsync("admin");
        var existing = await app.SchoolAsync("XP020");
        var csv = string.Join("\r\n",
            Header,
            "XP851,老厂乡新村完小,小学,530427,老厂乡,老厂乡新村,142,38,11,2,张红,13988776655,,",
            "XP852,新化乡第二幼儿园,幼儿园,530427,新化乡,,95,0,10,2,,,,",
            $"XP020,{existing.Name},{SchoolCsv.TypeNames[existing.Type]},530427,{existing.Township},,{existing.Students + 10},{existing.BoardingStudents},{existing.Staff},{existing.TallestBuildingFloors},,,,");

        var preview = await UploadAsync(admin, csv);
        var page = AppClient.Parse(await preview.Content.ReadAsStringAsync());
        Assert.Contains("共 3 所学校，新增 2，更新 1", page.QuerySelector("#import-preview")!.TextContent);
        await using (var db = app.Db())
            Assert.False(await db.Context.Schools.AnyAsync(s => s.Code == "XP851"));

        var confirm = await admin.PostFormAsync("/Schools/ImportConfirm", new
        {
            csvText = page.QuerySelector("input[name=csvText]")!.GetAttribute("value")!,
            fileName = "schools.csv",
        }, "/Schools/Import");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        var added = await app.SchoolAsync("XP851");
        Assert.Equal(142, added.Students);
        Assert.Equal("13988776655", added.PrincipalPhone);
        Assert.Equal(existing.Students + 10, (await app.SchoolAsync("XP020")).Students);
        await using var check = app.Db();
        Assert.True(await check.Context.AuditEntries.AnyAsync(a => a.EntityType == nameof(School) && a.SchoolId == added.Id && a.Action == AuditAction.Added));
    }

    private static async Task<HttpResponseMessage> UploadAsync(AppClient client, string csv)
    {
        var form = await client.PageAsync("/Schools/Import");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "schools.csv");
        return await client.Http.PostAsync("/Schools/Import", content);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportExportOnSqlite(SqliteApp app) : ImportExportTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class ImportExportOnPostgreSql(PostgreSqlApp app) : ImportExportTests(app);
