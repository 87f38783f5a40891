using SchoolSafety.Common;
using SchoolSafety.Files;
using SchoolSafety.Schools;

namespace SchoolSafety.Inspections;

public enum InspectionStatus
{
    Draft = 1,
    Submitted = 2,
    SignedOff = 3,
}

public enum Outcome
{
    Pass = 1,            // 合格
    Hazard = 2,          // 发现隐患
    NotApplicable = 3,   // 不适用
}

public enum HazardPlace
{
    Dormitory = 1,        // 宿舍
    Canteen = 2,          // 食堂
    Laboratory = 3,       // 实验室
    Gatehouse = 4,        // 门卫室
    TeachingBuilding = 5, // 教学楼
    SportsGround = 6,     // 运动场
    Perimeter = 7,        // 围墙周边
    Other = 8,            // 其他
}

public enum HazardGrade
{
    General = 1, // 一般
    Major = 2,   // 重大
}

/// <summary>
/// One school's inspection of one ISO week (周检月查记录), on the template version it was filled on.
/// Draft → submitted → signed off; a submitted inspection is read-only and is corrected by a new
/// revision that supersedes it.
/// </summary>
public class Inspection : ISchoolOwned, IConcurrencyVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public int TemplateId { get; set; }
    public ChecklistTemplate? Template { get; set; }

    /// <summary><see cref="SchoolWeek.Number"/>, e.g. 202649; for a special inspection −<see cref="Campaign.Id"/>.</summary>
    public int WeekNumber { get; set; }

    /// <summary>Set when this is a school's answer to a special inspection (专项检查).</summary>
    public int? CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int Revision { get; set; } = 1;

    /// <summary>The revision this one replaces; the replaced one stays in the history.</summary>
    public int? SupersedesId { get; set; }
    public bool IsCurrent { get; set; } = true;

    public InspectionStatus Status { get; set; } = InspectionStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }

    /// <summary>Stamped on every save, so a save of answers alone still moves the concurrency token.</summary>
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public DateTime? SignedOffAt { get; set; }
    public string? SignedOffById { get; set; }
    public List<InspectionResult> Results { get; set; } = [];
    public byte[] RowVersion { get; set; } = [];

    public SchoolWeek Week => SchoolWeek.FromNumber(WeekNumber);
}

/// <summary>The answer to one due item. A hazard carries what the rectification ticket needs.</summary>
public class InspectionResult
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public int ItemId { get; set; }
    public ChecklistItem? Item { get; set; }
    public Outcome? Outcome { get; set; }
    public string? Note { get; set; }
    public string? NotApplicableReason { get; set; }

    public string? HazardDescription { get; set; }
    public HazardPlace? HazardPlace { get; set; }
    public HazardGrade? HazardGrade { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? Deadline { get; set; }

    /// <summary>For a 重大 hazard: what protects people until it is fixed (stop using, warning signs, guarding).</summary>
    public string? InterimMeasures { get; set; }
    public List<StoredFile> Photos { get; set; } = [];

    /// <summary>In a revision: the answer of the superseded revision this one was copied from.</summary>
    public int? CopiedFromResultId { get; set; }
}
