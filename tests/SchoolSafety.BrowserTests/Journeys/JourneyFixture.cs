using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using SchoolSafety.Demo;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.BrowserTests.Journeys;

/// <summary>
/// The five journeys of the product's users run on their own application (own database, own Chromium), because
/// they move its clock forward and a clock cannot go back: the other browser tests keep their fixed Wednesday.
/// </summary>
public sealed class JourneyFixture : BrowserFixture
{
    public JourneyFixture() =>
        // Whole journeys on a busy CI machine: a page may take a few seconds to answer.
        Assertions.SetDefaultExpectTimeout(15_000);
}

[CollectionDefinition(Name)]
public sealed class JourneyCollection : ICollectionFixture<JourneyFixture>
{
    public const string Name = "Journeys";
}

/// <summary>One run of a journey in one interface language: sign-in, the user's words, and the checks every page gets.</summary>
public sealed partial class Journey(BrowserFixture fixture, string culture)
{
    private readonly List<string> _questions = [];

    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public KestrelApp App => fixture.App;
    public bool English => culture == "en-US";
    public string Culture => culture;

    /// <summary>The text the user sees for a resource key, in the journey's language.</summary>
    public string T(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.GetCultureInfo(culture), Strings.Of(culture)[key], args);

    public static FilePayload Photo(string name) => new() { Name = name, MimeType = "image/png", Buffer = Png };

    /// <summary>A fresh browser for <paramref name="user"/>: the login page, the language switch when English, sign-in.</summary>
    public async Task<IPage> SignInAsync(string user, int width = 1280, int height = 900)
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseUrl, ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN", AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                fixture.CspViolations.Enqueue($"{page.Url}: {message.Text}");
        };
        // A destructive action asks for confirmation (data-confirm); the journey's user answers yes. The question is
        // checked by the next CheckAsync like the page's own words: no resource key, and English in English.
        page.Dialog += async (_, dialog) =>
        {
            lock (_questions) _questions.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await page.GotoAsync("/Account/Login");
        if (English)
        {
            await page.ClickAsync("#language-switch button[value=en-US]");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        }
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", DemoCounty.DefaultPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await CheckAsync(page);
        return page;
    }

    /// <summary>
    /// What every page of a journey must show: no resource key in place of its text (a string missing from a
    /// resource file shows its key, e.g. "Ticket.Overdue"); in English, no Chinese in the interface's own words
    /// (headings of tables, labels, buttons, menu). School names and what users typed stay as entered.
    /// </summary>
    public async Task CheckAsync(IPage page)
    {
        string[] questions;
        lock (_questions) { questions = [.. _questions]; _questions.Clear(); }
        foreach (var q in questions)
        {
            Assert.False(ResourceKey().IsMatch(q), $"A confirmation shows a resource key: {q}");
            Assert.False(English && q.Any(c => c >= '\u4e00' && c <= '\u9fff'), $"A confirmation in English is still Chinese: {q}");
        }
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var text = await page.EvaluateAsync<string>("""
            () => {
              const parts = [document.title, document.body.innerText];
              document.querySelectorAll('[placeholder],[aria-label],[title],img[alt]').forEach(e => {
                for (const a of ['placeholder', 'aria-label', 'title', 'alt']) { const v = e.getAttribute(a); if (v) parts.push(v); }
              });
              return parts.join('\n');
            }
            """);
        var keys = ResourceKey().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(keys.Count == 0, $"{page.Url} shows resource keys instead of text: {string.Join(", ", keys)}");
        if (!English) return;
        var chinese = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('th, legend, label.form-label, button:not([lang]), .navbar .nav-link:not(#userMenu)'))
                .filter(e => e.offsetParent !== null && !e.closest('[data-content]'))
                .map(e => e.innerText.trim())
                .filter(t => /[\u4e00-\u9fff]/.test(t))
            """);
        Assert.True(chinese.Length == 0, $"{page.Url} in English still shows: {string.Join(" | ", chinese.Distinct())}");
    }

    /// <summary>Screenshots of the Chinese run only (the product's language); the English run checks words, not pictures.</summary>
    public Task ShotAsync(IPage page, string name) => English ? Task.CompletedTask : BrowserFixture.ScreenshotAsync(page, name);

    // Keys look like Area.Name (Ticket.Overdue, HazardStatus.Closed): two or more capitalised words joined by dots.
    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)+\b")]
    private static partial Regex ResourceKey();

    private static class Strings
    {
        private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Cache = [];

        public static IReadOnlyDictionary<string, string> Of(string culture)
        {
            lock (Cache)
            {
                if (Cache.TryGetValue(culture, out var found)) return found;
                var file = Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Web", "Resources", $"SharedResource.{culture}.resx");
                var strings = XDocument.Load(file).Root!.Elements("data")
                    .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
                Cache[culture] = strings;
                return strings;
            }
        }
    }
}
