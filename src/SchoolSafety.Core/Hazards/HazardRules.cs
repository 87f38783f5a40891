using System.Text.RegularExpressions;
using SchoolSafety.Inspections;

namespace SchoolSafety.Hazards;

/// <summary>The county's ticket rules (design §4): deadlines 一般 7 days, 重大 30 days; verification within 10 days of rectification.</summary>
public static partial class HazardRules
{
    public const int GeneralDeadlineDays = 7;
    public const int MajorDeadlineDays = 30;
    public const int VerificationDays = 10;

    /// <summary>Tickets due within this many days are announced to the responsible person.</summary>
    public const int DueSoonDays = 2;

    public static DateOnly DefaultDeadline(HazardGrade grade, DateOnly found) =>
        found.AddDays(grade == HazardGrade.Major ? MajorDeadlineDays : GeneralDeadlineDays);

    /// <summary>The sources a person may open a ticket from by hand: inspections and drills open their own.</summary>
    public static IReadOnlyList<HazardSource> ManualSources(bool bureau) =>
        bureau ? [HazardSource.CountyCheck, HazardSource.Report, HazardSource.Other] : [HazardSource.Report, HazardSource.Other];

    /// <summary>What is wrong with a ticket opened by hand: field name → message key. Empty when it may be opened.</summary>
    public static IReadOnlyDictionary<string, string> Validate(NewTicket t, DateOnly today, bool bureau)
    {
        var errors = new Dictionary<string, string>();
        var fromDrill = t.DrillId is not null && t.Source == HazardSource.Drill;
        if (t.Source is not { } source || !(fromDrill || ManualSources(bureau).Contains(source))) errors[nameof(t.Source)] = "Ticket.SourceInvalid";
        if (t.Place is null) errors[nameof(t.Place)] = "Inspection.PlaceRequired";
        if (t.Grade is null) errors[nameof(t.Grade)] = "Inspection.GradeRequired";
        if (string.IsNullOrWhiteSpace(t.Description)) errors[nameof(t.Description)] = "Inspection.DescriptionRequired";
        if (t.FoundOn is not { } found) errors[nameof(t.FoundOn)] = "Ticket.FoundOnRequired";
        else if (found > today) errors[nameof(t.FoundOn)] = "Ticket.FoundOnFuture";
        if (t.Deadline is not { } deadline) errors[nameof(t.Deadline)] = "Inspection.DeadlineRequired";
        else if (t.FoundOn is { } f && deadline < f) errors[nameof(t.Deadline)] = "Ticket.DeadlineBeforeFound";
        if (string.IsNullOrWhiteSpace(t.ResponsibleUserId))
        {
            if (string.IsNullOrWhiteSpace(t.ResponsibleName)) errors[nameof(t.ResponsibleName)] = "Inspection.ResponsibleRequired";
            if (string.IsNullOrWhiteSpace(t.ResponsiblePhone)) errors[nameof(t.ResponsiblePhone)] = "Ticket.PhoneRequired";
            else if (!Phone().IsMatch(t.ResponsiblePhone.Trim())) errors[nameof(t.ResponsiblePhone)] = "Ticket.PhoneInvalid";
        }
        if (t.Grade == HazardGrade.Major && string.IsNullOrWhiteSpace(t.InterimMeasures)) errors[nameof(t.InterimMeasures)] = "Inspection.InterimRequired";
        if (t.Source == HazardSource.CountyCheck && string.IsNullOrWhiteSpace(t.SourceReference)) errors[nameof(t.SourceReference)] = "Ticket.SourceReferenceRequired";
        return errors;
    }

    /// <summary>A phone number as schools write them: 11-digit mobiles or landlines like 0877-7012345.</summary>
    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Phone();
}

/// <summary>A ticket opened by hand: a county spot check, a report, or something else a school found.</summary>
public sealed class NewTicket
{
    public int SchoolId { get; set; }
    public HazardSource? Source { get; set; }
    public string? SourceReference { get; set; }
    public int? ChecklistItemId { get; set; }

    /// <summary>The drill the hazard was found in (source 应急演练).</summary>
    public int? DrillId { get; set; }
    public HazardPlace? Place { get; set; }
    public string? Description { get; set; }
    public HazardGrade? Grade { get; set; }
    public DateOnly? FoundOn { get; set; }
    public string? ResponsibleUserId { get; set; }
    public string? ResponsibleName { get; set; }
    public string? ResponsiblePhone { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? InterimMeasures { get; set; }
}
