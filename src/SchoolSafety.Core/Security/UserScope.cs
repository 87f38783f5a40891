using System.Linq.Expressions;
using SchoolSafety.Common;
using SchoolSafety.Identity;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Security;

/// <summary>
/// The one scoping rule of the product: a school user sees their own school; a bureau user sees
/// every school whose county lies below their jurisdiction node (a prefix test on the node path,
/// the same at county, city and province level). Everything else sees nothing.
/// </summary>
public sealed record UserScope(string UserId, string Role, int? SchoolId, string? JurisdictionPath)
{
    public static readonly UserScope Nobody = new("", "", null, null);

    public bool IsSchoolUser => Roles.IsSchoolRole(Role) && SchoolId is not null;
    public bool IsBureauUser => Roles.IsBureauRole(Role) && !string.IsNullOrEmpty(JurisdictionPath);

    /// <summary>In memory: does the scope include a school of the given id in the given county path?</summary>
    public bool Includes(int schoolId, string schoolJurisdictionPath) =>
        IsSchoolUser ? SchoolId == schoolId
        : IsBureauUser && schoolJurisdictionPath.StartsWith(JurisdictionPath!, StringComparison.Ordinal);

    public bool Includes(School school) =>
        Includes(school.Id, school.Jurisdiction?.Path
            ?? throw new InvalidOperationException("Load School.Jurisdiction before testing scope."));

    /// <summary>For queries: the same rule as an expression the database evaluates.</summary>
    public Expression<Func<School, bool>> SchoolPredicate()
    {
        if (IsSchoolUser)
        {
            var id = SchoolId!.Value;
            return s => s.Id == id;
        }
        if (IsBureauUser)
        {
            var path = JurisdictionPath!;
            return s => s.Jurisdiction!.Path.StartsWith(path);
        }
        return s => false;
    }

    /// <summary>The jurisdiction nodes at or below a bureau user's node; none for school users.</summary>
    public Expression<Func<Jurisdiction, bool>> JurisdictionPredicate()
    {
        if (!IsBureauUser) return j => false;
        var path = JurisdictionPath!;
        return j => j.Path.StartsWith(path);
    }
}

public static class ScopeQueryExtensions
{
    public static IQueryable<School> VisibleTo(this IQueryable<School> schools, UserScope scope) =>
        schools.Where(scope.SchoolPredicate());

    public static IQueryable<Jurisdiction> VisibleTo(this IQueryable<Jurisdiction> nodes, UserScope scope) =>
        nodes.Where(scope.JurisdictionPredicate());

    /// <summary>Accounts of the schools in scope, and bureau accounts at nodes in scope.</summary>
    public static IQueryable<AppUser> VisibleTo(this IQueryable<AppUser> users, UserScope scope)
    {
        if (scope.IsSchoolUser)
        {
            var id = scope.SchoolId!.Value;
            return users.Where(u => u.SchoolId == id);
        }
        if (scope.IsBureauUser)
        {
            var path = scope.JurisdictionPath!;
            return users.Where(u => (u.School != null && u.School.Jurisdiction!.Path.StartsWith(path))
                                    || (u.Jurisdiction != null && u.Jurisdiction.Path.StartsWith(path)));
        }
        return users.Where(u => false);
    }

    /// <summary>Records of the schools the scope includes.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, UserScope scope) where T : ISchoolOwned
    {
        if (scope.IsSchoolUser)
        {
            var id = scope.SchoolId!.Value;
            return records.Where(r => r.SchoolId == id);
        }
        if (scope.IsBureauUser)
        {
            var path = scope.JurisdictionPath!;
            return records.Where(r => r.School!.Jurisdiction!.Path.StartsWith(path));
        }
        return records.Where(r => false);
    }
}
