using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SchoolSafety.Demo;
using SchoolSafety.Identity;

namespace SchoolSafety.Benchmarks;

/// <summary>Every request of a run: its kind, time and whether it answered what a user expects.</summary>
sealed class Recorder
{
    public sealed record Sample(string Kind, double Ms, bool Ok, string? Error);

    private readonly ConcurrentQueue<Sample> _samples = new();
    private int _inFlight;

    public IReadOnlyCollection<Sample> Samples => _samples;
    public int InFlight => Volatile.Read(ref _inFlight);
    public ConcurrentDictionary<string, int> InFlightByKind { get; } = new();

    /// <summary>While false (after a deliberate kill), failures are counted as "cut" rather than errors.</summary>
    public volatile bool Live = true;

    public void Start(string kind)
    {
        Interlocked.Increment(ref _inFlight);
        InFlightByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public void Add(string kind, double ms, bool ok, string? error)
    {
        Interlocked.Decrement(ref _inFlight);
        InFlightByKind.AddOrUpdate(kind, 0, (_, n) => n - 1);
        _samples.Enqueue(new Sample(Live ? kind : "(cut by the kill) " + kind, ms, ok, error));
    }

    public void Clear() => _samples.Clear();

    /// <summary>The Markdown table: per kind count, errors, p50/p95/p99; then the errors themselves, grouped.</summary>
    public void Print(double seconds, TextWriter output)
    {
        var all = _samples.ToList();
        if (all.Count == 0)
        {
            output.WriteLine("no requests");
            return;
        }
        output.WriteLine("| request | count | errors | p50 | p95 | p99 |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var g in all.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"| {g.Key} | {g.Count()} | {g.Count(s => !s.Ok)} | {Stats.P(g.Select(s => s.Ms), 0.5):F0} ms | {Stats.P(g.Select(s => s.Ms), 0.95):F0} ms | {Stats.P(g.Select(s => s.Ms), 0.99):F0} ms |");
        output.WriteLine($"| **all** | **{all.Count}** | **{all.Count(s => !s.Ok)}** | {Stats.P(all.Select(s => s.Ms), 0.5):F0} ms | {Stats.P(all.Select(s => s.Ms), 0.95):F0} ms | {Stats.P(all.Select(s => s.Ms), 0.99):F0} ms |");
        output.WriteLine();
        output.WriteLine($"throughput: {all.Count / seconds:F1} requests/s over {seconds:F1} s");
        foreach (var e in all.Where(s => !s.Ok).GroupBy(s => $"{s.Kind}: {s.Error}").OrderByDescending(g => g.Count()).Take(20))
            output.WriteLine($"  error × {e.Count()}: {e.Key}");
    }
}

/// <summary>
/// One person in a browser: a cookie jar, no automatic redirects (so every status is seen), the antiforgery token of
/// the page last read, and the forms of the application filled as that person would.
/// </summary>
sealed partial class WebUser(string baseUrl, string userName, string role, int? schoolId, Recorder recorder)
{
    public const string TemporaryPassword = "Load2026temp";
    public const string Password = "Load2026pass";

    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(120),
    };
    private string _token = "";

    public string BaseUrl { get; } = baseUrl;
    public string UserName { get; } = userName;
    public string Role { get; } = role;
    public int? SchoolId { get; } = schoolId;
    public Recorder Recorder { get; set; } = recorder;
    public bool IsLeader => Role == Roles.SchoolLeader;
    public bool IsCounty => Role == Roles.CountyStaff;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    /// <summary>Sends one request; anything but the expected status (or an exception) is an error. Returns the body, or null on error.</summary>
    public async Task<string?> SendAsync(string kind, HttpMethod method, string url, HttpContent? content = null, HttpStatusCode expected = HttpStatusCode.OK, string? expectLocation = null)
    {
        Recorder.Start(kind);
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var ms = watch.Elapsed.TotalMilliseconds;
            string? error = null;
            if (response.StatusCode != expected)
                error = $"{(int)response.StatusCode} {method} {Shorten(url)} → {Shorten(response.Headers.Location?.OriginalString ?? "")} {Problem(body)}";
            else if (expectLocation is not null && response.Headers.Location?.OriginalString.Contains(expectLocation, StringComparison.OrdinalIgnoreCase) != true)
                error = $"{(int)response.StatusCode} {method} {Shorten(url)} redirected to {response.Headers.Location}";
            Recorder.Add(kind, ms, error is null, error);
            if (error is not null) return null;
            if (TokenRegex().Match(body) is { Success: true } m) _token = m.Groups[1].Value;
            return body;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Recorder.Add(kind, watch.Elapsed.TotalMilliseconds, false, $"{e.GetType().Name} {method} {Shorten(url)}: {e.Message}");
            return null;
        }
    }

