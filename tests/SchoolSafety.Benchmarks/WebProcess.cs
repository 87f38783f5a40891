using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using SchoolSafety.Data;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Benchmarks;

/// <summary>
/// The web application as a process of its own (the Release build next to the web project, `dotnet SchoolSafety.Web.dll`),
/// in the Production environment on a loopback port, on a database and upload folder of its own — what the load test
/// measures and what the kill probe kills. Settings that differ from a production install, and why:
/// <list type="bullet">
/// <item>`Demo:Seed=true`: the demo county (125 schools, their term so far); the accounts are then added through the app's own forms.</item>
/// <item>`Auth:CookieSecurePolicy=SameAsRequest`: plain HTTP on loopback (in production TLS ends at the proxy, and the policy is `Always`).</item>
/// <item>`Auth:LoginPermitsPerMinute=100000`: every simulated user comes from 127.0.0.1; behind a proxy each person has their own address.</item>
/// <item>`Logging:Console=false`: the log goes to its rolling file only (a service's console would go to the journal).</item>
/// </list>
/// </summary>
sealed class WebProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly string _logFile;
    private Process? _process;
    private CancellationTokenSource? _sampling;
    private Task? _sampler;

    private WebProcess(DatabaseProvider provider, string connectionString, string folder, int port)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        BaseUrl = $"http://127.0.0.1:{port}";
        UploadRoot = Path.Combine(folder, "uploads");
        _logFile = Path.Combine(folder, "web-stdout.log");
        _settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = BaseUrl,
            ["Database__Provider"] = provider.ToString(),
            [$"ConnectionStrings__{provider}"] = connectionString,
            ["Demo__Seed"] = "true",
            ["Demo__PrintLogins"] = "false",
            ["Storage__Root"] = UploadRoot,
            ["Logging__File"] = Path.Combine(folder, "logs", "schoolsafety-.log"),
            ["Logging__Console"] = "false",
            ["Auth__CookieSecurePolicy"] = "SameAsRequest",
            ["Auth__LoginPermitsPerMinute"] = "100000",
        };
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string Folder { get; }
    public string BaseUrl { get; }
    public string UploadRoot { get; }
    public int Pid => _process?.Id ?? 0;

    /// <summary>Largest VmRSS seen by the sampler since the process started, in MB.</summary>
    public double SampledPeakMb { get; private set; }
    private TestDatabase? _database;

    /// <summary>A fresh database (a new SQLite file, or a new PostgreSQL database on SCHOOLSAFETY_TEST_POSTGRES) and folder.</summary>
    public static async Task<WebProcess> CreateAsync(DatabaseProvider provider, int port)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"schoolsafety-web-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
            return new WebProcess(provider, $"Data Source={Path.Combine(folder, "schoolsafety.db")}", folder, port);
        var database = await TestDatabase.CreateAsync(provider);
        return new WebProcess(provider, database.ConnectionString, folder, port) { _database = database };
    }

    public static string WebDll
    {
        get
        {
            var dll = Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Web", "bin", "Release", "net10.0", "SchoolSafety.Web.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build with `dotnet build -c Release tests/SchoolSafety.Benchmarks` first.");
            return dll;
        }
    }

    /// <summary>Starts the process and waits until /health/ready answers 200 (migrations and seeding done); returns the seconds it took.</summary>
    public async Task<double> StartAsync(TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Web"), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(WebDll);
        foreach (var (key, value) in _settings) info.Environment[key] = value;
        var watch = Stopwatch.StartNew();
        _process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var log = new StreamWriter(_logFile, append: true) { AutoFlush = true };
        var process = _process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        SampledPeakMb = 0;
        _sampling = new CancellationTokenSource();
        _sampler = SampleAsync(process, _sampling.Token);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(5));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"the web process exited with {process.ExitCode}; see {_logFile}");
            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/health/ready");
                if (response.IsSuccessStatusCode) return watch.Elapsed.TotalSeconds;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the web process did not become ready; see {_logFile}");
    }

    /// <summary>kill -9: no shutdown, no flush, no disposal — what a power cut or the OOM killer does.</summary>
    public void Kill()
    {
        if (_process is null) return;
        Process.Start("kill", ["-9", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        _process.WaitForExit();
        StopSampling();
        _process.Dispose();
        _process = null;
    }

    /// <summary>An ordinary stop: SIGTERM, so the host shuts down as under systemd (SIGKILL after 30 s).</summary>
    public void Stop()
    {
        if (_process is null) return;
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!_process.WaitForExit(30_000)) _process.Kill();
        StopSampling();
        _process.Dispose();
        _process = null;
    }

    /// <summary>VmHWM (peak resident set since start or since the last reset) and VmRSS, in MB, from /proc/PID/status.</summary>
    public (double Hwm, double Rss) Memory()
    {
        if (_process is null) return (0, 0);
        return ReadMemory(_process.Id);
    }

    private static (double Hwm, double Rss) ReadMemory(int pid)
    {
        try
        {
            double Kb(string line) => double.Parse(line.Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            var lines = File.ReadAllLines($"/proc/{pid}/status");
            return (Kb(lines.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))), Kb(lines.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))));
        }
        catch (IOException) { return (0, 0); }
        catch (InvalidOperationException) { return (0, 0); }
    }

    private async Task SampleAsync(Process process, CancellationToken ct)
    {
        var pid = process.Id;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var (_, rss) = ReadMemory(pid);
                SampledPeakMb = Math.Max(SampledPeakMb, rss);
                await Task.Delay(200, ct);
            }
        }
        catch (OperationCanceledException) { }
    }

    private void StopSampling()
    {
        _sampling?.Cancel();
        _sampler?.Wait();
        _sampling?.Dispose();
        _sampling = null;
    }

    /// <summary>A connection of the benchmark itself to the app's database, for arranging baselines and checking invariants.</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The application log's error lines ([ERR]/[FTL]), each with the first lines of its exception, distinct by message.</summary>
    public string LogErrors(int max = 5)
    {
        var logs = Directory.Exists(Path.Combine(Folder, "logs")) ? Directory.GetFiles(Path.Combine(Folder, "logs")).Order().ToList() : [];
        var found = new List<string>();
        foreach (var log in logs)
        {
            var lines = File.ReadAllLines(log);
            for (var i = 0; i < lines.Length; i++)
                if (lines[i].Contains("[ERR]", StringComparison.Ordinal) || lines[i].Contains("[FTL]", StringComparison.Ordinal))
                    found.Add(string.Join(Environment.NewLine, lines.Skip(i).Take(3)));
        }
        return $"{found.Count} error entries in the app's log" + string.Concat(found.GroupBy(f => f[Math.Min(f.Length, 24)..]).Take(max)
            .Select(g => $"{Environment.NewLine}  × {g.Count()}: {g.First()}"));
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_keep) return;
        if (_database is not null) await _database.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }

    private bool _keep;

    /// <summary>Leaves the database and folder in place (for a failed probe's post-mortem).</summary>
    public void Keep() => _keep = true;
}
