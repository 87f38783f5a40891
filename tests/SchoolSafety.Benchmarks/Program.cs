// Benchmarks of SchoolSafety (see docs/performance.md for the results and how to read them):
//
//   dotnet run -c Release --project tests/SchoolSafety.Benchmarks -- submit [sqlite|postgresql] [seconds] [users]
//   dotnet run -c Release --project tests/SchoolSafety.Benchmarks -- dashboard [sqlite|postgresql] [schools,…] [requests]
//   dotnet run -c Release --project tests/SchoolSafety.Benchmarks -- load [sqlite|postgresql] [seconds=60] [users=50] [port=5731]
//   dotnet run -c Release --project tests/SchoolSafety.Benchmarks -- killprobe [sqlite|postgresql] [kills=3] [users=20] [port=5732]
//
// PostgreSQL needs SCHOOLSAFETY_TEST_POSTGRES (scripts/test.sh shows how one is started).
using SchoolSafety.Benchmarks;

return args.ElementAtOrDefault(0) switch
{
    "submit" => await SubmitBenchmark.RunAsync(args[1..]),
    "dashboard" => await DashboardBenchmark.RunAsync(args[1..]),
    "load" => await LoadTest.RunAsync(args[1..]),
    "killprobe" => await KillProbe.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: submit [sqlite|postgresql] [seconds] [users] | dashboard [sqlite|postgresql] [schools,…] [requests]"
                            + " | load [sqlite|postgresql] [seconds] [users] [port] | killprobe [sqlite|postgresql] [kills] [users] [port]");
    return 2;
}

static class Stats
{
    /// <summary>The q-quantile (nearest rank) of the values.</summary>
    public static double P(IEnumerable<double> values, double q)
    {
        var o = values.Order().ToList();
        return o[(int)Math.Min(o.Count - 1, Math.Max(0, Math.Ceiling(q * o.Count) - 1))];
    }
}
