using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace SchoolSafety.Web.Features.Users;

public sealed record UserRow(string Id, string UserName, string DisplayName, string Role, string Place, bool IsDisabled, bool IsLockedOut);

public sealed record UserListViewModel(string? Q, string? Role, IReadOnlyList<UserRow> Users);

public sealed class UserFormModel
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(50, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "User.UserNameFormat")]
    [Display(Name = "Account.UserName")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(50, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "User.DisplayName")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "User.Role")]
    public string Role { get; set; } = "";

    [Display(Name = "User.School")]
    public int? SchoolId { get; set; }

    [Display(Name = "User.Jurisdiction")]
    public int? JurisdictionId { get; set; }

    /// <summary>Only when creating: the temporary password the user must change at first login.</summary>
    [DataType(DataType.Password)]
    [Display(Name = "User.TemporaryPassword")]
    public string? Password { get; set; }
}

public sealed class UserFormViewModel
{
    public required UserFormModel Form { get; init; }
    public required IReadOnlyList<SelectListItem> Schools { get; init; }
    public required IReadOnlyList<SelectListItem> Jurisdictions { get; init; }
    public bool IsDisabled { get; init; }
    public bool IsLockedOut { get; init; }
}

public sealed class ResetPasswordModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "User.TemporaryPassword")]
    public string Password { get; set; } = "";
}
