using SchoolSafety.Common;
using SchoolSafety.Files;
using SchoolSafety.Schools;

namespace SchoolSafety.Drills;

/// <summary>The kinds of emergency drill the county asks for (the seed's list, plus school bus and other).</summary>
public enum DrillType
{
    Earthquake = 1,    // 防震
    AntiTerror = 2,    // 反恐防暴
    Flood = 3,         // 防涝
    Fire = 4,          // 消防
    Stampede = 5,      // 防踩踏
    FoodPoisoning = 6, // 食物中毒
    Epidemic = 7,      // 疫情疫病
    SchoolBus = 8,     // 校车
    Other = 9,
}

/// <summary>An emergency drill (应急演练) as the school records it, evaluated against the standard by <see cref="DrillStandard"/>.</summary>
public class Drill : ISchoolOwned, IConcurrencyVersioned
{
    public const int TextMaxLength = 500;
    public const int ShortMaxLength = 100;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public DateOnly Date { get; set; }
    public DrillType Type { get; set; }

    /// <summary>Announced beforehand, or unannounced (不预先通知).</summary>
    public bool Announced { get; set; } = true;

    /// <summary>The buildings evacuated, e.g. "教学楼、综合楼".</summary>
    public string Buildings { get; set; } = "";

    /// <summary>Floors of the tallest building evacuated: up to 4 the national target applies, above it the school's own.</summary>
    public int Floors { get; set; }

    /// <summary>The school's own evacuation target in seconds, for buildings above 4 floors.</summary>
    public int? TargetSeconds { get; set; }
    public TimeOnly SignalAt { get; set; }
    public TimeOnly AllClearAt { get; set; }
    public int StudentsExpected { get; set; }
    public int StudentsCounted { get; set; }
    public int StaffTakingPart { get; set; }
    public int Injuries { get; set; }
    public string? Problems { get; set; }
    public string? Actions { get; set; }
    public string Evaluator { get; set; } = "";

    /// <summary>The evaluator's written evaluation (点评); a drill without one does not meet the standard.</summary>
    public string? Evaluation { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public byte[] RowVersion { get; set; } = [];
    public List<StoredFile> Photos { get; set; } = [];

    /// <summary>From the signal to the all-clear, in seconds.</summary>
    public int DurationSeconds => (int)(AllClearAt - SignalAt).TotalSeconds;
}
