using System.Diagnostics;
using SchoolSafety.Data;

namespace SchoolSafety.Benchmarks;

/// <summary>
/// 50 signed-in people for 60 seconds against the application running as its own process (<see cref="WebProcess"/>):
/// every request timed and checked, the web process's resident memory sampled. See docs/performance.md.
/// </summary>
static class LoadTest
{
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.ElementAtOrDefault(0)?.ToLowerInvariant() == "postgresql" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var seconds = int.TryParse(args.ElementAtOrDefault(1), out var s) ? s : 60;
        var userCount = int.TryParse(args.ElementAtOrDefault(2), out var u) ? u : 50;
        var port = int.TryParse(args.ElementAtOrDefault(3), out var p) ? p : 5731;
        Console.WriteLine($"# Load test on {provider}: {userCount} users × {seconds} s, {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
                          + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");

        await using var web = await WebProcess.CreateAsync(provider, port);
        var seeded = await web.StartAsync();
        Console.WriteLine($"first start: migrations and the demo county in {seeded:F1} s, VmHWM {web.Memory().Hwm:F0} MB (seeding; not measured)");
        // Production never seeds: the measured process is a second start on the seeded database, as after any restart.
        web.Stop();
        var started = await web.StartAsync();
        Console.WriteLine($"web process {web.Pid} ready in {started:F1} s, VmHWM {web.Memory().Hwm:F0} MB");

        var setup = new Recorder();
        var watch = Stopwatch.StartNew();
        var users = await Accounts.CreateAsync(web.BaseUrl, userCount, setup);
        Console.WriteLine($"{users.Count} accounts created through /Users/Create and signed in (temporary password changed) in {watch.Elapsed.TotalSeconds:F1} s; "
                          + $"VmHWM {web.Memory().Hwm:F0} MB, VmRSS {web.Memory().Rss:F0} MB");

        var recorder = new Recorder();
        foreach (var user in users) user.Recorder = recorder;
        var beforeLoad = web.Memory().Hwm;
        var load = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var loadAverageAtStart = LoadAverage();
        var counties = users.Where(x => x.IsCounty).ToList();
        var officerSchools = users.Where(x => x is { IsCounty: false, IsLeader: false }).Select(x => x.SchoolId!.Value).ToList();
        await Task.WhenAll(users.Select(user => Task.Run(() => LoopAsync(user, counties.IndexOf(user), counties.Count, officerSchools, () => load.Elapsed < deadline))));
        var elapsed = load.Elapsed.TotalSeconds;
        var (hwm, rss) = web.Memory();

        Console.WriteLine();
        recorder.Print(elapsed, Console.Out);
        Console.WriteLine();
        Console.WriteLine($"web process peak resident memory (VmHWM, since its start): {beforeLoad:F0} MB before the load, {hwm:F0} MB at the end; "
                          + $"sampled VmRSS max {web.SampledPeakMb:F0} MB, VmRSS at the end {rss:F0} MB (goal ≤ 300 MB)");
        Console.WriteLine($"load average: {loadAverageAtStart} at the start, {LoadAverage()} at the end");
        var errors = recorder.Samples.Count(x => !x.Ok);
        Console.WriteLine(errors == 0 && hwm <= 300 ? "RESULT: 0 errors, memory within the goal" : $"RESULT: {errors} errors, peak {hwm:F0} MB");
        Console.WriteLine(web.LogErrors());
        return errors == 0 ? 0 : 1;
    }

    /// <summary>
    /// One person's loop, no pause between requests. A school user: dashboard, notifications, ticket list, the week's
    /// checklist (draft every other round, submit, correction), a ticket step. A county user: dashboard, notifications,
    /// ticket list, completion grid, and verifying (or, one time in four, rejecting) a rectified ticket of an officer's
    /// school in its share — county users split the schools, so two of them never race for one ticket.
    /// </summary>
    public static async Task LoopAsync(WebUser user, int countyIndex, int countyCount, IReadOnlyList<int> officerSchools, Func<bool> go)
    {
        var mine = countyIndex < 0 ? [] : officerSchools.Where((_, i) => i % countyCount == countyIndex).ToList();
        for (var round = 0; go(); round++)
        {
            await user.GetAsync("dashboard", "/Dashboard");
            if (!go()) break;
            await user.GetAsync("notifications", "/Notifications");
            if (!go()) break;
            await user.GetAsync("ticket list", "/Tickets");
            if (!go()) break;
            if (user.IsCounty)
            {
                await user.GetAsync("completion grid", "/Inspections/Completion");
                for (var tries = 0; tries < 3 && go() && mine.Count > 0; tries++)
                    if (await user.TicketStepAsync(mine[(round * 3 + tries) % mine.Count], round)) break;
            }
            else
            {
                await user.ChecklistRoundAsync(draft: round % 2 == 0, LoadTest.Png);
                if (!go()) break;
                await user.TicketStepAsync(round: round);
            }
        }
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
