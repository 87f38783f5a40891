using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Security;

namespace SchoolSafety.Schools;

public sealed record SchoolImportPlan(
    IReadOnlyList<SchoolCsvRow> Rows, IReadOnlyList<CsvRowError> Errors, IReadOnlySet<string> ExistingCodes)
{
    public bool CanImport => Errors.Count == 0 && Rows.Count > 0;
    public int NewCount => Rows.Count(r => !ExistingCodes.Contains(r.Code));
    public int UpdateCount => Rows.Count(r => ExistingCodes.Contains(r.Code));
}

/// <summary>
/// Imports the school CSV for a user: a row creates a school or updates the school with the same
/// code. Rows may only name counties and existing schools inside the user's scope. All or nothing.
/// </summary>
public sealed class SchoolImport(AppDbContext db)
{
    public async Task<SchoolImportPlan> PlanAsync(string csvText, UserScope scope, CancellationToken ct = default)
    {
        var counties = await db.Jurisdictions.VisibleTo(scope)
            .Where(j => j.Level == JurisdictionLevel.County)
            .Select(j => j.Code)
            .ToListAsync(ct);
        var parsed = SchoolCsv.Parse(csvText, counties.ToHashSet());
        var codes = parsed.Rows.Select(r => r.Code).ToList();
        var existing = await db.Schools.Where(s => codes.Contains(s.Code))
            .Select(s => new { s.Id, s.Code, s.Jurisdiction!.Path })
            .ToListAsync(ct);

        var errors = parsed.Errors.ToList();
        foreach (var outside in existing.Where(e => !scope.Includes(e.Id, e.Path)))
        {
            var row = parsed.Rows.First(r => r.Code == outside.Code);
            errors.Add(new CsvRowError(row.Line, "学校代码", "Csv.CodeTaken", row.Code));
        }
        var rows = parsed.Rows.Where(r => !errors.Any(e => e.Line == r.Line)).ToList();
        return new SchoolImportPlan(rows, errors.OrderBy(e => e.Line).ToList(),
            existing.Select(e => e.Code).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Applies a plan with no errors in one save (one transaction).</summary>
    public async Task<int> ApplyAsync(SchoolImportPlan plan, CancellationToken ct = default)
    {
        if (!plan.CanImport) throw new InvalidOperationException("The import has errors.");
        var codes = plan.Rows.Select(r => r.Code).ToList();
        var countyCodes = plan.Rows.Select(r => r.CountyCode).Distinct().ToList();
        var counties = await db.Jurisdictions.Where(j => countyCodes.Contains(j.Code)).ToDictionaryAsync(j => j.Code, ct);
        var schools = await db.Schools.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, ct);

        foreach (var row in plan.Rows)
        {
            if (!schools.TryGetValue(row.Code, out var school))
            {
                school = new School { Code = row.Code };
                db.Schools.Add(school);
            }
            school.Name = row.Name;
            school.Type = row.Type;
            school.JurisdictionId = counties[row.CountyCode].Id;
            school.Township = row.Township;
            school.Address = row.Address;
            school.Students = row.Students;
            school.BoardingStudents = row.BoardingStudents;
            school.Staff = row.Staff;
            school.TallestBuildingFloors = row.TallestBuildingFloors;
            school.PrincipalName = row.PrincipalName;
            school.PrincipalPhone = row.PrincipalPhone;
            school.SafetyContactName = row.SafetyContactName;
            school.SafetyContactPhone = row.SafetyContactPhone;
        }
        await db.SaveChangesAsync(ct);
        return plan.Rows.Count;
    }
}
