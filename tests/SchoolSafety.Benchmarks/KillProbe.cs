using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SchoolSafety.Data;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;

namespace SchoolSafety.Benchmarks;

/// <summary>
/// SIGKILL in the middle of submitting: the application (its own process, <see cref="WebProcess"/>) is killed with
/// `kill -9` while users submit inspections and move tickets, restarted on the same database, and the records are checked
/// (docs/security.md, "SIGKILL 下的提交 / Killed while submitting"). Repeated on the same database; exit code 1 on any failure.
/// </summary>
static class KillProbe
{
    private sealed record Baseline(int Inspection, int Result, int Ticket, long Event, long Audit, HashSet<string> Files, string Drafts);

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.ElementAtOrDefault(0)?.ToLowerInvariant() == "postgresql" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var kills = int.TryParse(args.ElementAtOrDefault(1), out var k) ? k : 3;
        var userCount = int.TryParse(args.ElementAtOrDefault(2), out var u) ? u : 20;
        var port = int.TryParse(args.ElementAtOrDefault(3), out var p) ? p : 5732;
        Console.WriteLine($"# SIGKILL probe on {provider}: {kills} kills, {userCount} users, {Environment.ProcessorCount} cores, "
                          + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadTest.LoadAverage()}");

        var web = await WebProcess.CreateAsync(provider, port);
        var failed = 0;
        try
        {
            Console.WriteLine($"web process ready in {await web.StartAsync():F1} s");
            var setup = new Recorder();
            var users = await Accounts.CreateAsync(web.BaseUrl, userCount, setup);
            Console.WriteLine($"{users.Count} accounts created and signed in");
            Baseline baseline;
            using (var c = web.OpenConnection()) baseline = await BaselineAsync(c);

            var counties = users.Where(x => x.IsCounty).ToList();
            var officerSchools = users.Where(x => x is { IsCounty: false, IsLeader: false }).Select(x => x.SchoolId!.Value).ToList();
            var acknowledged = new Dictionary<string, int>();
            var cut = new Dictionary<string, int>();
            var random = new Random(20261130);
            for (var round = 1; round <= kills; round++)
            {
                var recorder = new Recorder();
                foreach (var user in users) user.Recorder = recorder;
                var go = true;
                var loops = users.Select(user => Task.Run(() => WritesAsync(user, counties.IndexOf(user), counties.Count, officerSchools, () => go))).ToList();

                // Let the writers run a few seconds, then kill while at least two submits are on the wire.
                await Task.Delay(TimeSpan.FromSeconds(3 + random.NextDouble() * 5));
                var wait = Stopwatch.StartNew();
                while (recorder.InFlightByKind.GetValueOrDefault("checklist submit") < 2 && wait.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(5);
                var inFlight = recorder.InFlightByKind.Where(x => x.Value > 0).Select(x => $"{x.Key} × {x.Value}").ToList();
                recorder.Live = false;
                web.Kill();
                go = false;
                await Task.WhenAll(loops);
                foreach (var s in recorder.Samples)
                {
                    if (s.Kind.StartsWith("(cut", StringComparison.Ordinal)) cut[s.Kind] = cut.GetValueOrDefault(s.Kind) + 1;
                    else if (s.Ok) acknowledged[s.Kind] = acknowledged.GetValueOrDefault(s.Kind) + 1;
                }
                var before = recorder.Samples.Where(s => !s.Kind.StartsWith("(cut", StringComparison.Ordinal)).ToList();
                Console.WriteLine();
                Console.WriteLine($"## Kill {round}: after {before.Count} answered requests ({before.Count(s => s.Kind == "checklist submit" && s.Ok)} submits, "
                                  + $"{before.Count(s => !s.Ok)} errors before the kill); in flight at the kill: {string.Join(", ", inFlight)}");
                foreach (var e in before.Where(s => !s.Ok).Take(5)) Console.WriteLine($"  error before the kill: {e.Kind}: {e.Error}");
                failed += before.Count(s => !s.Ok) > 0 ? 1 : 0;

                var restart = await web.StartAsync();
                Console.WriteLine($"restarted on the same database in {restart:F1} s");
                using (var c = web.OpenConnection()) failed += await CheckAsync(c, web, baseline, acknowledged, cut);
                failed += await ServesAsync(users, recorder);
            }
            Console.WriteLine();
            Console.WriteLine(web.LogErrors());
            Console.WriteLine(failed == 0 ? $"RESULT: PASS ({kills} kills)" : $"RESULT: FAIL ({failed} failed checks; database and folder kept in {web.Folder}, {web.ConnectionString})");
            if (failed > 0) web.Keep();
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            await web.DisposeAsync();
        }
    }

