namespace SchoolSafety.Reports;

/// <summary>
/// The fixed Chinese phrases of the PDF documents, in one place. PDFs are official documents
/// and are always written in Chinese, whatever the reader's UI culture.
/// </summary>
public static class ReportPhrases
{
    public static string PageOf(int page, int count) => $"第 {page} 页 共 {count} 页";
    public static string GeneratedAt(DateTime chinaTime) => $"生成时间：{chinaTime:yyyy-MM-dd HH:mm}";
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
    public static string Date(DateTime chinaTime) => Date(DateOnly.FromDateTime(chinaTime));
}
