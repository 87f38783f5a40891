using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Benchmarks;

/// <summary>
/// Submitting a full 28-item inspection over HTTP, against a floor: the same rows written by plain
/// ADO.NET in one transaction on the same database, in the same run. See docs/performance.md.
/// </summary>
static class SubmitBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.ElementAtOrDefault(0)?.ToLowerInvariant() == "postgresql" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var seconds = int.TryParse(args.ElementAtOrDefault(1), out var s) ? s : 10;
        var userCount = int.TryParse(args.ElementAtOrDefault(2), out var u) ? u : 50;
        const int SingleUserSubmits = 150;
        const string Password = "Bench2026x";
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        Console.WriteLine($"# Inspection submit benchmark on {provider}: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SCHOOLSAFETY_WEB", Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Web"));
        // The load itself is measured, not the console: request logging to the terminal is turned off.
        Environment.SetEnvironmentVariable("Logging__Console", "false");
        await using var app = new KestrelApp(provider);
        await app.InitializeAsync();

        // --- Arrange: one officer per school, and a long term so that every month's first week is open with all 28 items due.
        var schools = new List<(int Id, string UserName)>();
        await using (var scope = app.Db())
        {
            var db = scope.Context;
            var county = await db.Jurisdictions.SingleAsync(j => j.Code == "530427");
            db.Terms.Add(new Term { JurisdictionId = county.Id, Name = "benchmark", Start = new DateOnly(2001, 1, 1), End = new DateOnly(2025, 12, 31) });
            await db.SaveChangesAsync();
            var users = scope.Get<UserManager<AppUser>>();
            foreach (var school in await db.Schools.Where(x => x.JurisdictionId == county.Id).OrderBy(x => x.Id).Take(userCount + 1).ToListAsync())
            {
                var user = new AppUser { UserName = $"bench{school.Id}", DisplayName = "压测", SchoolId = school.Id, CreatedAt = DateTime.UtcNow };
                await users.CreateAsync(user, Password);
                await users.AddToRoleAsync(user, Roles.SafetyOfficer);
                schools.Add((school.Id, user.UserName));
            }
        }
        // The first ISO week of each month: nothing else submitted that month, so all 28 items are due.
        var monthWeeks = Enumerable.Range(0, 25 * 12).Select(m => new DateOnly(2001, 1, 1).AddMonths(m))
            .Select(first => SchoolWeek.Of(first) is var w && w.Thursday.Month == first.Month ? w : SchoolWeek.Of(first).Next())
            .ToList();

        var singleUser = await Session.StartAsync(app.BaseUrl, schools[0], Password);
        var single = new List<double>();
        for (var i = 0; i < SingleUserSubmits; i++) single.Add(await singleUser.SubmitAsync(monthWeeks[i], png));

        // --- Floor: the same rows by plain ADO.NET in one transaction.
        var floor = new List<double>();
        await using (var scope = app.Db())
        {
            var db = scope.Context;
            var template = await db.ChecklistTemplates.Include(t => t.Items).FirstAsync();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            for (var i = 0; i < SingleUserSubmits; i++)
                floor.Add(await Floor.WriteAsync(connection, provider, schools[0].Id, 900000 + i, template.Items.Select(x => x.Id).ToList()));
        }

        // --- Many users at once.
        var sessions = await Task.WhenAll(schools.Skip(1).Take(userCount).Select(x => Session.StartAsync(app.BaseUrl, x, Password)));
        var latencies = new List<double>();
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(async session =>
        {
            var mine = new List<double>();
            for (var i = 0; i < monthWeeks.Count && stop.Elapsed.TotalSeconds < seconds; i++)
                mine.Add(await session.SubmitAsync(monthWeeks[i], png));
            lock (latencies) latencies.AddRange(mine);
        }));
        var elapsed = stop.Elapsed.TotalSeconds;

        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| floor (ADO.NET, same rows) p50 | {Stats.P(floor, 0.5):F2} ms |");
        Console.WriteLine($"| one user, HTTP submit p50 | {Stats.P(single, 0.5):F2} ms |");
        Console.WriteLine($"| ratio p50 HTTP / floor | {Stats.P(single, 0.5) / Stats.P(floor, 0.5):F1}× (goal ≤ 2×) |");
        Console.WriteLine($"| {userCount} users: submits | {latencies.Count} in {elapsed:F1} s |");
        Console.WriteLine($"| {userCount} users: throughput | {latencies.Count / elapsed:F0} submits/s (goal ≥ 300) |");
        Console.WriteLine($"| {userCount} users: p50 / p99 | {Stats.P(latencies, 0.5):F1} ms / {Stats.P(latencies, 0.99):F1} ms (goal p99 ≤ 100 ms) |");
        return 0;
    }
}

