using SchoolSafety.Common;
using SchoolSafety.Schools;

namespace SchoolSafety.Education;

public enum EducationKind
{
    FirstLesson = 1,   // 开学第一课
    ThemeLesson = 2,   // 主题教育课
    ParentLetter = 3,  // 致家长一封信
}

/// <summary>A piece of safety education a school gave (安全教育), with the topics it covered and whom it reached.</summary>
public class EducationRecord : ISchoolOwned
{
    public const int TitleMaxLength = 100;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public EducationKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Keys of the topics covered, comma-separated (see <see cref="EducationTopic"/>).</summary>
    public string Topics { get; set; } = "";
    public int ClassesReached { get; set; }
    public int StudentsReached { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }

    public IReadOnlyList<string> TopicKeys => Topics.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A safety-education topic; the required ones make the columns of the county's coverage matrix. Administrators keep the list.</summary>
public class EducationTopic
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool Required { get; set; } = true;
    public int SortOrder { get; set; }

    /// <summary>The seed's list (traffic, food, fire, drowning, bullying, sexual-assault prevention, epidemic) plus drugs, not required.</summary>
    public static IReadOnlyList<EducationTopic> Defaults() =>
    [
        new() { Key = "traffic", NameZh = "交通安全", NameEn = "Traffic safety", SortOrder = 1 },
        new() { Key = "food", NameZh = "食品安全", NameEn = "Food safety", SortOrder = 2 },
        new() { Key = "fire", NameZh = "消防安全", NameEn = "Fire safety", SortOrder = 3 },
        new() { Key = "drowning", NameZh = "防溺水", NameEn = "Drowning prevention", SortOrder = 4 },
        new() { Key = "bullying", NameZh = "防校园欺凌", NameEn = "Anti-bullying", SortOrder = 5 },
        new() { Key = "sexual-assault", NameZh = "防性侵害", NameEn = "Sexual-assault prevention", SortOrder = 6 },
        new() { Key = "epidemic", NameZh = "疫情防控", NameEn = "Epidemic prevention", SortOrder = 7 },
        new() { Key = "drugs", NameZh = "禁毒教育", NameEn = "Drug prevention", SortOrder = 8, Required = false },
    ];
}

/// <summary>Which required topics a school has covered in a period, and whether it gave the first lesson.</summary>
public static class EducationCoverage
{
    public static IReadOnlySet<string> Covered(IEnumerable<EducationRecord> records) =>
        records.SelectMany(r => r.TopicKeys).ToHashSet();

    public static IReadOnlyList<string> Missing(IEnumerable<EducationRecord> records, IEnumerable<EducationTopic> topics)
    {
        var covered = Covered(records);
        return topics.Where(t => t.Required && !covered.Contains(t.Key)).OrderBy(t => t.SortOrder).Select(t => t.Key).ToList();
    }
}
