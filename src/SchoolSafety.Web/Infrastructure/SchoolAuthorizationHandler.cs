using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using SchoolSafety.Identity;
using SchoolSafety.Schools;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>
/// The one resource-based rule: may this user act on this school's record? Outside the user's
/// scope the answer is always no, and features answer such requests with 404 (the record's
/// existence is not revealed).
/// </summary>
public sealed class SchoolAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, School>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, School school)
    {
        var scope = context.User.GetScope();
        if (!scope.Includes(school)) return Task.CompletedTask;

        var allowed = requirement.Name switch
        {
            nameof(SchoolOperations.Read) => true,
            nameof(SchoolOperations.Record) => scope.IsSchoolUser && school.IsActive,
            nameof(SchoolOperations.Manage) => scope.Role == Roles.Administrator,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
