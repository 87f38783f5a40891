using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Exports;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>One column of an export: the resource key of its header and how a row gives its cell.</summary>
public sealed record ExportColumn<T>(string HeaderKey, Func<T, object?> Cell);

/// <summary>
/// Turns a page's rows into an .xlsx or CSV download: headers and file name from the resources (Chinese, or English
/// for en-US), one audit row (<see cref="DownloadAudit"/>) with the page's query string, then the rows streamed to
/// the response as they are read. Used by every export action, so they all behave alike.
/// </summary>
public sealed class TableDownload(DownloadAudit audit, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    /// <param name="request">The export request: its query string (the page's filters) goes into the audit row.</param>
    /// <param name="kind">The audit kind, one of <see cref="DownloadAudit.Kinds"/>.</param>
    /// <param name="titleKey">Resource key of the sheet name and the start of the file name.</param>
    /// <param name="schoolId">The school, when every row is one school's.</param>
    public async Task<IActionResult> FileAsync<T>(HttpRequest request, string kind, ExportFormat format, string titleKey, int? schoolId,
        IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var headers = columns.Select(c => l[c.HeaderKey].Value).ToList();
        return await FileAsync(request, kind, format, titleKey, schoolId, headers, Cells(rows, columns, ct), ct);
    }

    /// <summary>For tables whose columns are only known at run time (the completion grid's weeks).</summary>
    public async Task<IActionResult> FileAsync(HttpRequest request, string kind, ExportFormat format, string titleKey, int? schoolId,
        IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var title = l[titleKey].Value;
        var fileName = TableExport.FileName($"{title}-{ChinaTime.Today(clock):yyyyMMdd}", format);
        await audit.RecordAsync(kind, format.ToString().ToLowerInvariant(), schoolId, new Dictionary<string, string?>
        {
            ["Filters"] = Filters(request),
            ["FileName"] = fileName,
        }, ct);
        return new TableFileResult(new ExportTable(SheetName(title), headers, rows), format, fileName);
    }

    /// <summary>Yes/no cells in the user's language.</summary>
    public string YesNo(bool value) => l[value ? "Yes" : "No"].Value;

    private static string Filters(HttpRequest request) =>
        string.Join("&", request.Query.Where(q => !string.Equals(q.Key, "format", StringComparison.OrdinalIgnoreCase))
            .OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase).Select(q => $"{q.Key}={q.Value}"));

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\.</summary>
    private static string SheetName(string title)
    {
        var clean = new string(title.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray());
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static async IAsyncEnumerable<object?[]> Cells<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            var cells = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++) cells[i] = columns[i].Cell(row);
            yield return cells;
        }
    }
}

/// <summary>Writes the table to the response body while the rows are read (nothing buffered but the workbook's temporary file).</summary>
public sealed class TableFileResult(ExportTable table, ExportFormat format, string fileName) : IActionResult
{
    public ExportTable Table => table;
    public ExportFormat Format => format;
    public string FileName => fileName;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = TableExport.ContentType(format);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        await TableExport.WriteAsync(format, table, response.Body, context.HttpContext.RequestAborted);
    }
}
