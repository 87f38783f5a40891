using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Web.Features.Inspections;

/// <summary>One answer as posted by the form. Photos are new files; kept ones stay attached.</summary>
public sealed class AnswerInput
{
    public int ItemId { get; set; }
    public Outcome? Outcome { get; set; }
    public string? Note { get; set; }
    public string? NotApplicableReason { get; set; }
    public string? HazardDescription { get; set; }
    public HazardPlace? HazardPlace { get; set; }
    public HazardGrade? HazardGrade { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? InterimMeasures { get; set; }
    public List<IFormFile>? NewPhotos { get; set; }
}

public sealed class InspectionForm
{
    public string? RowVersion { get; set; }
    public List<AnswerInput> Answers { get; set; } = [];
}

/// <summary>What the week's page shows: the school, the week, the items and their answers.</summary>
public sealed class WeekViewModel
{
    public required School School { get; init; }
    public required SchoolWeek Week { get; init; }
    public required WeekStatus WeekStatus { get; init; }
    public Inspection? Inspection { get; init; }
    public required IReadOnlyList<ChecklistItem> Items { get; init; }
    public required Dictionary<int, AnswerInput> Answers { get; init; }
    public required Dictionary<int, List<SchoolSafety.Files.StoredFile>> Photos { get; init; }
    public string? RowVersion { get; init; }
    public bool CanEdit { get; init; }
    public bool CanSignOff { get; init; }
    public bool CanRevise { get; init; }

    /// <summary>Every revision of this week, oldest first; only one is current.</summary>
    public IReadOnlyList<Inspection> Revisions { get; init; } = [];
    public IReadOnlyList<string> People { get; init; } = [];
    public IReadOnlyList<Inspection> History { get; init; } = [];
    public IReadOnlyList<SchoolSafety.Hazards.HazardTicket> Tickets { get; init; } = [];
    public DateOnly Today { get; init; }
}

public sealed record CompletionCell(InspectionStatus? Status, bool Expected);

public sealed record CompletionRow(School School, IReadOnlyList<CompletionCell> Cells, int Done, int Missed, int LongestMissedRun);

public sealed record CompletionViewModel(
    Term? Term, IReadOnlyList<SchoolWeek> Weeks, SchoolWeek ThisWeek, IReadOnlyList<CompletionRow> Rows,
    IReadOnlyList<int> DonePerWeek, IReadOnlyList<string> Townships, string? Township, SchoolType? Type);

public sealed record HistoryRow(ChecklistItem Item, IReadOnlyList<Outcome?> Answers, int Hazards);

public sealed record HistoryViewModel(School School, Term? Term, IReadOnlyList<SchoolWeek> Weeks, IReadOnlyList<HistoryRow> Rows, IReadOnlyList<InspectionStatus?> WeekStatus);

/// <summary>What the shared answer form needs, for a week's inspection or a special inspection.</summary>
public sealed record AnswerFormModel(
    string Action, IReadOnlyList<ChecklistItem> Items, Dictionary<int, AnswerInput> Answers,
    Dictionary<int, List<SchoolSafety.Files.StoredFile>> Photos, IReadOnlyList<string> People, DateOnly Today,
    SchoolWeek? Week, string? RowVersion);

public sealed class CampaignFillViewModel
{
    public required School School { get; init; }
    public required Campaign Campaign { get; init; }
    public Inspection? Inspection { get; init; }
    public required IReadOnlyList<ChecklistItem> Items { get; init; }
    public required Dictionary<int, AnswerInput> Answers { get; init; }
    public required Dictionary<int, List<SchoolSafety.Files.StoredFile>> Photos { get; init; }
    public string? RowVersion { get; init; }
    public bool CanEdit { get; init; }
    public IReadOnlyList<string> People { get; init; } = [];
    public IReadOnlyList<SchoolSafety.Hazards.HazardTicket> Tickets { get; init; } = [];
    public DateOnly Today { get; init; }
}
