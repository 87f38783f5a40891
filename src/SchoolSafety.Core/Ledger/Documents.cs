using SchoolSafety.Common;
using SchoolSafety.Files;
using SchoolSafety.Schools;

namespace SchoolSafety.Ledger;

/// <summary>
/// A document every school must keep in its ledger (制度台账). The list is configuration: an
/// administrator adds, renames or retires types. A retired type is no longer required, and the
/// versions schools uploaded for it stay in their history.
/// </summary>
public class RequiredDocumentType : IConcurrencyVersioned
{
    public const int NameMaxLength = 50;
    public const int NameEnMaxLength = 100;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Required of every school; false once retired.</summary>
    public bool IsActive { get; set; } = true;
    public byte[] RowVersion { get; set; } = [];

    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;

    /// <summary>The four documents named in the county's report (seed §9), required from the first start.</summary>
    public static IReadOnlyList<RequiredDocumentType> Defaults() =>
    [
        new() { Name = "安全管理方案制度", NameEn = "Safety management scheme and rules", SortOrder = 1 },
        new() { Name = "安全应急措施预案", NameEn = "Emergency response plan", SortOrder = 2 },
        new() { Name = "日常安全管理规范", NameEn = "Daily safety management code", SortOrder = 3 },
        new() { Name = "安全工作奖惩办法", NameEn = "Safety rewards and penalties", SortOrder = 4 },
    ];
}

/// <summary>
/// One uploaded version of a required document of one school. Versions are never changed: a new
/// upload is a new version, and the newest effective one is the current document.
/// </summary>
public class SafetyDocument : ISchoolOwned
{
    public const int TitleMaxLength = 100;
    public const int NoteMaxLength = 200;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public int DocumentTypeId { get; set; }
    public RequiredDocumentType? DocumentType { get; set; }

    /// <summary>How the school names this version, e.g. “2026年修订版”.</summary>
    public string? Title { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public Guid FileId { get; set; }
    public StoredFile? File { get; set; }
    public string? Note { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedById { get; set; }
    public string UploadedByName { get; set; } = "";
}

/// <summary>A version as uploaded through the form; the file is checked by <see cref="FileStorage"/>.</summary>
public sealed class NewDocumentVersion
{
    public int? DocumentTypeId { get; set; }
    public string? Title { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public string? Note { get; set; }
}

public static class DocumentRules
{
    /// <summary>What is wrong with an upload: field name → message key. Empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string> Validate(NewDocumentVersion v, bool typeIsActive, bool hasFile, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (v.DocumentTypeId is null) errors[nameof(v.DocumentTypeId)] = "Document.TypeRequired";
        else if (!typeIsActive) errors[nameof(v.DocumentTypeId)] = "Document.TypeInvalid";
        if (v.EffectiveOn is not { } effective) errors[nameof(v.EffectiveOn)] = "Document.EffectiveOnRequired";
        else if (effective > today) errors[nameof(v.EffectiveOn)] = "Document.EffectiveOnFuture";
        if (!hasFile) errors["File"] = "Document.FileRequired";
        return errors;
    }

    /// <summary>The current version among one type's versions: the latest effective date, then the latest upload.</summary>
    public static SafetyDocument? Current(IEnumerable<SafetyDocument> versions) =>
        versions.OrderByDescending(d => d.EffectiveOn).ThenByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id).FirstOrDefault();
}
