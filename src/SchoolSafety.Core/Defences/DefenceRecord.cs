using SchoolSafety.Common;
using SchoolSafety.Schools;

namespace SchoolSafety.Defences;

/// <summary>A guard's schooling (学历).</summary>
public enum EducationLevel
{
    PrimaryOrBelow = 1, // 小学及以下
    JuniorMiddle = 2,   // 初中
    SeniorMiddle = 3,   // 高中/中专
    College = 4,        // 大专及以上
}

/// <summary>Who employs a guard.</summary>
public enum GuardEmployment
{
    Direct = 1,   // 学校自聘
    Company = 2,  // 保安公司派驻
}

/// <summary>The one-button alarm (一键式报警): none, installed but ringing only on site, or linked to the police's 110.</summary>
public enum AlarmState
{
    None = 1,         // 未安装
    Local = 2,        // 已安装，未联动110
    LinkedTo110 = 3,  // 已联动110
}

/// <summary>Key places a camera should see (重点部位). Stored as one number of flags.</summary>
[Flags]
public enum KeyPlaces
{
    None = 0,
    Gate = 1,                 // 校门
    TeachingEntrances = 2,    // 教学楼出入口
    Corridors = 4,            // 教学楼走廊、楼梯
    DormitoryEntrances = 8,   // 宿舍出入口
    Canteen = 16,             // 食堂及库房
    Laboratories = 32,        // 实验室及危化品库
    SportsGround = 64,        // 运动场
    Perimeter = 128,          // 周界围墙
}

/// <summary>Protective gear kept at the gatehouse (防护装备). Stored as one number of flags.</summary>
[Flags]
public enum ProtectiveGear
{
    None = 0,
    StabVests = 1,        // 防刺背心
    Batons = 2,           // 防暴棍（橡胶棍）
    RestrainingForks = 4, // 钢叉（防暴叉）
}

/// <summary>
/// One school's three defences (三防) as they stand from <see cref="EffectiveFrom"/>: personnel 人防
/// (guards and the people who watch dormitories, posts, patrols, gate duty), physical 物防 (campus,
/// wall, gate barrier, buildings, fire equipment, gear) and technical 技防 (cameras, recording,
/// alarm). A record is never edited: a new one, with the next <see cref="Revision"/>, supersedes it,
/// so the history shows how a gap closed. Only the newest record of a school is current.
/// </summary>
public class DefenceRecord : ISchoolOwned, IConcurrencyVersioned
{
    public const int NoteMaxLength = 200;
    public const int BlindSpotsMaxLength = 300;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>1 for the school's first record, then +1 per new record; unique per school.</summary>
    public int Revision { get; set; }

    /// <summary>The day from which these facts hold (China date). Never before the previous record's.</summary>
    public DateOnly EffectiveFrom { get; set; }
    public bool IsCurrent { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedById { get; set; }
    public string? RecordedByName { get; set; }
    public DateTime? SupersededAt { get; set; }

    /// <summary>Where the facts come from, e.g. "县教体局秋季摸排".</summary>
    public string? Note { get; set; }

    // 人防
    public List<DefenceGuard> Guards { get; set; } = [];
    public int DormitoryManagers { get; set; }
    /// <summary>Teachers on duty watch the dormitories (值周教师兼任宿舍管理).</summary>
    public bool TeachersStandIn { get; set; }
    /// <summary>护学岗 in place at school start and end.</summary>
    public bool SchoolPost { get; set; }
    /// <summary>护校队 in place.</summary>
    public bool PatrolTeam { get; set; }
    public int PatrolsPerDay { get; set; }
    public bool GateDuty24h { get; set; }

    // 物防
    public bool ClosedCampus { get; set; }
    /// <summary>The lowest stretch of the perimeter wall or fence in metres; null when there is none.</summary>
    public decimal? LowestWallHeight { get; set; }
    public bool AntiCollisionBarrier { get; set; }
    /// <summary>Buildings appraised unsafe (鉴定为危房), and whether any is still in use.</summary>
    public int UnsafeBuildings { get; set; }
    public bool UnsafeBuildingsInUse { get; set; }
    public DateOnly? FireEquipmentServicedOn { get; set; }
    public ProtectiveGear Gear { get; set; }

    // 技防
    public int Cameras { get; set; }
    public bool Recording24h { get; set; }
    public KeyPlaces KeyPlacesCovered { get; set; }
    public int BlindSpots { get; set; }
    public string? BlindSpotsDescription { get; set; }
    public int RetentionDays { get; set; }
    public AlarmState Alarm { get; set; } = AlarmState.None;
    public bool NetworkedToPolice { get; set; }

    public byte[] RowVersion { get; set; } = [];
}

/// <summary>One security guard (保安员) on a school's record.</summary>
public class DefenceGuard
{
    public const int NameMaxLength = 50;

    public int Id { get; set; }
    public int RecordId { get; set; }
    public DefenceRecord? Record { get; set; }
    public string Name { get; set; } = "";
    public int BirthYear { get; set; }
    public EducationLevel Education { get; set; }
    /// <summary>Holds the security-guard certificate (保安员证).</summary>
    public bool HasCertificate { get; set; }
    public bool FullTime { get; set; }
    public GuardEmployment Employment { get; set; }
    public DateOnly? StartedOn { get; set; }

    /// <summary>Age in the given year: the record keeps the birth year only.</summary>
    public int AgeIn(int year) => year - BirthYear;
}
