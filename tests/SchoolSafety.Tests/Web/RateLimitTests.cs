using System.Net;
using SchoolSafety.Data;
using SchoolSafety.Demo;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>An application with the default sign-in limit (10 posts a minute per address), used by nothing else.</summary>
public sealed class DefaultLimitApp() : SchoolSafetyApp(DatabaseProvider.Sqlite)
{
    protected override bool RaiseSignInLimit => false;
}

/// <summary>
/// The limiter keeps its own (real) clock: the posts below are sent at once, well within its one-minute
/// window, and nothing waits for it. One test method, so the two limits are spent in a known order.
/// </summary>
public sealed class RateLimitTests(DefaultLimitApp app) : IClassFixture<DefaultLimitApp>
{
    [Fact]
    public async Task The_eleventh_password_or_sign_in_post_in_a_minute_gets_a_friendly_429()
    {
        // Change password: ten wrong attempts are answered normally, the eleventh is refused.
        using var user = await app.LoginAsync("officer");   // one sign-in post of ten
        var form = new { CurrentPassword = "not-my-password1", NewPassword = "county2026x", ConfirmPassword = "county2026x" };
        for (var i = 1; i <= 10; i++)
        {
            var wrong = await user.PostFormAsync("/Account/ChangePassword", form);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("密码不正确", await wrong.Content.ReadAsStringAsync());
        }
        await AssertRefusedAsync(await user.PostFormAsync("/Account/ChangePassword", form));
        // Pages are not limited: the user can still work.
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Dashboard")).StatusCode);

        // Sign-in: nine more (ten with the one above), then refused, even with the right password.
        using var stranger = app.NewClient();
        for (var i = 2; i <= 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await stranger.LoginAsync("nobody", "guess-number" + i)).StatusCode);
        await AssertRefusedAsync(await stranger.LoginAsync("county", DemoCounty.DefaultPassword));
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/Account/Login")).StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {response.Headers.RetryAfter}");
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("尝试过于频繁", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("请一分钟后再试", page.QuerySelector("#error-page")!.TextContent);
        Assert.Null(response.Headers.Location);
    }
}
