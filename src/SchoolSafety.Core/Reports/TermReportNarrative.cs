using SchoolSafety.Common;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;

namespace SchoolSafety.Reports;

/// <summary>
/// The text a jurisdiction node writes itself for its term report (情况汇报): 一、部署 (the term's key
/// tasks and campaigns) and 五、今后工作及其打算. One row per node and term; the figures around it are
/// always computed when the report is built, never stored here.
/// </summary>
public class TermReportNarrative : IConcurrencyVersioned
{
    public const int TextMaxLength = 8000;

    public int Id { get; set; }
    public int JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public int TermId { get; set; }
    public Term? Term { get; set; }

    /// <summary>一、部署: paragraphs separated by line breaks.</summary>
    public string? Deployment { get; set; }

    /// <summary>五、今后工作及其打算: paragraphs separated by line breaks.</summary>
    public string? Plans { get; set; }

    public DateTime UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    public string? UpdatedByName { get; set; }
    public byte[] RowVersion { get; set; } = [];

    /// <summary>The text's paragraphs: one per non-blank line, trimmed.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    public static string? Clean(string? text)
    {
        var paragraphs = Paragraphs(text);
        return paragraphs.Count == 0 ? null : string.Join("\n", paragraphs);
    }
}
