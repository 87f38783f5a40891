using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Benchmarks;

/// <summary>
/// The dashboard at province scale: for each size, a fresh database with the demo county and a generated
/// province around it (<see cref="ProvinceGenerator"/>), then, in one run on the same database:
/// the province user's dashboard (every school) and a county user's (新平县, 120 schools) over HTTP with
/// rendering, and the floor — grouped SQL computing the same figure families, read by plain ADO.NET.
/// The clock stands on the Monday after the term's 20th week; the last size is generated a second time
/// with the clock after week 4, to compare 4 weeks of history with 20.
/// </summary>
static class DashboardBenchmark
{
    private const string Password = DemoCounty.DefaultPassword;

    // The demo term runs from 1 September; these Mondays leave 20 and 4 weeks of it behind (09:00 China time).
    private static readonly DateTimeOffset AfterWeek20 = new(2027, 1, 18, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterWeek4 = new(2026, 9, 28, 1, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.ElementAtOrDefault(0)?.ToLowerInvariant() == "postgresql" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var sizes = (args.ElementAtOrDefault(1) ?? "200,2000,20000").Split(',').Select(int.Parse).ToList();
        var requests = int.TryParse(args.ElementAtOrDefault(2), out var r) ? r : 30;
        Console.WriteLine($"# Dashboard benchmark on {provider}: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {requests} requests per measure");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SCHOOLSAFETY_WEB", Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Web"));
        Environment.SetEnvironmentVariable("Logging__Console", "false");

        var rows = new List<string>();
        foreach (var size in sizes)
            rows.Add(await MeasureAsync(provider, size, AfterWeek20, requests, withCounty: true));
        var history = await MeasureAsync(provider, sizes[^1], AfterWeek4, requests, withCounty: false);

        Console.WriteLine();
        Console.WriteLine("| schools | weeks | generated in | province p50 / p95 | floor p50 / p95 | p95 ratio | county p50 / p95 | county floor p95 | term report PDF p50 / p95 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows.Append(history)) Console.WriteLine(row);
        return 0;
    }

    private static async Task<string> MeasureAsync(DatabaseProvider provider, int size, DateTimeOffset now, int requests, bool withCounty)
    {
        await using var app = new KestrelApp(provider);
        app.StartClockAt(now);
        await app.InitializeAsync();
        GeneratedProvince generated;
        string provincePath, countyPath;
        await using (var scope = app.Db())
        {
            scope.Context.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            generated = await ProvinceGenerator.GenerateAsync(scope.Context, scope.Get<UserManager<AppUser>>(), Password, app.Clock, size,
                message => { if (message.Contains("1号") || message.EndsWith("0 s", StringComparison.Ordinal)) Console.Error.WriteLine(message); });
            provincePath = (await scope.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.ProvinceCode)).Path;
            countyPath = (await scope.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CountyCode)).Path;
            if (provider == DatabaseProvider.PostgreSql) await scope.Context.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            else await scope.Context.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        Console.Error.WriteLine($"{size} schools: generated {generated.Schools} in {generated.Elapsed.TotalSeconds:F0} s ({generated.Inspections} inspections, {generated.Tickets} tickets)");

