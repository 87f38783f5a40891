namespace SchoolSafety.Common;

/// <summary>
/// The county works in China Standard Time (UTC+8, no daylight saving). Times are stored in UTC
/// and shown, and grouped into calendar days, in this zone whatever the server's own zone.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    /// <summary>The day in China of a UTC moment.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