    private static string Shorten(string url) => Regex.Replace(url, @"\d+", "N");

    /// <summary>What the page says went wrong: the validation summary, or the page title.</summary>
    private static string Problem(string body)
    {
        var summary = Regex.Match(body, "validation-summary-errors[^>]*>(.*?)</div>", RegexOptions.Singleline);
        var text = summary.Success ? summary.Groups[1].Value : Regex.Match(body, "<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value;
        text = Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]+>", " ")), @"\s+", " ").Trim();
        return text.Length > 160 ? text[..160] : text;
    }

    private FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", _token)));

    public async Task<bool> LoginAsync(string password)
    {
        if (await SendAsync("sign-in page", HttpMethod.Get, "/Account/Login") is null) return false;
        return await SendAsync("sign-in", HttpMethod.Post, "/Account/Login",
            Form(("UserName", UserName), ("Password", password)), HttpStatusCode.Redirect) is not null;
    }

    /// <summary>First sign-in of an account made by an administrator: the temporary password must be changed.</summary>
    public async Task<bool> FirstLoginAsync()
    {
        if (!await LoginAsync(TemporaryPassword)) return false;
        if (await SendAsync("change password page", HttpMethod.Get, "/Account/ChangePassword") is null) return false;
        return await SendAsync("change password", HttpMethod.Post, "/Account/ChangePassword",
            Form(("CurrentPassword", TemporaryPassword), ("NewPassword", Password), ("ConfirmPassword", Password)), HttpStatusCode.Redirect) is not null;
    }

    // ---- Administration (the demo administrator making the accounts)

