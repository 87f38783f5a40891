using SchoolSafety.Common;
using SchoolSafety.Schools;

namespace SchoolSafety.Ledger;

/// <summary>The problems around schools named in the county's report (seed, part 2 (3)). The numbers are stored; never renumber.</summary>
public enum SurroundingsKind
{
    TrafficCongestion = 1,  // 上下学交通拥堵
    ParentParking = 2,      // 接送车辆停放不规范
    UnlicensedVendors = 3,  // 流动摊贩无证经营
    InternetCafe = 4,       // 网吧接纳未成年人
    Harassment = 5,         // 社会不良青年骚扰学生
    Other = 6,
}

/// <summary>Who the school reported the problem to.</summary>
public enum ReportedAgency
{
    Police = 1,            // 公安/派出所
    MarketRegulation = 2,  // 市场监管
    CultureTourism = 3,    // 文旅
    TownGovernment = 4,    // 乡镇政府
    Other = 5,
}

public enum SurroundingsStatus
{
    Open = 1,        // 未处理
    InProgress = 2,  // 处理中
    Resolved = 3,    // 已解决
}

/// <summary>A problem around one school (周边环境问题), followed until it is resolved.</summary>
public class SurroundingsIssue : ISchoolOwned, IConcurrencyVersioned
{
    public const int LocationMaxLength = 100;
    public const int TextMaxLength = 500;
    public const int DetailMaxLength = 100;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public SurroundingsKind Kind { get; set; }
    public string Location { get; set; } = "";
    public DateOnly ObservedOn { get; set; }
    public string Description { get; set; } = "";
    public ReportedAgency? ReportedTo { get; set; }

    /// <summary>Which office exactly, e.g. “戛洒派出所”; required when reported to “other”.</summary>
    public string? ReportedToDetail { get; set; }
    public SurroundingsStatus Status { get; set; } = SurroundingsStatus.Open;
    public string? Outcome { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedById { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    public byte[] RowVersion { get; set; } = [];

    /// <summary>Takes a validated form; the day it is first marked resolved is kept.</summary>
    public void Apply(SurroundingsInput input, DateOnly today)
    {
        Kind = input.Kind!.Value;
        Location = input.Location!.Trim();
        ObservedOn = input.ObservedOn!.Value;
        Description = input.Description!.Trim();
        ReportedTo = input.ReportedTo;
        ReportedToDetail = Clean(input.ReportedToDetail);
        Outcome = Clean(input.Outcome);
        if (input.Status == SurroundingsStatus.Resolved && Status != SurroundingsStatus.Resolved) ResolvedOn = today;
        else if (input.Status != SurroundingsStatus.Resolved) ResolvedOn = null;
        Status = input.Status!.Value;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The surroundings form (new and edit).</summary>
public sealed class SurroundingsInput
{
    public SurroundingsKind? Kind { get; set; }
    public string? Location { get; set; }
    public DateOnly? ObservedOn { get; set; }
    public string? Description { get; set; }
    public ReportedAgency? ReportedTo { get; set; }
    public string? ReportedToDetail { get; set; }
    public SurroundingsStatus? Status { get; set; }
    public string? Outcome { get; set; }
    public string? RowVersion { get; set; }

    public static SurroundingsInput From(SurroundingsIssue i) => new()
    {
        Kind = i.Kind, Location = i.Location, ObservedOn = i.ObservedOn, Description = i.Description, ReportedTo = i.ReportedTo,
        ReportedToDetail = i.ReportedToDetail, Status = i.Status, Outcome = i.Outcome, RowVersion = Convert.ToBase64String(i.RowVersion),
    };
}

public static class SurroundingsRules
{
    /// <summary>What is wrong with the form: field name → message key. Empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string> Validate(SurroundingsInput i, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (i.Kind is null || !Enum.IsDefined(i.Kind.Value)) errors[nameof(i.Kind)] = "Surroundings.KindRequired";
        if (string.IsNullOrWhiteSpace(i.Location)) errors[nameof(i.Location)] = "Surroundings.LocationRequired";
        if (i.ObservedOn is not { } observed) errors[nameof(i.ObservedOn)] = "Surroundings.ObservedOnRequired";
        else if (observed > today) errors[nameof(i.ObservedOn)] = "Surroundings.ObservedOnFuture";
        if (string.IsNullOrWhiteSpace(i.Description)) errors[nameof(i.Description)] = "Surroundings.DescriptionRequired";
        if (i.ReportedTo == ReportedAgency.Other && string.IsNullOrWhiteSpace(i.ReportedToDetail))
            errors[nameof(i.ReportedToDetail)] = "Surroundings.ReportedToDetailRequired";
        if (i.Status is null || !Enum.IsDefined(i.Status.Value)) errors[nameof(i.Status)] = "Surroundings.StatusRequired";
        else if (i.Status == SurroundingsStatus.Resolved && string.IsNullOrWhiteSpace(i.Outcome))
            errors[nameof(i.Outcome)] = "Surroundings.OutcomeRequired";
        return errors;
    }
}

/// <summary>
/// The county's recurrence rule (问题反弹): a problem recurs when the same school recorded a problem
/// of the same kind in the 12 months before it (a year to the day counts). The first problem of its
/// kind at a school never recurs; each later one within the window does.
/// </summary>
public static class SurroundingsRecurrence
{
    public const int WindowMonths = 12;

    /// <summary>What the rule needs to know of a problem.</summary>
    public sealed record Observation(int Id, int SchoolId, SurroundingsKind Kind, DateOnly ObservedOn);

    /// <summary>The ids of the problems that are recurrences. Give it every problem of the schools concerned, not a filtered page.</summary>
    public static IReadOnlySet<int> Recurring(IEnumerable<Observation> observations)
    {
        var recurring = new HashSet<int>();
        foreach (var group in observations.GroupBy(o => (o.SchoolId, o.Kind)))
        {
            Observation? previous = null;
            foreach (var o in group.OrderBy(o => o.ObservedOn).ThenBy(o => o.Id))
            {
                if (previous is not null && IsWithinWindow(previous.ObservedOn, o.ObservedOn)) recurring.Add(o.Id);
                previous = o;
            }
        }
        return recurring;
    }

    /// <summary>Is <paramref name="later"/> no more than 12 months after <paramref name="earlier"/>?</summary>
    public static bool IsWithinWindow(DateOnly earlier, DateOnly later) => later >= earlier && later <= earlier.AddMonths(WindowMonths);
}
