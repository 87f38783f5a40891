using System.Globalization;

namespace SchoolSafety.Dashboard;

/// <summary>
/// The short texts that summaries and standings keep their counts in — per week (<c>"3,0,1"</c>), per value
/// (<c>"2:5,7:1"</c>), a list of keys (<c>"fire,traffic"</c>) — written and read here. Read without splitting into
/// strings: a province dashboard reads 20,000 of each.
/// </summary>
public static class CountText
{
    /// <summary>"2:5,7:1" from (2, 5), (7, 1), smallest value first.</summary>
    public static string Pairs(IEnumerable<(int Key, int Count)> pairs) =>
        string.Join(',', pairs.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}:{p.Count}")));

    /// <summary>The pairs of "2:5,7:1".</summary>
    public static List<(int Key, int Count)> Pairs(string text)
    {
        var pairs = new List<(int, int)>();
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var part = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? ReadOnlySpan<char>.Empty : rest[(comma + 1)..];
            if (part.IsEmpty) continue;
            var colon = part.IndexOf(':');
            pairs.Add((int.Parse(part[..colon], CultureInfo.InvariantCulture), int.Parse(part[(colon + 1)..], CultureInfo.InvariantCulture)));
        }
        return pairs;
    }

    /// <summary>Adds counts per week ("3,0,1": week 0, 1, 2) into totals per week; weeks beyond the totals are dropped.</summary>
    public static void AddPerWeek(string counts, int[] totals)
    {
        var (week, value) = (0, 0);
        foreach (var c in counts)
        {
            if (c == ',')
            {
                if (week < totals.Length) totals[week] += value;
                (week, value) = (week + 1, 0);
            }
            else value = value * 10 + (c - '0');
        }
        if (counts.Length > 0 && week < totals.Length) totals[week] += value;
    }

    /// <summary>How many of the keys are in the comma-separated list.</summary>
    public static int CountOf(string list, IReadOnlyCollection<string> keys)
    {
        var found = 0;
        foreach (var range in list.AsSpan().Split(','))
        {
            var item = list.AsSpan()[range];
            foreach (var key in keys)
                if (item.SequenceEqual(key)) { found++; break; }
        }
        return found;
    }
}
