using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SchoolSafety.Data;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright (its driver ships inside the NuGet package; no browser
/// download). Missing Chromium fails the tests with a message; they never skip.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public KestrelApp App { get; } = new(DatabaseProvider.Sqlite);
    public IBrowser Browser { get; private set; } = null!;
    /// <summary>What Chromium refused under the Content-Security-Policy on any page of any journey; must stay empty.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> CspViolations { get; } = new();
    private IPlaywright _playwright = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SCHOOLSAFETY_TEST_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}. Run the tests with scripts/test.sh, which installs Debian's chromium.");
        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        // A cold process pays for its first sign-ins and pages (JIT, EF's model, the views) here, with time to spare, not
        // inside the first journeys' 30-second waits (seen once: the first sign-in of a full run timed out).
        foreach (var user in new[] { "county", "officer" })
        {
            var page = await NewPageAsync();
            page.SetDefaultTimeout(120_000);
            page.SetDefaultNavigationTimeout(120_000);
            await LoginAsync(page, user);
            await page.GotoAsync("/Dashboard");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// A fresh browser page. A destructive action asks "are you sure?" (data-confirm, wwwroot/js/confirm.js); the page
    /// answers yes, as the user who clicked meant to, unless <paramref name="acceptConfirmations"/> is false and the
    /// test answers the dialog itself (ConfirmationTests).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool acceptConfirmations = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-US", // the app must still speak Chinese until the user chooses otherwise
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                CspViolations.Enqueue($"{page.Url}: {message.Text}");
        };
        if (acceptConfirmations) page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }

    public static async Task LoginAsync(IPage page, string userName, string password = Demo.DemoCounty.DefaultPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        // A blocked inline script or style does not always break a journey's assertions; the console tells.
        if (!CspViolations.IsEmpty)
            throw new InvalidOperationException("Content-Security-Policy violations in the journeys:\n" + string.Join("\n", CspViolations.Distinct()));
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Chromium";
}