/// <summary>One signed-in officer: a cookie jar, the antiforgery token and the item ids of the form.</summary>
sealed class Session(HttpClient http, int schoolId, string token, IReadOnlyList<int> items)
{
    public static async Task<Session> StartAsync(string baseUrl, (int Id, string UserName) school, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var login = await http.GetStringAsync("/Account/Login");
        var loginToken = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["UserName"] = school.UserName, ["Password"] = password, ["__RequestVerificationToken"] = loginToken }));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("login failed");
        var page = await http.GetStringAsync($"/Schools/{school.Id}/Inspections/200102");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var items = Regex.Matches(page, "name=\"Answers\\[\\d+\\]\\.ItemId\" value=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        if (items.Count != 28) throw new InvalidOperationException($"{items.Count} items due, expected 28");
        return new Session(http, school.Id, token, items);
    }

    /// <summary>Posts a complete inspection with one hazard and its photo; returns the milliseconds of the POST.</summary>
    public async Task<double> SubmitAsync(SchoolWeek week, byte[] photo)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "RowVersion" },
            { new StringContent("submit"), "command" },
        };
        for (var i = 0; i < items.Count; i++)
        {
            content.Add(new StringContent(items[i].ToString()), $"Answers[{i}].ItemId");
            content.Add(new StringContent(i == 2 ? "Hazard" : "Pass"), $"Answers[{i}].Outcome");
        }
        content.Add(new StringContent("灭火器压力不足"), "Answers[2].HazardDescription");
        content.Add(new StringContent("TeachingBuilding"), "Answers[2].HazardPlace");
        content.Add(new StringContent("General"), "Answers[2].HazardGrade");
        content.Add(new StringContent("安全员"), "Answers[2].ResponsiblePerson");
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "Answers[2].NewPhotos", "p.png");
        var watch = Stopwatch.StartNew();
        var response = await http.PostAsync($"/Schools/{schoolId}/Inspections/{week.Number}", content);
        var ms = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"submit {week.Number} answered {(int)response.StatusCode}");
        return ms;
    }
}

/// <summary>The rows one submit writes (inspection, 28 answers, a photo record, a ticket, their audit rows), by hand.</summary>
static class Floor
{
    public static async Task<double> WriteAsync(DbConnection connection, DatabaseProvider provider, int schoolId, int week, List<int> items)
    {
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using var tx = await connection.BeginTransactionAsync();
        var rowVersion = provider == DatabaseProvider.Sqlite ? ", \"RowVersion\"" : "";
        var rowVersionValue = provider == DatabaseProvider.Sqlite ? ", @rv" : "";
        var inspectionId = Convert.ToInt32(await Exec(connection, tx,
            $"INSERT INTO \"Inspections\" (\"SchoolId\",\"TemplateId\",\"WeekNumber\",\"Revision\",\"IsCurrent\",\"Status\",\"CreatedAt\",\"UpdatedAt\",\"SubmittedAt\",\"CreatedById\"{rowVersion}) " +
            $"VALUES (@s, 1, @w, 1, TRUE, 2, @t, @t, @t, 'x'{rowVersionValue}) RETURNING \"Id\"",
            ("s", schoolId), ("w", week), ("t", now), ("rv", Guid.NewGuid().ToByteArray()[..8])));
        var hazardId = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var id = Convert.ToInt32(await Exec(connection, tx,
                "INSERT INTO \"InspectionResults\" (\"InspectionId\",\"ItemId\",\"Outcome\",\"HazardDescription\") VALUES (@i, @item, @o, @d) RETURNING \"Id\"",
                ("i", inspectionId), ("item", items[i]), ("o", i == 2 ? 2 : 1), ("d", i == 2 ? "灭火器压力不足" : DBNull.Value)));
            if (i == 2) hazardId = id;
        }
        await Exec(connection, tx, "INSERT INTO \"StoredFiles\" (\"Id\",\"SchoolId\",\"ContentType\",\"Length\",\"StorageKey\",\"CreatedAt\",\"InspectionResultId\") VALUES (@id, @s, 'image/png', 68, 'k', @t, @r)",
            ("id", Guid.NewGuid()), ("s", schoolId), ("t", now), ("r", hazardId));
        await Exec(connection, tx, $"INSERT INTO \"HazardTickets\" (\"Number\",\"SchoolId\",\"Source\",\"InspectionResultId\",\"ChecklistItemId\",\"Place\",\"Description\",\"Grade\",\"FoundAt\",\"ResponsibleName\",\"Deadline\",\"Status\"{rowVersion}) " +
            $"VALUES (@n, @s, 1, @r, @item, 5, '灭火器压力不足', 1, @t, '安全员', @d, 1{rowVersionValue})",
            ("n", $"F-{week}"), ("s", schoolId), ("r", hazardId), ("item", items[2]), ("t", now), ("d", DateOnly.FromDateTime(now)), ("rv", Guid.NewGuid().ToByteArray()[..8]));
        for (var a = 0; a < items.Count + 3; a++)
            await Exec(connection, tx, "INSERT INTO \"AuditEntries\" (\"At\",\"UserName\",\"EntityType\",\"EntityKey\",\"SchoolId\",\"Action\",\"Changes\") VALUES (@t, 'x', 'InspectionResult', @k, @s, 1, @c)",
                ("t", now), ("k", a.ToString()), ("s", schoolId), ("c", "{\"Outcome\":{\"Old\":null,\"New\":\"Pass\"},\"ItemId\":{\"Old\":null,\"New\":1}}"));
        await tx.CommitAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<object?> Exec(DbConnection c, DbTransaction tx, string sql, params (string Name, object Value)[] ps)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in ps)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return await cmd.ExecuteScalarAsync();
    }
}
