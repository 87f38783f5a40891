using SchoolSafety.Jurisdictions;

namespace SchoolSafety.Defences;

/// <summary>
/// The three-defences standards (design §4) of one jurisdiction node, as one version that holds
/// from <see cref="EffectiveFrom"/>. A school follows the deepest node above it that has a version
/// in effect on the day asked about, so a province sets the default and a county may be stricter.
/// Versions are never edited: the Administrator adds a new one. Every value carries the text of
/// its source, shown beside each gap it finds.
/// </summary>
public class StandardRuleSet
{
    public const int SourceMaxLength = 300;

    public int Id { get; set; }
    public int JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    /// <summary>1, 2, ... per node; unique per node.</summary>
    public int Version { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public string? CreatedByName { get; set; }

    // Guards required by students: under MediumFromStudents → GuardsSmall; under LargeFromStudents →
    // GuardsMedium; from LargeFromStudents → GuardsLarge plus one per further full ExtraGuardPerStudents.
    public int GuardsSmall { get; set; } = 1;
    public int MediumFromStudents { get; set; } = 100;
    public int GuardsMedium { get; set; } = 2;
    public int LargeFromStudents { get; set; } = 1000;
    public int GuardsLarge { get; set; } = 3;
    /// <summary>One more guard per this many further students; 0 = none.</summary>
    public int ExtraGuardPerStudents { get; set; } = 500;
    public string GuardsSource { get; set; } = DefaultSources.Guards;

    /// <summary>One more guard per this many boarders; null = the option is off.</summary>
    public int? BoardersPerExtraGuard { get; set; }
    public string BoardersSource { get; set; } = DefaultSources.Boarders;

    public int GuardMinAge { get; set; } = 18;
    public int GuardMaxAge { get; set; } = 60;
    public string AgeSource { get; set; } = DefaultSources.Age;

    public EducationLevel GuardMinEducation { get; set; } = EducationLevel.JuniorMiddle;
    public string EducationSource { get; set; } = DefaultSources.Education;

    /// <summary>Guards are full-time and hold the security-guard certificate.</summary>
    public string QualificationSource { get; set; } = DefaultSources.Qualification;

    /// <summary>Dormitory managers, 护学岗, 护校队, 24-hour gate duty.</summary>
    public string PersonnelSource { get; set; } = DefaultSources.Personnel;

    public decimal MinWallHeight { get; set; } = 2.5m;
    public string WallSource { get; set; } = DefaultSources.Wall;

    /// <summary>Closed campus, anti-collision barrier, unsafe buildings out of use, protective gear.</summary>
    public string PhysicalSource { get; set; } = DefaultSources.Physical;

    public int FireServiceMonths { get; set; } = 12;
    public string FireSource { get; set; } = DefaultSources.Fire;

    public int MinRetentionDays { get; set; } = 90;
    public string RetentionSource { get; set; } = DefaultSources.Retention;

    /// <summary>24-hour recording, key places covered, no blind spots.</summary>
    public string CctvSource { get; set; } = DefaultSources.Cctv;

    public string AlarmSource { get; set; } = DefaultSources.Alarm;

    /// <summary>The defaults of design §4, used where no node has a version yet.</summary>
    public static StandardRuleSet Defaults() => new();

    /// <summary>A new version for a node that starts from this one's values.</summary>
    public StandardRuleSet CopyAsNewVersion(int jurisdictionId, int version, DateOnly effectiveFrom)
    {
        var copy = (StandardRuleSet)MemberwiseClone();
        copy.Id = 0;
        copy.Jurisdiction = null;
        copy.JurisdictionId = jurisdictionId;
        copy.Version = version;
        copy.EffectiveFrom = effectiveFrom;
        copy.CreatedAt = default;
        copy.CreatedById = null;
        copy.CreatedByName = null;
        return copy;
    }
}

/// <summary>The source texts of the defaults (design §4 and the county's report). Data, shown as written.</summary>
public static class DefaultSources
{
    public const string Guards = "《中小学幼儿园安全防范工作规范（试行）》（2015）；GB/T 29315-2022《中小学、幼儿园安全技术防范系统要求》";
    public const string Boarders = "省级寄宿制学校管理规定（如：每200名住校生增配1名保安）";
    public const string Age = "《保安服务管理条例》：保安员年满18周岁；上限60周岁为县级规定";
    public const string Education = "县教体局报告：招聘学历初中以上的保安；《保安服务管理条例》";
    public const string Qualification = "县教体局报告：配齐校园专职保安员；《保安服务管理条例》：保安员须取得保安员证";
    public const string Personnel = "县教体局报告：配齐宿舍管理员，建立护学岗，成立护校队，门卫24小时值守";
    public const string Wall = "县教体局报告：围栏围墙有效高度不低于2.5米（云南省规定不低于2米）";
    public const string Physical = "县教体局报告：校园实行封闭化管理，门口安装防冲撞设施，及时鉴定、拆除、加固不安全校舍，添置消防安保器材";
    public const string Fire = "GB 25201-2010《建筑消防设施的维护管理》：消防设施每年至少检测维护一次";
    public const string Retention = "县教体局报告：监控数据贮存达90天以上（反恐工作要求）";
    public const string Cctv = "县教体局报告：重点部位24小时全面监控，无盲区、无死角、全覆盖";
    public const string Alarm = "县教体局报告：全面配置、开通“110”一键式报警系统";
}
