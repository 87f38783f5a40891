using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Inspections;

/// <summary>
/// A special inspection (专项检查) the bureau pushes to some or all of its schools, e.g. 开学前安全隐患排查
/// or 汛期防溺水专项: a title, a date range, and its own list of items (some taken from the county
/// checklist, some written for it) kept as a template of kind <see cref="TemplateStatus.Campaign"/>.
/// Each school answers it once, like a weekly inspection; the answer is an <see cref="Inspection"/>
/// with <see cref="Inspection.CampaignId"/> set and <see cref="Inspection.WeekNumber"/> = −<see cref="Id"/>.
/// </summary>
public class Campaign
{
    public const int TitleMaxLength = 100;

    public int Id { get; set; }
    public int JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public int TemplateId { get; set; }
    public ChecklistTemplate? Template { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public List<CampaignSchool> Schools { get; set; } = [];

    public bool IsOpen(DateOnly today) => Start <= today && today <= End;

    /// <summary>The value of <see cref="Inspection.WeekNumber"/> that marks a school's answer to this campaign.</summary>
    public int ResponseNumber => -Id;
}

public class CampaignSchool
{
    public int CampaignId { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
}
