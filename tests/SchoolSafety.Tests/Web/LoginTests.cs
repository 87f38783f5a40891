using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Demo;
using SchoolSafety.Identity;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

public abstract class LoginTests(SchoolSafetyApp app)
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page_in_Chinese()
    {
        using var client = app.NewClient();
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery);

        var page = await client.PageAsync("/Account/Login");
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("登录", page.Title);
        Assert.Equal("用户名", page.QuerySelector("label[for=UserName]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Health_endpoints_answer_without_login()
    {
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("admin", "系统管理员")]
    [InlineData("county", "李明")]
    [InlineData("city", "赵丽萍")]
    [InlineData("leader", "王建华")]
    [InlineData("officer", "杨晓梅")]
    [InlineData("officer2", "普志强")]
    public async Task Every_demo_login_works_and_shows_the_users_name(string userName, string name)
    {
        using var client = await app.LoginAsync(userName);
        var page = await client.PageAsync("/Account/ChangePassword");
        Assert.Contains(name, page.QuerySelector("#userMenu")!.TextContent);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_five_lock_the_account_for_15_minutes()
    {
        var userName = await CreateUserAsync("lockme");
        using var client = app.NewClient();

        var first = await client.LoginAsync(userName, "wrong-password1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = AppClient.Parse(await first.Content.ReadAsStringAsync());
        Assert.Contains("用户名或密码不正确", page.QuerySelector(".validation-summary-errors")!.TextContent);

        for (var i = 2; i <= 5; i++) await client.LoginAsync(userName, "wrong-password" + i);
        var locked = await client.LoginAsync(userName, DemoCounty.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("已锁定 15 分钟", await locked.Content.ReadAsStringAsync());

        await using (var db = app.Db())
        {
            var user = await db.Context.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
            Assert.True(user.LockoutEnd > app.Clock.GetUtcNow().AddMinutes(14));
        }

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var after = await client.LoginAsync(userName, DemoCounty.DefaultPassword);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_locked_account_get_the_same_message()
    {
        var userName = await CreateUserAsync("enumerate");
        using var client = app.NewClient();

        async Task<string> Message(string name, string password)
        {
            var response = await client.LoginAsync(name, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
            return page.QuerySelector(".validation-summary-errors")!.TextContent.Trim();
        }

        var unknown = await Message("nobody" + Guid.NewGuid().ToString("N")[..8], "wrong-password1");
        Assert.Contains("用户名或密码不正确", unknown);
        Assert.Equal(unknown, await Message(userName, "wrong-password1"));
        for (var i = 2; i <= 5; i++) Assert.Equal(unknown, await Message(userName, "wrong-password" + i));
        // Locked now: a wrong password still says only "wrong name or password"...
        Assert.Equal(unknown, await Message(userName, "wrong-password6"));
        Assert.Equal(unknown, await Message("nobody" + Guid.NewGuid().ToString("N")[..8], "wrong-password6"));
        // ...and only the right password tells that the account is locked.
        Assert.Contains("已锁定 15 分钟", await Message(userName, DemoCounty.DefaultPassword));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var userName = await CreateUserAsync("disabledone", u => u.IsDisabled = true);
        using var client = app.NewClient();
        var response = await client.LoginAsync(userName, DemoCounty.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该账号已停用", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_user_with_a_temporary_password_must_change_it_before_anything_else()
    {
        var userName = await CreateUserAsync("newcomer", u => u.MustChangePassword = true);
        using var client = await app.LoginAsync(userName);

        var schools = await client.GetAsync("/Schools");
        Assert.Equal(HttpStatusCode.Redirect, schools.StatusCode);
        Assert.Equal("/Account/ChangePassword", schools.Headers.Location!.OriginalString);

        var mismatch = await client.PostFormAsync("/Account/ChangePassword",
            new { CurrentPassword = DemoCounty.DefaultPassword, NewPassword = "county2026x", ConfirmPassword = "county2026y" });
        var form = AppClient.Parse(await mismatch.Content.ReadAsStringAsync());
        Assert.Contains("两次输入的新密码不一致", form.QuerySelector("[data-valmsg-for=ConfirmPassword]")!.TextContent);

        var tooWeak = await client.PostFormAsync("/Account/ChangePassword",
            new { CurrentPassword = DemoCounty.DefaultPassword, NewPassword = "short", ConfirmPassword = "short" });
        Assert.Contains("密码至少需要 8 个字符", await tooWeak.Content.ReadAsStringAsync());

        var changed = await client.PostFormAsync("/Account/ChangePassword",
            new { CurrentPassword = DemoCounty.DefaultPassword, NewPassword = "county2026x", ConfirmPassword = "county2026x" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Schools")).StatusCode);

        using var again = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.LoginAsync(userName, "county2026x")).StatusCode);
    }

    [Fact]
    public async Task The_language_switch_turns_the_pages_to_English_and_back()
    {
        using var client = await app.LoginAsync("county");
        var english = await client.PostFormAsync("/Culture/Set", new { culture = "en-US", returnUrl = "/Schools" }, "/Schools");
        Assert.Equal("/Schools", english.Headers.Location!.OriginalString);
        var page = await client.PageAsync("/Schools");
        Assert.Equal("en-US", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Schools", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Kindergarten", page.QuerySelector("#type option[value=Kindergarten]")!.TextContent.Trim());

        await client.PostFormAsync("/Culture/Set", new { culture = "zh-CN", returnUrl = "/" }, "/Schools");
        page = await client.PageAsync("/Schools");
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("学校", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var client = await app.LoginAsync("admin");
        var school = await app.SchoolAsync(DemoCounty.Officer2SchoolCode);
        var response = await client.Http.PostAsync($"/Schools/SetActive/{school.Id}",
            new FormUrlEncodedContent([new("active", "false")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await app.SchoolAsync(DemoCounty.Officer2SchoolCode)).IsActive);
    }

    private async Task<string> CreateUserAsync(string prefix, Action<AppUser>? configure = null)
    {
        await using var db = app.Db();
        var users = db.Get<UserManager<AppUser>>();
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var user = new AppUser
        {
            UserName = $"{prefix}{Guid.NewGuid():N}"[..20], DisplayName = "测试用户", SchoolId = school.Id,
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        configure?.Invoke(user);
        Assert.True((await users.CreateAsync(user, DemoCounty.DefaultPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.SafetyOfficer)).Succeeded);
        return user.UserName!;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LoginOnSqlite(SqliteApp app) : LoginTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class LoginOnPostgreSql(PostgreSqlApp app) : LoginTests(app);
