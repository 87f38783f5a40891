namespace SchoolSafety.Identity;

/// <summary>The four roles of the product. A user holds exactly one.</summary>
public static class Roles
{
    public const string SafetyOfficer = nameof(SafetyOfficer);
    public const string SchoolLeader = nameof(SchoolLeader);
    public const string CountyStaff = nameof(CountyStaff);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All = [SafetyOfficer, SchoolLeader, CountyStaff, Administrator];

    /// <summary>School roles sit at one school; bureau roles sit at a jurisdiction node.</summary>
    public static bool IsSchoolRole(string role) => role is SafetyOfficer or SchoolLeader;

    public static bool IsBureauRole(string role) => role is CountyStaff or Administrator;
}
