using System.Security.Claims;
using SchoolSafety.Auditing;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>The signed-in user of the current request, for the audit trail; "system" outside requests.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? User => http.HttpContext?.User is { Identity.IsAuthenticated: true } u ? u : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => User?.Identity?.Name ?? SystemUser.Instance.UserName;
}
