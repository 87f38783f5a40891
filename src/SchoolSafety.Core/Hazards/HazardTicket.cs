using SchoolSafety.Common;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Hazards;

public enum HazardSource
{
    Inspection = 1,   // 周检月查
    Drill = 2,        // 应急演练
    CountyCheck = 3,  // 县级抽查
    Report = 4,       // 举报
    Other = 5,
    Campaign = 6,     // 专项检查
}

public enum HazardStatus
{
    Open = 1,                  // 待整改
    Rectifying = 2,            // 整改中
    AwaitingVerification = 3,  // 待复查
    Closed = 4,                // 已销号
}

/// <summary>
/// A hazard rectification ticket (隐患整改单): who fixes what by when. Opened here when an
/// inspection is submitted; the rectification workflow (closed loop) is built on this record.
/// </summary>
public class HazardTicket : ISchoolOwned, IConcurrencyVersioned
{
    public const int DescriptionMaxLength = 500;
    public const int PersonMaxLength = 50;

    public int Id { get; set; }

    /// <summary>Readable number: school code, year and the school's running number, e.g. <c>XP004-2026-0007</c>.</summary>
    public string Number { get; set; } = "";
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public HazardSource Source { get; set; }
    public int? InspectionResultId { get; set; }
    public InspectionResult? InspectionResult { get; set; }
    public int? ChecklistItemId { get; set; }
    public ChecklistItem? ChecklistItem { get; set; }
    public HazardPlace Place { get; set; }
    public string Description { get; set; } = "";
    public HazardGrade Grade { get; set; }
    public string? FoundById { get; set; }
    public DateTime FoundAt { get; set; }
    public string ResponsibleName { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public HazardStatus Status { get; set; } = HazardStatus.Open;
    public byte[] RowVersion { get; set; } = [];

    public bool IsOverdue(DateOnly today) => Status != HazardStatus.Closed && today > Deadline;
}
