namespace SchoolSafety.Inspections;

public enum TemplateStatus
{
    Draft = 1,
    Published = 2,
}

public enum ItemFrequency
{
    Weekly = 1,
    Monthly = 2,

    /// <summary>Weekly in the season (<see cref="ChecklistItem.SeasonStartMonth"/>..<see cref="ChecklistItem.SeasonEndMonth"/>), monthly otherwise.</summary>
    Seasonal = 3,
}

public enum ItemGroup
{
    Management = 1,        // 安全管理
    Traffic = 2,           // 交通安全
    Facilities = 3,        // 设施设备
    PublicHealth = 4,      // 公共卫生
    Education = 5,         // 安全教育
    StudentProtection = 6, // 学生保护
    MentalHealth = 7,      // 心理健康
    Disaster = 8,          // 防灾减灾
    PersonnelDefence = 9,  // 人防
    PhysicalDefence = 10,  // 物防
    TechnicalDefence = 11, // 技防
    External = 12,         // 周边环境
    ThreeDefences = 13,    // 三防
}

/// <summary>
/// A version of the county's weekly/monthly checklist (周检月查). A published version is never
/// edited; a change is a new version, and every inspection keeps the version it was filled on.
/// </summary>
public class ChecklistTemplate
{
    public int Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public TemplateStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public List<ChecklistItem> Items { get; set; } = [];
}

/// <summary>One item of a template version, with the check points an officer looks at.</summary>
public class ChecklistItem
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public ChecklistTemplate? Template { get; set; }

    /// <summary>Stable across versions (e.g. "I06"): "done this month" carries over when the template changes.</summary>
    public string Key { get; set; } = "";

    /// <summary>Position in the list, 1-based.</summary>
    public int Number { get; set; }
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public ItemGroup Group { get; set; }
    public ItemFrequency Frequency { get; set; }
    public int? SeasonStartMonth { get; set; }
    public int? SeasonEndMonth { get; set; }
    public List<CheckPoint> CheckPoints { get; set; } = [];
}

public class CheckPoint
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int Order { get; set; }
    public string TextZh { get; set; } = "";
    public string TextEn { get; set; } = "";
}