    /// <summary>The writing part of the load mix only: checklist rounds and ticket steps (county: verify/reject).</summary>
    private static async Task WritesAsync(WebUser user, int countyIndex, int countyCount, IReadOnlyList<int> officerSchools, Func<bool> go)
    {
        var mine = countyIndex < 0 ? [] : officerSchools.Where((_, i) => i % countyCount == countyIndex).ToList();
        for (var round = 0; go(); round++)
        {
            if (user.IsCounty)
            {
                if (mine.Count == 0 || !await user.TicketStepAsync(mine[round % mine.Count], round)) await Task.Delay(100);
                continue;
            }
            await user.ChecklistRoundAsync(draft: round % 2 == 1, LoadTest.Png);
            if (go()) await user.TicketStepAsync(round: round);
        }
    }

    private static async Task<Baseline> BaselineAsync(DbConnection c) => new(
        Convert.ToInt32(await ScalarAsync(c, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Inspections\""), CultureInfo.InvariantCulture),
        Convert.ToInt32(await ScalarAsync(c, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"InspectionResults\""), CultureInfo.InvariantCulture),
        Convert.ToInt32(await ScalarAsync(c, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"HazardTickets\""), CultureInfo.InvariantCulture),
        Convert.ToInt64(await ScalarAsync(c, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"TicketEvents\""), CultureInfo.InvariantCulture),
        Convert.ToInt64(await ScalarAsync(c, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"AuditEntries\""), CultureInfo.InvariantCulture),
        (await RowsAsync(c, "SELECT \"Id\" FROM \"StoredFiles\"")).Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!).ToHashSet(),
        // Drafts left by the demo: a submit may finish one of them instead of a new row.
        string.Join(",", (await RowsAsync(c, $"SELECT \"Id\" FROM \"Inspections\" WHERE \"Status\" = {(int)InspectionStatus.Draft}")).Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)).Append("0")));

    /// <summary>The invariants, each printed PASS or FAIL; returns the number that failed.</summary>
    private static async Task<int> CheckAsync(DbConnection c, WebProcess web, Baseline b, Dictionary<string, int> acknowledged, Dictionary<string, int> cut)
    {
        var failed = 0;
        void Report(string name, bool pass, string detail)
        {
            Console.WriteLine($"{(pass ? "PASS" : "FAIL")}  {name}: {detail}");
            if (!pass) failed++;
        }
        var draft = (int)InspectionStatus.Draft;

        // 1. No half-written inspection: a submitted (or signed-off) inspection has its answers, every one answered.
        var incomplete = await LongAsync(c, $"SELECT COUNT(*) FROM \"Inspections\" i WHERE i.\"Status\" <> {draft} AND (NOT EXISTS (SELECT 1 FROM \"InspectionResults\" r WHERE r.\"InspectionId\" = i.\"Id\") "
                                            + "OR EXISTS (SELECT 1 FROM \"InspectionResults\" r WHERE r.\"InspectionId\" = i.\"Id\" AND r.\"Outcome\" IS NULL))");
        var submitted = await LongAsync(c, $"SELECT COUNT(*) FROM \"Inspections\" WHERE \"Status\" <> {draft}");
        var drafts = await LongAsync(c, $"SELECT COUNT(*) FROM \"Inspections\" WHERE \"Status\" = {draft}");
        Report("submitted inspections complete", incomplete == 0, $"{incomplete} of {submitted} submitted inspections lack answers ({drafts} drafts, allowed)");

        // 2. Each hazard answer of a submitted inspection written here has its ticket (on itself, or on the answer it was copied from).
        var results = await RowsAsync(c, $"SELECT r.\"Id\", r.\"CopiedFromResultId\", r.\"Outcome\", i.\"Status\", i.\"Id\" FROM \"InspectionResults\" r JOIN \"Inspections\" i ON i.\"Id\" = r.\"InspectionId\"");
        var copiedFrom = results.ToDictionary(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture), r => r[1] is DBNull ? (int?)null : Convert.ToInt32(r[1], CultureInfo.InvariantCulture));
        var ticketed = (await RowsAsync(c, "SELECT \"InspectionResultId\" FROM \"HazardTickets\" WHERE \"InspectionResultId\" IS NOT NULL"))
            .Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToHashSet();
        var hazards = results.Where(r => Convert.ToInt32(r[4], CultureInfo.InvariantCulture) > b.Inspection && Convert.ToInt32(r[3], CultureInfo.InvariantCulture) != draft
                                         && r[2] is not DBNull && Convert.ToInt32(r[2], CultureInfo.InvariantCulture) == (int)Outcome.Hazard)
            .Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToList();
        bool HasTicket(int id)
        {
            for (int? at = id; at is int x; at = copiedFrom.GetValueOrDefault(x)) if (ticketed.Contains(x)) return true;
            return false;
        }
        var withoutTicket = hazards.Count(id => !HasTicket(id));
        Report("hazard answers have their ticket", withoutTicket == 0, $"{withoutTicket} of {hazards.Count} hazard answers submitted in this probe have no ticket");

        // 3. Exactly one current revision per school and week.
        var notOne = await LongAsync(c, "SELECT COUNT(*) FROM (SELECT \"SchoolId\", \"WeekNumber\", SUM(CASE WHEN \"IsCurrent\" THEN 1 ELSE 0 END) AS n FROM \"Inspections\" GROUP BY \"SchoolId\", \"WeekNumber\") g WHERE g.n <> 1");
        var weeks = await LongAsync(c, "SELECT COUNT(*) FROM (SELECT DISTINCT \"SchoolId\", \"WeekNumber\" FROM \"Inspections\") g");
        var revisions = await LongAsync(c, $"SELECT COUNT(*) FROM \"Inspections\" WHERE \"Revision\" > 1 AND \"Id\" > {b.Inspection}");
        Report("one current revision per school/week", notOne == 0, $"{notOne} of {weeks} school-weeks without exactly one current revision ({revisions} revisions made in this probe)");

        // 4. Every ticket's status is the status its last event moved it to.
        var disagree = await LongAsync(c, "SELECT COUNT(*) FROM \"HazardTickets\" t WHERE t.\"Status\" <> COALESCE((SELECT e.\"To\" FROM \"TicketEvents\" e WHERE e.\"TicketId\" = t.\"Id\" ORDER BY e.\"Id\" DESC LIMIT 1), -1)");
        var tickets = await LongAsync(c, "SELECT COUNT(*) FROM \"HazardTickets\"");
        var events = await LongAsync(c, $"SELECT COUNT(*) FROM \"TicketEvents\" WHERE \"Id\" > {b.Event}");
        Report("ticket status = last event", disagree == 0, $"{disagree} of {tickets} tickets disagree with their last event ({events} events written in this probe)");

        // 5. Every row written in this probe has its "Added" audit row, and every such audit row its record.
        var audits = await RowsAsync(c, $"SELECT \"EntityType\", \"EntityKey\", \"Action\", \"Changes\" FROM \"AuditEntries\" WHERE \"Id\" > {b.Audit} "
                                        + "AND \"EntityType\" IN ('Inspection', 'InspectionResult', 'HazardTicket', 'TicketEvent') ORDER BY \"Id\"");
        var added = (int)Auditing.AuditAction.Added;
        foreach (var (type, table, from) in new[] { ("Inspection", "Inspections", (long)b.Inspection), ("InspectionResult", "InspectionResults", b.Result), ("HazardTicket", "HazardTickets", b.Ticket), ("TicketEvent", "TicketEvents", b.Event) })
        {
            var rows = (await RowsAsync(c, $"SELECT \"Id\" FROM \"{table}\" WHERE \"Id\" > {from}")).Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!).ToHashSet();
            var trail = audits.Where(a => (string)a[0] == type && Convert.ToInt32(a[2], CultureInfo.InvariantCulture) == added).Select(a => (string)a[1]).ToHashSet();
            var missing = rows.Count(r => !trail.Contains(r));
            var orphans = trail.Count(t => !rows.Contains(t));
            Report($"audit rows for {table}", missing == 0 && orphans == 0, $"{rows.Count} rows written, {trail.Count} 'Added' audit rows; {missing} rows without audit, {orphans} audit rows without their record");
        }

        // 6. The audit trail's last word on each status is the record's status (a status change never landed without its audit row).
        var states = new Dictionary<(string, string), (string? Status, string? Current)>();
        foreach (var a in audits.Where(a => (string)a[0] is "Inspection" or "HazardTicket"))
        {
            using var json = JsonDocument.Parse((string)a[3]);
            var key = ((string)a[0], (string)a[1]);
            var (status, current) = states.GetValueOrDefault(key);
            if (json.RootElement.TryGetProperty("Status", out var s)) status = s.GetProperty("New").ToString();
            if (json.RootElement.TryGetProperty("IsCurrent", out var ic)) current = ic.GetProperty("New").GetRawText();
            states[key] = (status, current);
        }
        var inspectionRows = (await RowsAsync(c, "SELECT \"Id\", \"Status\", \"IsCurrent\" FROM \"Inspections\""))
            .ToDictionary(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!, r => (Status: ((InspectionStatus)Convert.ToInt32(r[1], CultureInfo.InvariantCulture)).ToString(), Current: Convert.ToBoolean(r[2], CultureInfo.InvariantCulture).ToString().ToLowerInvariant()));
        var ticketRows = (await RowsAsync(c, "SELECT \"Id\", \"Status\" FROM \"HazardTickets\""))
            .ToDictionary(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!, r => ((HazardStatus)Convert.ToInt32(r[1], CultureInfo.InvariantCulture)).ToString());
        var mismatches = 0;
        foreach (var ((type, key), (status, current)) in states)
        {
            if (type == "Inspection")
            {
                if (!inspectionRows.TryGetValue(key, out var row)) { mismatches++; continue; }
                if (status is not null && status != row.Status) mismatches++;
                if (current is not null && current != row.Current) mismatches++;
            }
            else if (!ticketRows.TryGetValue(key, out var st) || (status is not null && status != st)) mismatches++;
        }
        Report("audited status = stored status", mismatches == 0, $"{states.Count} inspections and tickets changed in this probe, {mismatches} whose status or current flag differs from their last audit row");

        // 7. Writes answered before the kill are all there; at most the requests on the wire at the kill may or may not have landed.
        var submits = await LongAsync(c, $"SELECT COUNT(*) FROM \"Inspections\" WHERE (\"Id\" > {b.Inspection} OR \"Id\" IN ({b.Drafts})) AND \"Status\" <> {draft}");
        var rectified = await LongAsync(c, $"SELECT COUNT(*) FROM \"TicketEvents\" WHERE \"Id\" > {b.Event} AND \"Kind\" = {(int)TicketEventKind.Rectified}");
        var closed = await LongAsync(c, $"SELECT COUNT(*) FROM \"TicketEvents\" WHERE \"Id\" > {b.Event} AND \"Kind\" = {(int)TicketEventKind.Closed}");
        foreach (var (kind, stored) in new[] { ("checklist submit", submits), ("ticket rectify", rectified), ("ticket verify", closed) })
        {
            var ok = acknowledged.GetValueOrDefault(kind);
            var onWire = cut.GetValueOrDefault("(cut by the kill) " + kind);
            Report($"answered '{kind}' durable", stored >= ok && stored <= ok + onWire,
                $"{ok} answered before the kills, {onWire} cut by them, {stored} in the database");
        }

        // 8. Every photo record written in this probe has its file (files are written before the transaction commits).
        var files = (await RowsAsync(c, "SELECT \"Id\", \"StorageKey\" FROM \"StoredFiles\"")).Where(r => !b.Files.Contains(Convert.ToString(r[0], CultureInfo.InvariantCulture)!)).ToList();
        var lost = files.Count(r => !File.Exists(Path.Combine(web.UploadRoot, (string)r[1])));
        Report("photo records have their file", lost == 0, $"{files.Count} photo records written, {lost} without a file");
        return failed;
    }

    /// <summary>After the restart: the users' sessions still work (keys in the database), pages answer, and a checklist can be submitted.</summary>
    private static async Task<int> ServesAsync(List<WebUser> users, Recorder recorder)
    {
        var check = new Recorder();
        foreach (var user in users) user.Recorder = check;
        var school = users.First(x => !x.IsCounty);
        var county = users.First(x => x.IsCounty);
        await school.GetAsync("dashboard", "/Dashboard");
        await school.GetAsync("ticket list", "/Tickets");
        var posts = await school.ChecklistRoundAsync(draft: true, LoadTest.Png);
        await county.GetAsync("dashboard", "/Dashboard");
        await county.GetAsync("completion grid", "/Inspections/Completion");
        var fresh = new WebUser(county.BaseUrl, county.UserName, county.Role, null, check);
        var signIn = await fresh.LoginAsync(WebUser.Password);
        var errors = check.Samples.Where(s => !s.Ok).ToList();
        var pass = errors.Count == 0 && posts >= 2 && signIn;
        Console.WriteLine($"{(pass ? "PASS" : "FAIL")}  app serves again: {check.Samples.Count} requests after the restart (old sessions, a fresh sign-in, a draft and a submit), "
                          + $"{errors.Count} errors{string.Concat(errors.Take(3).Select(e => "; " + e.Error))}");
        foreach (var user in users) user.Recorder = recorder;
        return pass ? 0 : 1;
    }

    private static async Task<object?> ScalarAsync(DbConnection c, string sql)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<long> LongAsync(DbConnection c, string sql) => Convert.ToInt64(await ScalarAsync(c, sql), CultureInfo.InvariantCulture);

    private static async Task<List<object[]>> RowsAsync(DbConnection c, string sql)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }
        return rows;
    }
}
