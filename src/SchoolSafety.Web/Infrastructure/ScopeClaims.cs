using System.Security.Claims;
using SchoolSafety.Identity;
using SchoolSafety.Security;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>The claims that carry a user's place (school or jurisdiction) in the sign-in cookie.</summary>
public static class ScopeClaims
{
    public const string SchoolId = "ss:school";
    public const string JurisdictionPath = "ss:jpath";
    public const string DisplayName = "ss:name";
    public const string MustChangePassword = "ss:mustchange";

    public static UserScope GetScope(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return UserScope.Nobody;
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? "";
        int? schoolId = int.TryParse(user.FindFirstValue(SchoolId), out var id) ? id : null;
        return new UserScope(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            role,
            Roles.IsSchoolRole(role) ? schoolId : null,
            Roles.IsBureauRole(role) ? user.FindFirstValue(JurisdictionPath) : null);
    }

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}
