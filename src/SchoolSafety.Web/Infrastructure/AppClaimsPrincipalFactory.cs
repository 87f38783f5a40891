using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SchoolSafety.Data;
using SchoolSafety.Identity;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>Puts the user's school or jurisdiction path into the cookie, so scoping needs no query per request.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.DisplayName, user.DisplayName));
        if (user.SchoolId is int schoolId)
            identity.AddClaim(new Claim(ScopeClaims.SchoolId, schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.JurisdictionId is int jurisdictionId)
        {
            var path = await db.Jurisdictions.Where(j => j.Id == jurisdictionId).Select(j => j.Path).FirstAsync();
            identity.AddClaim(new Claim(ScopeClaims.JurisdictionPath, path));
        }
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(ScopeClaims.MustChangePassword, "true"));
        return identity;
    }
}
