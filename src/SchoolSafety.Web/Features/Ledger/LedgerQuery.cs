using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using SchoolSafety.Schools;

namespace SchoolSafety.Web.Features.Ledger;

/// <summary>The filters every county ledger list has: township, school type, page.</summary>
public abstract class LedgerQuery
{
    public string? Township { get; set; }
    public SchoolType? Type { get; set; }
    public int Page { get; set; } = 1;

    public IQueryable<School> Apply(IQueryable<School> schools)
    {
        schools = schools.Where(s => s.IsActive);
        if (!string.IsNullOrEmpty(Township)) schools = schools.Where(s => s.Township == Township);
        if (Type is { } type) schools = schools.Where(s => s.Type == type);
        return schools;
    }
}

/// <summary>A page of a county list held in memory (the statuses are computed per school).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageCount)
{
    public const int PageSize = 30;

    public static Paged<T> Of(IReadOnlyList<T> all, int page)
    {
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        return new Paged<T>(all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), all.Count, page, pageCount);
    }
}

public static class LedgerForms
{
    /// <summary>Puts the rule's messages beside their fields: field name → message key, under the form's prefix.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, string prefix, IReadOnlyDictionary<string, string> errors, IStringLocalizer l)
    {
        foreach (var (field, key) in errors) modelState.AddModelError(field is "File" ? field : $"{prefix}.{field}", l[key]);
    }

    public static byte[] DecodeRowVersion(string? value)
    {
        try { return Convert.FromBase64String(value ?? ""); }
        catch (FormatException) { return []; }
    }
}
