using SchoolSafety.Common;
using SchoolSafety.Jurisdictions;

namespace SchoolSafety.Schools;

/// <summary>A school or kindergarten; every school belongs to one county.</summary>
public class School : IConcurrencyVersioned
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;
    public const int TownshipMaxLength = 50;
    public const int PersonMaxLength = 50;
    public const int PhoneMaxLength = 30;
    public const int AddressMaxLength = 200;

    public int Id { get; set; }

    /// <summary>The school's code (学校标识码 or the county's own), unique.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public SchoolType Type { get; set; }

    /// <summary>The county the school belongs to.</summary>
    public int JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }

    /// <summary>Township or town (乡镇/街道) within the county.</summary>
    public string Township { get; set; } = "";
    public string? Address { get; set; }

    public int Students { get; set; }
    public int BoardingStudents { get; set; }
    public int Staff { get; set; }

    /// <summary>Floors of the tallest teaching building; drives the evacuation-time rule.</summary>
    public int TallestBuildingFloors { get; set; }

    public string? PrincipalName { get; set; }
    public string? PrincipalPhone { get; set; }
    public string? SafetyContactName { get; set; }
    public string? SafetyContactPhone { get; set; }

    /// <summary>A deactivated school keeps its records but takes no new ones.</summary>
    public bool IsActive { get; set; } = true;

    public byte[] RowVersion { get; set; } = [];

    /// <summary>Codes are stored trimmed and upper-case, so "xp001" and "XP001" are one school on every database.</summary>
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();
}
