using System.Text.RegularExpressions;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Conventions;

/// <summary>
/// The Content-Security-Policy allows no inline script or style, so no view may carry any: a
/// style="" attribute, a &lt;style&gt; block, an inline &lt;script&gt; (JSON data islands are fine, the
/// browser does not run them), an on...="" handler or a javascript: link would be blocked in the browser.
/// </summary>
public partial class ContentSecurityPolicyTests
{
    private static readonly string Views = Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Web");

    public static IEnumerable<string> Offences(string view)
    {
        foreach (Match m in StyleAttribute().Matches(view)) yield return m.Value.Trim();
        foreach (Match m in StyleBlock().Matches(view)) yield return m.Value;
        foreach (Match m in Handler().Matches(view)) yield return m.Value.Trim();
        foreach (Match m in JavaScriptUrl().Matches(view)) yield return m.Value;
        foreach (Match m in ScriptTag().Matches(view))
        {
            var attributes = m.Groups["attrs"].Value;
            if (SrcAttribute().IsMatch(attributes) || JsonType().IsMatch(attributes)) continue;
            yield return m.Value;
        }
    }

    [Fact]
    public void No_view_has_inline_style_or_script()
    {
        var views = Directory.EnumerateFiles(Views, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(views.Count > 50, $"only {views.Count} views found under {Views}");
        var offenders = views
            .SelectMany(f => Offences(File.ReadAllText(f)).Select(o => $"{Path.GetRelativePath(Views, f)}: {o}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("""<td style="width:5rem">x</td>""")]
    [InlineData("""<img class="a" STYLE='object-fit:cover' />""")]
    [InlineData("""<style>.a { color: red }</style>""")]
    [InlineData("""<script>alert(1)</script>""")]
    [InlineData("""<script type="module">import x from "./x.js";</script>""")]
    [InlineData("""<select onchange="this.form.submit()">""")]
    [InlineData("""<a href="javascript:void(0)">x</a>""")]
    public void The_scan_finds_what_the_policy_would_block(string html) => Assert.NotEmpty(Offences(html));

    [Theory]
    [InlineData("""<script src="~/js/site.js" asp-append-version="true"></script>""")]
    [InlineData("""<script type="application/json" id="chart-data">{"a":1}</script>""")]
    [InlineData("""<select data-autosubmit class="form-select">""")]
    [InlineData("""<p>Lifestyle="modern" is text, not an attribute; so is the word onion="x"</p>""")]
    public void The_scan_lets_through_what_the_policy_allows(string html) => Assert.Empty(Offences(html));

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleBlock();

    // Event handler attributes (onclick, onchange, onsubmit...), inside a tag.
    [GeneratedRegex(@"<[a-z][^<>]*?\s(?<h>on(?:abort|blur|change|click|dblclick|error|focus|input|key\w+|load|mouse\w+|reset|select|submit|toggle|pointer\w+|touch\w+))\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex(@"javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavaScriptUrl();

    [GeneratedRegex(@"<script(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\ssrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();

    [GeneratedRegex(@"\stype\s*=\s*[""']application/json[""']", RegexOptions.IgnoreCase)]
    private static partial Regex JsonType();
}
