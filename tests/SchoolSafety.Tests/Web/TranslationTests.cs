using System.Text.RegularExpressions;
using SchoolSafety.Demo;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// Every main page in English shows English: no resource key (e.g. "Drill.Title") where a missing translation would
/// fall back to its key, and no Chinese in the page's own words (menus, headings, labels, buttons).
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed partial class TranslationTests(SqliteApp app)
{
    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+\b")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Theory]
    [InlineData("county", "/Dashboard")]
    [InlineData("county", "/Tickets")]
    [InlineData("county", "/Tickets/Create")]
    [InlineData("county", "/Drills/Compliance")]
    [InlineData("county", "/Training")]
    [InlineData("county", "/Training/CreateCounty")]
    [InlineData("county", "/Education/Coverage")]
    [InlineData("county", "/Defences")]
    [InlineData("county", "/Documents")]
    [InlineData("county", "/Letters")]
    [InlineData("county", "/Surroundings")]
    [InlineData("county", "/Notifications/Digest")]
    [InlineData("officer", "/Dashboard")]
    [InlineData("officer", "/Schools/{school}/Drills")]
    [InlineData("officer", "/Schools/{school}/Drills/Create")]
    [InlineData("officer", "/Schools/{school}/Education/Create")]
    [InlineData("officer", "/Schools/{school}/Training/Create")]
    [InlineData("officer", "/Schools/Details/{school}")]
    [InlineData("admin", "/Education/Topics")]
    public async Task An_english_page_shows_no_resource_keys_and_no_chinese_labels(string user, string url)
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        using var client = await app.LoginAsync(user);
        await client.PostFormAsync("/Culture/Set", new { culture = "en-US", returnUrl = "/" }, "/Account/ChangePassword");
        var page = await client.PageAsync(url.Replace("{school}", school.Id.ToString()));
        Assert.Equal("en-US", page.DocumentElement.GetAttribute("lang"));
        var text = page.Body!.TextContent;
        Assert.DoesNotContain(ResourceKey().Matches(text).Select(m => m.Value), k => !k.StartsWith("Demo@", StringComparison.Ordinal));
        // The page's own words: headings, labels, table headers, buttons, menu entries (data such as school names stay Chinese).
        var chrome = page.QuerySelectorAll("label, thead th, button, .nav-link:not(#userMenu), .dropdown-item, legend")
            .Select(e => e.TextContent.Trim())
            .Where(t => Chinese().IsMatch(t) && t != "中文")
            .ToList();
        Assert.Empty(chrome);
    }
}
