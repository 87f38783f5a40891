using System.ComponentModel.DataAnnotations;
using SchoolSafety.Inspections;

namespace SchoolSafety.Web.Features.Templates;

public sealed record TemplateRow(ChecklistTemplate Template, int ItemCount, int InspectionCount);

public sealed class ItemForm
{
    public int? Id { get; set; }
    public string? Key { get; set; }

    [Range(1, 200, ErrorMessage = "Validation.Range")]
    [Display(Name = "Template.Order")]
    public int Number { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(50, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Template.NameZh")]
    public string NameZh { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Template.NameEn")]
    public string NameEn { get; set; } = "";

    public ItemGroup Group { get; set; } = ItemGroup.Management;
    public ItemFrequency Frequency { get; set; } = ItemFrequency.Weekly;

    [Range(1, 12, ErrorMessage = "Validation.Range")]
    [Display(Name = "Template.SeasonStart")]
    public int? SeasonStartMonth { get; set; }

    [Range(1, 12, ErrorMessage = "Validation.Range")]
    [Display(Name = "Template.SeasonEnd")]
    public int? SeasonEndMonth { get; set; }

    /// <summary>One check point per line, in Chinese.</summary>
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Template.CheckPointsZh")]
    public string CheckPointsZh { get; set; } = "";

    /// <summary>The same check points in English, line for line.</summary>
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Template.CheckPointsEn")]
    public string CheckPointsEn { get; set; } = "";

    public bool Retire { get; set; }

    public static ItemForm From(ChecklistItem i) => new()
    {
        Id = i.Id, Key = i.Key, Number = i.Number, NameZh = i.NameZh, NameEn = i.NameEn, Group = i.Group, Frequency = i.Frequency,
        SeasonStartMonth = i.SeasonStartMonth, SeasonEndMonth = i.SeasonEndMonth,
        CheckPointsZh = string.Join("\n", i.CheckPoints.OrderBy(p => p.Order).Select(p => p.TextZh)),
        CheckPointsEn = string.Join("\n", i.CheckPoints.OrderBy(p => p.Order).Select(p => p.TextEn)),
    };

    public static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

public sealed class TemplateForm
{
    public string? RowVersion { get; set; }
    public List<ItemForm> Items { get; set; } = [];
}

public sealed record TemplateEditViewModel(ChecklistTemplate Template, TemplateForm Form, int InspectionCount);
