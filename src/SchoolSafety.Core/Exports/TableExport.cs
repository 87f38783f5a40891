using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace SchoolSafety.Exports;

public enum ExportFormat
{
    Xlsx = 1,
    Csv = 2,
}

/// <summary>
/// A table to export: its headers (already in the user's language) and its rows, read one at a time.
/// Cells are strings, numbers or null; dates are written by the caller as text (yyyy-MM-dd) so that the
/// CSV and the workbook show the same thing.
/// </summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Headers, IAsyncEnumerable<object?[]> Rows);

/// <summary>
/// Writes an <see cref="ExportTable"/> as .xlsx (MiniExcel) or CSV (CsvHelper, UTF-8 with BOM so that Excel on a
/// Chinese Windows reads it). Neither format holds the rows in memory: each row is written as it is read.
/// The CSV goes straight to the output; the workbook is a zip whose directory MiniExcel writes synchronously
/// at the end, so it is written to a temporary file first and then copied to the output asynchronously.
/// </summary>
public static class TableExport
{
    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? ".xlsx" : ".csv";

    public static Task WriteAsync(ExportFormat format, ExportTable table, Stream output, CancellationToken ct = default) =>
        format == ExportFormat.Xlsx ? WriteXlsxAsync(table, output, ct) : WriteCsvAsync(table, output, ct);

    public static async Task WriteCsvAsync(ExportTable table, Stream output, CancellationToken ct = default)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await using (writer)
        {
            await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture), leaveOpen: true);
            foreach (var header in table.Headers) csv.WriteField(header);
            await csv.NextRecordAsync();
            await foreach (var row in table.Rows.WithCancellation(ct))
            {
                foreach (var cell in row) csv.WriteField(Text(cell));
                await csv.NextRecordAsync();
            }
            await csv.FlushAsync();
        }
    }

    public static async Task WriteXlsxAsync(ExportTable table, Stream output, CancellationToken ct = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"schoolsafety-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var config = new OpenXmlConfiguration { EnableWriteNullValueCell = true, FastMode = false };
        // The header is written as the first row (not from the keys), so an export with no rows still has its headers.
        await MiniExcel.SaveAsAsync(file, Dictionaries(table, ct), printHeader: false, sheetName: table.SheetName, excelType: ExcelType.XLSX,
            configuration: config, cancellationToken: ct);
        await file.FlushAsync(ct);
        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    private static async IAsyncEnumerable<IDictionary<string, object?>> Dictionaries(ExportTable table,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var keys = Enumerable.Range(0, table.Headers.Count).Select(i => "c" + i).ToArray();
        IDictionary<string, object?> Line(IReadOnlyList<object?> cells)
        {
            var line = new Dictionary<string, object?>(keys.Length);
            for (var i = 0; i < keys.Length; i++) line[keys[i]] = i < cells.Count ? cells[i] : null;
            return line;
        }
        yield return Line(table.Headers.ToArray());
        await foreach (var row in table.Rows.WithCancellation(ct)) yield return Line(row);
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>A file name safe for Content-Disposition and for Windows: characters it does not allow in file names become "_".</summary>
    public static string FileName(string stem, ExportFormat format)
    {
        // The characters Windows refuses in a file name, whatever the server runs on.
        var clean = new string(stem.Select(c => char.IsControl(c) || "<>:\"/\\|?*".Contains(c) ? '_' : c).ToArray());
        return clean + Extension(format);
    }
}
