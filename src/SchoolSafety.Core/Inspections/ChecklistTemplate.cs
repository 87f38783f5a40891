namespace SchoolSafety.Inspections;

public enum TemplateStatus
{
    Draft = 1,
    Published = 2,

    /// <summary>The item list of one special inspection (专项检查); never a county checklist version.</summary>
    Campaign = 3,
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
public class ChecklistTemplate : Common.IConcurrencyVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public TemplateStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public List<ChecklistItem> Items { get; set; } = [];
    public byte[] RowVersion { get; set; } = [];

    public bool IsEditable => Status == TemplateStatus.Draft;

    /// <summary>A new draft version with copies of this version's items, to be edited and published.</summary>
    public ChecklistTemplate CopyAsDraft(int version, DateTime now) => new()
    {
        Version = version,
        Name = Name,
        Status = TemplateStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
        Items = Items.OrderBy(i => i.Number).Select(i => new ChecklistItem
        {
            Key = i.Key, Number = i.Number, NameZh = i.NameZh, NameEn = i.NameEn, Group = i.Group,
            Frequency = i.Frequency, SeasonStartMonth = i.SeasonStartMonth, SeasonEndMonth = i.SeasonEndMonth,
            CheckPoints = i.CheckPoints.OrderBy(p => p.Order).Select(p => new CheckPoint { Order = p.Order, TextZh = p.TextZh, TextEn = p.TextEn }).ToList(),
        }).ToList(),
    };

    /// <summary>Publishing freezes the version: from now on new inspections are filled on it.</summary>
    public void Publish(DateTime now)
    {
        if (!IsEditable) throw new InvalidOperationException("This version is already published.");
        if (Items.Count == 0) throw new InvalidOperationException("A version without items cannot be published.");
        Status = TemplateStatus.Published;
        PublishedAt = now;
    }

    /// <summary>A key for an item added in this version, never used by an earlier one.</summary>
    public string NextKey(IEnumerable<string> keysEverUsed) =>
        "I" + (keysEverUsed.Concat(Items.Select(i => i.Key))
            .Select(k => int.TryParse(k.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1).ToString("00");
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
