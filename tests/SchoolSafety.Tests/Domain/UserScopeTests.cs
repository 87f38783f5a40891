using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SchoolSafety.Identity;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Tests.Domain;

public class UserScopeTests
{
    private static readonly Jurisdiction Province = Jurisdiction.Create("530000", "云南省", JurisdictionLevel.Province, null);
    private static readonly Jurisdiction City = Jurisdiction.Create("530400", "玉溪市", JurisdictionLevel.City, Province);
    private static readonly Jurisdiction Xinping = Jurisdiction.Create("530427", "新平县", JurisdictionLevel.County, City);
    private static readonly Jurisdiction Yuanjiang = Jurisdiction.Create("530428", "元江县", JurisdictionLevel.County, City);
    private static readonly School InXinping = new() { Id = 4, Code = "XP004", Jurisdiction = Xinping, IsActive = true };
    private static readonly School AlsoInXinping = new() { Id = 5, Code = "XP005", Jurisdiction = Xinping, IsActive = true };
    private static readonly School InYuanjiang = new() { Id = 121, Code = "YJ001", Jurisdiction = Yuanjiang, IsActive = true };
    private static readonly School[] All = [InXinping, AlsoInXinping, InYuanjiang];

    [Fact]
    public void Paths_chain_the_division_codes_from_the_root()
    {
        Assert.Equal("/530000/530400/530427/", Xinping.Path);
        Assert.Throws<ArgumentException>(() => Jurisdiction.Create("1", "x", JurisdictionLevel.City, Xinping));
    }

    [Theory]
    [InlineData(Roles.SafetyOfficer, 4, null, new[] { 4 })]
    [InlineData(Roles.SchoolLeader, 5, null, new[] { 5 })]
    [InlineData(Roles.CountyStaff, null, "/530000/530400/530427/", new[] { 4, 5 })]
    [InlineData(Roles.CountyStaff, null, "/530000/530400/", new[] { 4, 5, 121 })]
    [InlineData(Roles.Administrator, null, "/530000/", new[] { 4, 5, 121 })]
    [InlineData(Roles.Administrator, null, "/530000/530400/530428/", new[] { 121 })]
    // A school role carrying a jurisdiction, or a bureau role carrying a school, sees nothing.
    [InlineData(Roles.SafetyOfficer, null, "/530000/", new int[0])]
    [InlineData(Roles.CountyStaff, 4, null, new int[0])]
    [InlineData("", null, null, new int[0])]
    public void One_rule_decides_which_schools_a_user_sees(string role, int? schoolId, string? path, int[] expected)
    {
        var scope = new UserScope("u", role, schoolId, path);
        Assert.Equal(expected, All.Where(scope.Includes).Select(s => s.Id));
        // The database query uses the same rule.
        Assert.Equal(expected, All.AsQueryable().Where(scope.SchoolPredicate()).Select(s => s.Id));
    }

    [Fact]
    public void A_county_path_does_not_match_a_county_whose_code_merely_starts_the_same()
    {
        var lookalike = Jurisdiction.Create("5304271", "某县", JurisdictionLevel.County, City);
        var scope = new UserScope("u", Roles.CountyStaff, null, Xinping.Path);
        Assert.False(scope.Includes(new School { Id = 9, Jurisdiction = lookalike }));
    }

    [Theory]
    [InlineData(Roles.SafetyOfficer, "Read", true)]
    [InlineData(Roles.SafetyOfficer, "Record", true)]
    [InlineData(Roles.SafetyOfficer, "Manage", false)]
    [InlineData(Roles.CountyStaff, "Read", true)]
    [InlineData(Roles.CountyStaff, "Record", false)]
    [InlineData(Roles.CountyStaff, "Manage", false)]
    [InlineData(Roles.Administrator, "Manage", true)]
    public async Task The_resource_handler_grants_operations_by_role_inside_the_scope(string role, string operation, bool allowed)
    {
        var user = Principal(role, Roles.IsSchoolRole(role) ? 4 : null, Roles.IsBureauRole(role) ? Xinping.Path : null);
        Assert.Equal(allowed, await AuthorizeAsync(user, InXinping, operation));
        // Outside the scope nothing is ever granted.
        Assert.False(await AuthorizeAsync(user, InYuanjiang, operation));
    }

    [Fact]
    public async Task A_deactivated_school_takes_no_new_records()
    {
        var closed = new School { Id = 4, Jurisdiction = Xinping, IsActive = false };
        var officer = Principal(Roles.SafetyOfficer, 4, null);
        Assert.True(await AuthorizeAsync(officer, closed, "Read"));
        Assert.False(await AuthorizeAsync(officer, closed, "Record"));
    }

    private static ClaimsPrincipal Principal(string role, int? schoolId, string? path)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "u"), new(ClaimTypes.Role, role) };
        if (schoolId is int id) claims.Add(new(ScopeClaims.SchoolId, id.ToString()));
        if (path is not null) claims.Add(new(ScopeClaims.JurisdictionPath, path));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static async Task<bool> AuthorizeAsync(ClaimsPrincipal user, School school, string operation)
    {
        var requirement = operation switch
        {
            "Read" => SchoolOperations.Read,
            "Record" => SchoolOperations.Record,
            _ => SchoolOperations.Manage,
        };
        var context = new AuthorizationHandlerContext([requirement], user, school);
        await new SchoolAuthorizationHandler().HandleAsync(context);
        return context.HasSucceeded;
    }
}
