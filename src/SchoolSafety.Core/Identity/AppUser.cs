using Microsoft.AspNetCore.Identity;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Identity;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for school roles (SafetyOfficer, SchoolLeader): the one school the user works for.</summary>
    public int? SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>Set for bureau roles (CountyStaff, Administrator): the node whose schools the user sees.</summary>
    public int? JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>Set when an administrator created the account or reset its password.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }
}
