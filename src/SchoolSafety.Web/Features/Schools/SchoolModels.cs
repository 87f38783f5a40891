using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using SchoolSafety.Identity;
using SchoolSafety.Schools;

namespace SchoolSafety.Web.Features.Schools;

public sealed class SchoolListQuery
{
    public string? Q { get; set; }
    public string? Township { get; set; }
    public SchoolType? Type { get; set; }
    public bool IncludeInactive { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record SchoolListViewModel(
    SchoolListQuery Query, IReadOnlyList<School> Schools, int Total, int Page, int PageCount,
    IReadOnlyList<string> Townships, bool CanManage, bool CanExport)
{
    public const int PageSize = 20;
}

public sealed record SchoolUserRow(string UserName, string DisplayName, string Role, bool IsDisabled);

public sealed record SchoolCampaignRow(SchoolSafety.Inspections.Campaign Campaign, SchoolSafety.Inspections.InspectionStatus? Status);

public sealed record SchoolDetailsViewModel(
    School School, IReadOnlyList<SchoolUserRow> Users, bool CanManage, IReadOnlyList<SchoolCampaignRow> Campaigns);

/// <summary>The school form (create and edit). Messages are resource keys.</summary>
public sealed class SchoolFormModel
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(School.CodeMaxLength, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "School.CodeFormat")]
    [Display(Name = "School.Code")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(School.NameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "School.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "School.Type")]
    public SchoolType? Type { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "School.County")]
    public int? JurisdictionId { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(School.TownshipMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "School.Township")]
    public string Township { get; set; } = "";

    [StringLength(School.AddressMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "School.Address")]
    public string? Address { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Range(0, 100_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "School.Students")]
    public int Students { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Range(0, 100_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "School.BoardingStudents")]
    public int BoardingStudents { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Range(0, 10_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "School.Staff")]
    public int Staff { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Range(0, 60, ErrorMessage = "Validation.Range")]
    [Display(Name = "School.TallestBuildingFloors")]
    public int TallestBuildingFloors { get; set; }

    [StringLength(School.PersonMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "School.PrincipalName")]
    public string? PrincipalName { get; set; }

    [StringLength(School.PhoneMaxLength, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(@"^[0-9+\- ]*$", ErrorMessage = "Validation.Phone")]
    [Display(Name = "School.PrincipalPhone")]
    public string? PrincipalPhone { get; set; }

    [StringLength(School.PersonMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "School.SafetyContactName")]
    public string? SafetyContactName { get; set; }

    [StringLength(School.PhoneMaxLength, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(@"^[0-9+\- ]*$", ErrorMessage = "Validation.Phone")]
    [Display(Name = "School.SafetyContactPhone")]
    public string? SafetyContactPhone { get; set; }

    /// <summary>The concurrency token the form was loaded with (base64).</summary>
    public string? RowVersion { get; set; }

    public static SchoolFormModel From(School s) => new()
    {
        Id = s.Id, Code = s.Code, Name = s.Name, Type = s.Type, JurisdictionId = s.JurisdictionId,
        Township = s.Township, Address = s.Address, Students = s.Students, BoardingStudents = s.BoardingStudents,
        Staff = s.Staff, TallestBuildingFloors = s.TallestBuildingFloors,
        PrincipalName = s.PrincipalName, PrincipalPhone = s.PrincipalPhone,
        SafetyContactName = s.SafetyContactName, SafetyContactPhone = s.SafetyContactPhone,
        RowVersion = Convert.ToBase64String(s.RowVersion),
    };

    public void ApplyTo(School s)
    {
        s.Code = School.NormalizeCode(Code);
        s.Name = Name.Trim();
        s.Type = Type!.Value;
        s.JurisdictionId = JurisdictionId!.Value;
        s.Township = Township.Trim();
        s.Address = Address?.Trim();
        s.Students = Students;
        s.BoardingStudents = BoardingStudents;
        s.Staff = Staff;
        s.TallestBuildingFloors = TallestBuildingFloors;
        s.PrincipalName = PrincipalName?.Trim();
        s.PrincipalPhone = PrincipalPhone?.Trim();
        s.SafetyContactName = SafetyContactName?.Trim();
        s.SafetyContactPhone = SafetyContactPhone?.Trim();
    }
}

public sealed class SchoolFormViewModel
{
    public required SchoolFormModel Form { get; init; }
    public required IReadOnlyList<SelectListItem> Counties { get; init; }

    /// <summary>Set when the save was refused because someone else saved first: what is stored now.</summary>
    public SchoolFormModel? Current { get; init; }
}

public sealed record SchoolImportViewModel(SchoolImportPlan? Plan, string? CsvText, string? FileName);