        var province = await SignInAsync(app.BaseUrl, ProvinceGenerator.ProvinceUserName);
        var (p, pf) = (await TimeAsync(requests, () => GetAsync(province)), await FloorAsync(app, provincePath, requests));
        var county = await SignInAsync(app.BaseUrl, "county");
        var c = withCounty ? await TimeAsync(requests, () => GetAsync(county)) : [];
        var cf = withCounty ? await FloorAsync(app, countyPath, requests) : [];
        var pdf = await TimeAsync(Math.Max(5, requests / 3), () => GetAsync(province, "/Reports/Term", "%PDF"));
        var term = $"{(now == AfterWeek20 ? 20 : 4)}";
        return $"| {size:N0} | {term} | {generated.Elapsed.TotalSeconds:F0} s | {Stats.P(p, 0.5):F0} / {Stats.P(p, 0.95):F0} ms | {Stats.P(pf, 0.5):F0} / {Stats.P(pf, 0.95):F0} ms | "
               + $"{Stats.P(p, 0.95) / Stats.P(pf, 0.95):F1}× | "
               + (withCounty ? $"{Stats.P(c, 0.5):F0} / {Stats.P(c, 0.95):F0} ms | {Stats.P(cf, 0.95):F0} ms |" : "— | — |")
               + $" {Stats.P(pdf, 0.5):F0} / {Stats.P(pdf, 0.95):F0} ms |";
    }

    private static async Task<List<double>> TimeAsync(int requests, Func<Task> request)
    {
        for (var i = 0; i < 3; i++) await request();   // warm-up: JIT, query plans, caches
        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await request();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>One full request: the page (or file) read to its end, checked to be what a user would get.</summary>
    private static async Task GetAsync(HttpClient http, string url = "/Dashboard", string expect = "<table")
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expect, StringComparison.Ordinal))
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
    }

    private static async Task<HttpClient> SignInAsync(string baseUrl, string userName)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var login = await http.GetStringAsync("/Account/Login");
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["UserName"] = userName, ["Password"] = Password, ["__RequestVerificationToken"] = token }));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"login of {userName} failed");
        return http;
    }

    /// <summary>
    /// The floor: the node's schools, their summaries of the term and their standings (drills, defences), the open tickets
    /// counted by school, and the ledger's two counts; rows read and discarded.
    /// </summary>
    private static async Task<List<double>> FloorAsync(SchoolSafetyApp app, string path, int requests)
    {
        await using var scope = app.Db();
        var db = scope.Context;
        var today = ChinaTime.Today(app.Clock);
        var term = DemoInspections.CurrentTerm(new SchoolSafety.Jurisdictions.Jurisdiction(), today);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        const string Scope = "SELECT s.\"Id\" FROM \"Schools\" s JOIN \"Jurisdictions\" j ON j.\"Id\" = s.\"JurisdictionId\" WHERE s.\"IsActive\" = TRUE AND j.\"Path\" LIKE @path";
        var Open = $"t.\"Status\" IN ({(int)HazardStatus.Open}, {(int)HazardStatus.Rectifying}, {(int)HazardStatus.AwaitingVerification})";
        static string Count(string condition) => $"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)";
        string[] queries =
        [
            $"SELECT s.\"Id\", s.\"Code\", s.\"Name\", s.\"Type\", s.\"Township\", s.\"JurisdictionId\", s.\"Students\", s.\"BoardingStudents\", s.\"IsActive\" "
            + $"FROM \"Schools\" s WHERE s.\"Id\" IN ({Scope}) ORDER BY s.\"Code\"",
            // The term's summaries: weeks submitted, tickets found, closed, on time, rejections, repeats, per week, days to close, education.
            $"SELECT m.* FROM \"SchoolTermSummaries\" m WHERE m.\"SchoolId\" IN ({Scope}) AND m.\"TermStart\" = @from",
            // The open tickets, counted now by school: open, overdue (of them 重大, supervised), 重大; and the same of those found in the term.
            $"SELECT t.\"SchoolId\", COUNT(*), {Count("t.\"Deadline\" < @today")}, {Count("t.\"Deadline\" < @today AND t.\"Grade\" = 2")}, "
            + $"{Count("t.\"Deadline\" < @today AND t.\"IsSupervised\" = TRUE")}, {Count("t.\"Grade\" = 2")}, {Count("t.\"FoundOn\" >= @from")}, "
            + $"{Count("t.\"FoundOn\" >= @from AND t.\"Deadline\" < @today")}, {Count("t.\"FoundOn\" >= @from AND t.\"Grade\" = 2")}, {Count("t.\"FoundOn\" >= @from AND t.\"IsSupervised\" = TRUE")} "
            + $"FROM \"HazardTickets\" t WHERE {Open} AND t.\"FoundOn\" <= @today AND t.\"SchoolId\" IN ({Scope}) GROUP BY t.\"SchoolId\"",
            // Drills and the three defences: the standings kept on write.
            $"SELECT x.* FROM \"SchoolStandings\" x WHERE x.\"SchoolId\" IN ({Scope}) AND x.\"JudgedOn\" <= @today AND @today <= x.\"ValidThrough\"",
            // The ledger: schools holding every required document type, schools without this year's letter.
            $"SELECT COUNT(*) FROM (SELECT d.\"SchoolId\" FROM \"SafetyDocuments\" d JOIN \"RequiredDocumentTypes\" r ON r.\"Id\" = d.\"DocumentTypeId\" AND r.\"IsActive\" = TRUE "
            + $"WHERE d.\"SchoolId\" IN ({Scope}) GROUP BY d.\"SchoolId\" HAVING COUNT(DISTINCT d.\"DocumentTypeId\") >= (SELECT COUNT(*) FROM \"RequiredDocumentTypes\" WHERE \"IsActive\" = TRUE)) c",
            $"SELECT COUNT(*) FROM \"Schools\" s WHERE s.\"Id\" IN ({Scope}) AND NOT EXISTS (SELECT 1 FROM \"ResponsibilityLetters\" l WHERE l.\"SchoolId\" = s.\"Id\" AND l.\"Year\" = @year AND l.\"Level\" = 1)",
        ];
        async Task Run()
        {
            foreach (var sql in queries)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                Add(command, "path", path + "%");
                Add(command, "today", today);
                Add(command, "from", term.Start);
                Add(command, "year", today.Year);
                await using var reader = await command.ExecuteReaderAsync();
                var values = new object[reader.FieldCount];
                while (await reader.ReadAsync()) reader.GetValues(values);
            }
        }
        return await TimeAsync(requests, Run);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        if (!command.CommandText.Contains("@" + name, StringComparison.Ordinal)) return;
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
