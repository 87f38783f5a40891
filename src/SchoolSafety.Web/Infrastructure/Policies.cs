using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using SchoolSafety.Identity;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>Role policies. Every controller action names one of these (or is on the reviewed anonymous list).</summary>
public static class Policies
{
    /// <summary>Any signed-in user of the four roles; data is then narrowed by <see cref="Security.UserScope"/>.</summary>
    public const string AnyUser = nameof(AnyUser);

    /// <summary>School staff who record their own school's safety work.</summary>
    public const string SchoolStaff = nameof(SchoolStaff);

    /// <summary>Bureau staff: CountyStaff and Administrator.</summary>
    public const string Bureau = nameof(Bureau);

    public const string Admin = nameof(Admin);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(AnyUser, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(SchoolStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.SafetyOfficer, Roles.SchoolLeader));
        options.AddPolicy(Bureau, p => p.RequireAuthenticatedUser().RequireRole(Roles.CountyStaff, Roles.Administrator));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        options.FallbackPolicy = options.GetPolicy(AnyUser);
    }
}

/// <summary>What a user wants to do with one school's record; decided by <see cref="SchoolAuthorizationHandler"/>.</summary>
public static class SchoolOperations
{
    /// <summary>See the school and its records.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Record the school's safety work (checklists, hazards, drills...): the school's own staff.</summary>
    public static readonly OperationAuthorizationRequirement Record = new() { Name = nameof(Record) };

    /// <summary>Change the school itself (profile, activation): administrators over their jurisdiction.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}
