using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Schools;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>Loads a school for an operation, or nothing: callers answer "nothing" with 404.</summary>
public sealed class SchoolAccess(AppDbContext db, IAuthorizationService authorization, IHttpContextAccessor http)
{
    public async Task<School?> FindAsync(int schoolId, OperationAuthorizationRequirement operation, CancellationToken ct = default)
    {
        var school = await db.Schools.Include(s => s.Jurisdiction).FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        if (school is null) return null;
        var user = http.HttpContext?.User ?? throw new InvalidOperationException("No current request.");
        var result = await authorization.AuthorizeAsync(user, school, operation);
        return result.Succeeded ? school : null;
    }
}
