using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Demo;
using SchoolSafety.Identity;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class UserAdministrationTests(SchoolSafetyApp app)
{
    [Fact]
    public async Task An_administrator_creates_a_school_officer_who_must_change_the_temporary_password()
    {
        var school = await app.SchoolAsync("XP030");
        using var admin = await app.LoginAsync("admin");
        var userName = $"aq{Guid.NewGuid():N}"[..12];
        var response = await admin.PostFormAsync("/Users/Create", new
        {
            Form__UserName = userName, Form__DisplayName = "张安全", Form__Role = Roles.SafetyOfficer,
            Form__SchoolId = school.Id, Form__Password = "temp2026ab",
        }, "/Users/Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var db = app.Db())
        {
            var user = await db.Context.Users.SingleAsync(u => u.UserName == userName);
            Assert.Equal(school.Id, user.SchoolId);
            Assert.Null(user.JurisdictionId);
            Assert.True(user.MustChangePassword);
            var entry = await db.Context.AuditEntries.SingleAsync(a => a.EntityType == nameof(AppUser) && a.EntityKey == user.Id && a.Action == AuditAction.Added);
            Assert.Contains("\"PasswordHash\":{\"Old\":null,\"New\":\"***\"}", entry.Changes);
            Assert.DoesNotContain("temp2026ab", entry.Changes);
        }

        using var officer = await app.LoginAsync(userName, "temp2026ab");
        Assert.Equal("/Account/ChangePassword", (await officer.GetAsync("/Schools")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_school_role_without_a_school_is_refused_beside_the_field()
    {
        using var admin = await app.LoginAsync("admin");
        var response = await admin.PostFormAsync("/Users/Create", new
        {
            Form__UserName = "noschool1", Form__DisplayName = "无学校", Form__Role = Roles.SafetyOfficer, Form__Password = "temp2026ab",
        }, "/Users/Create");
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("请为学校用户选择所在学校。", page.QuerySelector("[data-valmsg-for='Form.SchoolId']")!.TextContent);
    }

    [Fact]
    public async Task Disabling_an_account_stops_its_sign_in_and_enabling_restores_it()
    {
        var (id, userName) = await CreateOfficerAsync();
        using var admin = await app.LoginAsync("admin");
        await admin.PostFormAsync($"/Users/SetDisabled/{id}", new { disabled = "true" }, $"/Users/Edit/{id}");
        using (var user = app.NewClient())
            Assert.Contains("该账号已停用", await (await user.LoginAsync(userName, "temp2026ab")).Content.ReadAsStringAsync());

        await admin.PostFormAsync($"/Users/SetDisabled/{id}", new { disabled = "false" }, $"/Users/Edit/{id}");
        using (var user = app.NewClient())
            Assert.Equal(HttpStatusCode.Redirect, (await user.LoginAsync(userName, "temp2026ab")).StatusCode);
    }

    [Fact]
    public async Task Resetting_a_password_unlocks_the_account_and_requires_a_new_password()
    {
        var (id, userName) = await CreateOfficerAsync();
        using (var user = app.NewClient())
            for (var i = 0; i < 5; i++) await user.LoginAsync(userName, "wrong-" + i);

        using var admin = await app.LoginAsync("admin");
        var weak = await admin.PostFormAsync($"/Users/ResetPassword/{id}", new { Password = "123" }, $"/Users/Edit/{id}");
        Assert.Contains("密码至少需要 8 个字符", await weak.Content.ReadAsStringAsync());

        var reset = await admin.PostFormAsync($"/Users/ResetPassword/{id}", new { Password = "reset2026x" }, $"/Users/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var again = await app.LoginAsync(userName, "reset2026x");
        Assert.Equal("/Account/ChangePassword", (await again.GetAsync("/")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Changing_a_role_moves_the_user_to_a_jurisdiction()
    {
        var (id, userName) = await CreateOfficerAsync();
        int countyId;
        await using (var db = app.Db())
            countyId = (await db.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CountyCode)).Id;
        using var admin = await app.LoginAsync("admin");
        var response = await admin.PostFormAsync($"/Users/Edit/{id}", new
        {
            Form__DisplayName = "调任教体局", Form__Role = Roles.CountyStaff, Form__JurisdictionId = countyId,
        }, $"/Users/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var moved = app.NewClient();
        await moved.LoginAsync(userName, "temp2026ab");
        await using var check = app.Db();
        var user = await check.Context.Users.SingleAsync(u => u.Id == id);
        Assert.Null(user.SchoolId);
        Assert.Equal(countyId, user.JurisdictionId);
        var list = await admin.PageAsync("/Users?q=" + userName);
        Assert.Contains("教体局工作人员", list.QuerySelector("#user-list")!.TextContent);
    }

    private async Task<(string Id, string UserName)> CreateOfficerAsync()
    {
        var school = await app.SchoolAsync("XP031");
        using var admin = await app.LoginAsync("admin");
        var userName = $"of{Guid.NewGuid():N}"[..12];
        var response = await admin.PostFormAsync("/Users/Create", new
        {
            Form__UserName = userName, Form__DisplayName = "测试安全员", Form__Role = Roles.SafetyOfficer,
            Form__SchoolId = school.Id, Form__Password = "temp2026ab",
        }, "/Users/Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        return ((await db.Context.Users.SingleAsync(u => u.UserName == userName)).Id, userName);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UserAdministrationOnSqlite(SqliteApp app) : UserAdministrationTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class UserAdministrationOnPostgreSql(PostgreSqlApp app) : UserAdministrationTests(app);