    /// <summary>The ids of the schools a county user sees, from the school list's pages.</summary>
    public async Task<List<int>> SchoolIdsAsync(int wanted)
    {
        var ids = new List<int>();
        for (var page = 1; ids.Count < wanted && page < 50; page++)
        {
            var body = await SendAsync("setup: school list", HttpMethod.Get, $"/Schools?Page={page}") ?? throw new InvalidOperationException("school list failed");
            var found = Regex.Matches(body, "href=\"/Schools/Details/(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).Where(id => !ids.Contains(id)).ToList();
            if (found.Count == 0) break;
            ids.AddRange(found);
        }
        return ids.Take(wanted).ToList();
    }

    /// <summary>The node id of a jurisdiction by name, from the account form's list.</summary>
    public async Task<int> JurisdictionIdAsync(string name)
    {
        var body = await SendAsync("setup: account form", HttpMethod.Get, "/Users/Create") ?? throw new InvalidOperationException("account form failed");
        var select = WebUtility.HtmlDecode(Regex.Match(body, "name=\"Form.JurisdictionId\".*?</select>", RegexOptions.Singleline).Value);
        var match = Regex.Match(select, "<option value=\"(\\d+)\">[\\s　]*" + Regex.Escape(name) + "</option>");
        return match.Success ? int.Parse(match.Groups[1].Value) : throw new InvalidOperationException($"{name} is not in the account form");
    }

    public async Task CreateAccountAsync(string userName, string displayName, string role, int? schoolId, int? jurisdictionId)
    {
        var ok = await SendAsync("setup: create account", HttpMethod.Post, "/Users/Create", Form(
            ("Form.UserName", userName), ("Form.DisplayName", displayName), ("Form.Role", role),
            ("Form.SchoolId", schoolId?.ToString() ?? ""), ("Form.JurisdictionId", jurisdictionId?.ToString() ?? ""),
            ("Form.Password", TemporaryPassword)), HttpStatusCode.Redirect);
        if (ok is null) throw new InvalidOperationException($"creating {userName} failed: {Recorder.Samples.Last().Error}");
    }

    // ---- The mix

    public Task<string?> GetAsync(string kind, string url) => SendAsync(kind, HttpMethod.Get, url);

    /// <summary>
    /// The week's checklist: open the page; if this week is already submitted, start a correction (revision); save a
    /// draft with half the items answered; open the page again; submit it complete, with one 一般 hazard and its photo.
    /// Returns the number of POSTs that were answered as expected.
    /// </summary>
    public async Task<int> ChecklistRoundAsync(bool draft, byte[] photo)
    {
        var url = $"/Schools/{SchoolId}/Inspections";
        var page = await GetAsync("checklist page", url);
        if (page is null) return 0;
        var done = 0;
        if (!page.Contains("id=\"inspection-form\"", StringComparison.Ordinal))
        {
            var revise = Regex.Match(page, $"action=\"(/Schools/{SchoolId}/Inspections/Revise/\\d+)\"");
            if (!revise.Success) return 0;   // nothing to do this week (e.g. outside the term)
            if (await SendAsync("checklist revise", HttpMethod.Post, revise.Groups[1].Value, Form(), HttpStatusCode.Redirect, "/Inspections/") is null) return done;
            done++;
            page = await GetAsync("checklist page", url);
            if (page is null) return done;
        }
        var action = WebUtility.HtmlDecode(Regex.Match(page, "<form action=\"([^\"]+)\" method=\"post\" enctype=\"multipart/form-data\" novalidate id=\"inspection-form\"").Groups[1].Value);
        if (action.Length == 0) return done;
        if (draft)
        {
            if (await SendAsync("checklist save draft", HttpMethod.Post, action, Answers(page, half: true, null), HttpStatusCode.Redirect, "/Inspections/") is null) return done;
            done++;
            page = await GetAsync("checklist page", url);
            if (page is null) return done;
        }
        if (await SendAsync("checklist submit", HttpMethod.Post, action, Answers(page, half: false, photo), HttpStatusCode.Redirect, "/Inspections/") is null) return done;
        return done + 1;
    }

    private MultipartFormDataContent Answers(string page, bool half, byte[]? photo)
    {
        var rowVersion = WebUtility.HtmlDecode(Regex.Match(page, "name=\"RowVersion\" value=\"([^\"]*)\"").Groups[1].Value);
        var items = Regex.Matches(page, "name=\"Answers\\[\\d+\\]\\.ItemId\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        var content = new MultipartFormDataContent
        {
            { new StringContent(_token), "__RequestVerificationToken" },
            { new StringContent(rowVersion), "RowVersion" },
            { new StringContent(half ? "save" : "submit"), "command" },
        };
        var hazard = Math.Min(2, items.Count - 1);
        for (var i = 0; i < (half ? items.Count / 2 : items.Count); i++)
        {
            content.Add(new StringContent(items[i]), $"Answers[{i}].ItemId");
            content.Add(new StringContent(i == hazard && !half ? "Hazard" : "Pass"), $"Answers[{i}].Outcome");
        }
        if (!half)
        {
            content.Add(new StringContent("灭火器压力不足"), $"Answers[{hazard}].HazardDescription");
            content.Add(new StringContent("TeachingBuilding"), $"Answers[{hazard}].HazardPlace");
            content.Add(new StringContent("General"), $"Answers[{hazard}].HazardGrade");
            content.Add(new StringContent("安全员"), $"Answers[{hazard}].ResponsiblePerson");
            if (photo is not null)
            {
                var file = new ByteArrayContent(photo);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                content.Add(file, $"Answers[{hazard}].NewPhotos", "p.png");
            }
        }
        return content;
    }

    /// <summary>
    /// A school user rectifies one of the school's 一般 tickets that is still open (the page must offer the form); a
    /// school leader, in turn, verifies one awaiting verification that someone else rectified. Returns whether a step was taken.
    /// </summary>
    public async Task<bool> TicketStepAsync(int? ofSchool = null, int round = 0)
    {
        var school = ofSchool ?? SchoolId;
        if (!IsCounty)
        {
            foreach (var status in new[] { "Open", "Rectifying" })
            {
                var id = await FirstTicketAsync($"/Tickets?SchoolId={school}&Status={status}&Grade=General");
                if (id is null) continue;
                var details = await GetAsync("ticket page", $"/Tickets/Details/{id}");
                if (details is null || !details.Contains("id=\"rectify-form\"", StringComparison.Ordinal)) continue;
                return await SendAsync("ticket rectify", HttpMethod.Post, $"/Tickets/Rectify/{id}",
                    Form(("note", "已更换灭火器并复查压力"), ("rowVersion", RowVersion(details))), HttpStatusCode.Redirect, "/Tickets/Details/") is not null;
            }
            if (!IsLeader) return false;
        }
        {
            var id = await FirstTicketAsync($"/Tickets?SchoolId={school}&Status=AwaitingVerification" + (IsCounty ? "" : "&Grade=General"));
            if (id is null) return false;
            var details = await GetAsync("ticket page", $"/Tickets/Details/{id}");
            if (details is null || !details.Contains("/Tickets/Verify/", StringComparison.Ordinal)) return false;
            // One in four is sent back with a reason (驳回), so tickets also go round the loop again.
            var reject = round % 4 == 3;
            return await SendAsync(reject ? "ticket reject" : "ticket verify", HttpMethod.Post, $"/Tickets/{(reject ? "Reject" : "Verify")}/{id}",
                Form(("note", reject ? "照片看不清，请补充" : "复查合格，同意销号"), ("rowVersion", RowVersion(details))), HttpStatusCode.Redirect, "/Tickets/Details/") is not null;
        }
    }

    private async Task<string?> FirstTicketAsync(string listUrl)
    {
        var list = await GetAsync("ticket list (filtered)", listUrl);
        if (list is null) return null;
        var ids = Regex.Matches(list, "href=\"/Tickets/Details/(\\d+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        return ids.Count == 0 ? null : ids[Random.Shared.Next(ids.Count)];
    }

    private static string RowVersion(string page) => WebUtility.HtmlDecode(Regex.Match(page, "name=\"rowVersion\" value=\"([^\"]*)\"").Groups[1].Value);
}

/// <summary>The accounts of a run, made the way an administrator makes them, and signed in through the form.</summary>
static class Accounts
{
    /// <summary>
    /// N users: 3 county staff of 新平县 (1 when N &lt; 10), the rest one per school of 新平县 — two safety officers for every
    /// school leader. The demo administrator creates each through /Users/Create with a temporary password; each then
    /// signs in and changes it, as a new user must.
    /// </summary>
    public static async Task<List<WebUser>> CreateAsync(string baseUrl, int count, Recorder recorder)
    {
        var admin = new WebUser(baseUrl, "admin", Roles.Administrator, null, recorder);
        if (!await admin.LoginAsync(DemoCounty.DefaultPassword)) throw new InvalidOperationException("admin sign-in failed");
        var county = new WebUser(baseUrl, "county", Roles.CountyStaff, null, recorder);
        if (!await county.LoginAsync(DemoCounty.DefaultPassword)) throw new InvalidOperationException("county sign-in failed");
        var countyUsers = count < 10 ? 1 : 3;
        var schools = await county.SchoolIdsAsync(count - countyUsers);
        if (schools.Count < count - countyUsers) throw new InvalidOperationException($"only {schools.Count} schools");
        var node = await admin.JurisdictionIdAsync("新平县");

        var users = new List<WebUser>();
        for (var i = 0; i < countyUsers; i++)
        {
            await admin.CreateAccountAsync($"load-county{i + 1}", $"压测县局{i + 1}", Roles.CountyStaff, null, node);
            users.Add(new WebUser(baseUrl, $"load-county{i + 1}", Roles.CountyStaff, null, recorder));
        }
        for (var i = 0; i < schools.Count; i++)
        {
            var role = i % 3 == 2 ? Roles.SchoolLeader : Roles.SafetyOfficer;
            var name = $"load-{(role == Roles.SchoolLeader ? "leader" : "officer")}{schools[i]}";
            await admin.CreateAccountAsync(name, $"压测{i + 1}", role, schools[i], null);
            users.Add(new WebUser(baseUrl, name, role, schools[i], recorder));
        }
        // Sign in a few at a time, as people arriving in the morning (each sign-in is a password hash).
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(users.Select(async u =>
        {
            await gate.WaitAsync();
            try
            {
                if (!await u.FirstLoginAsync()) throw new InvalidOperationException($"first sign-in of {u.UserName} failed: {recorder.Samples.Last(s => !s.Ok).Error}");
            }
            finally { gate.Release(); }
        }));
        return users;
    }
}
