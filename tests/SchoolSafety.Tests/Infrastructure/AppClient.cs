using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SchoolSafety.Tests.Infrastructure;

/// <summary>A signed-in (or anonymous) browser session against the test server: pages as parsed HTML, forms posted with their antiforgery token.</summary>
public sealed class AppClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<IHtmlDocument> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Posts a form the way a browser would: the antiforgery token comes from the page the form is on.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await PageAsync(formPage ?? FormPageFor(url));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? FormPageFor(url)}.");
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await Http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, object fields, string? formPage = null) =>
        PostFormAsync(url, ToPairs(fields), formPage);

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        await PostFormAsync("/Account/Login", new { UserName = userName, Password = password }, "/Account/Login");

    /// <summary>Every page carries the language switch form, so the home page always has a token for a signed-in user.</summary>
    private static string FormPageFor(string url) => url.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) ? "/Account/Login" : "/Account/ChangePassword";

    public static IEnumerable<KeyValuePair<string, string>> ToPairs(object fields) =>
        fields is IEnumerable<KeyValuePair<string, string>> pairs
            ? pairs
            : fields.GetType().GetProperties()
                .Select(p => new KeyValuePair<string, string>(p.Name.Replace("__", "."), Convert.ToString(p.GetValue(fields), System.Globalization.CultureInfo.InvariantCulture) ?? ""));

    public void Dispose() => Http.Dispose();
}
