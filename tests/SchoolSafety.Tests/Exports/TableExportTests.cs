using System.Text;
using MiniExcelLibs;
using SchoolSafety.Exports;

namespace SchoolSafety.Tests.Exports;

/// <summary>The writer behind every export: headers, cells, BOM, and rows written while they are read.</summary>
public sealed class TableExportTests
{
    private sealed class CountingRows(int count)
    {
        public int Yielded { get; private set; }

        public async IAsyncEnumerable<object?[]> Rows()
        {
            for (var i = 1; i <= count; i++)
            {
                if (i % 1000 == 0) await Task.Yield();
                Yielded = i;
                yield return [$"XP{i:00000}", $"第{i}小学", i, i % 3 == 0 ? null : "是"];
            }
        }
    }

    /// <summary>Records how many rows had been read when the first bytes reached the output.</summary>
    private sealed class WatchingStream(Func<int> yielded) : MemoryStream
    {
        public int? RowsReadAtFirstWrite { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) { RowsReadAtFirstWrite ??= yielded(); base.Write(buffer); }
        public override void Write(byte[] buffer, int offset, int count) { RowsReadAtFirstWrite ??= yielded(); base.Write(buffer, offset, count); }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) { RowsReadAtFirstWrite ??= yielded(); return base.WriteAsync(buffer, offset, count, ct); }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { RowsReadAtFirstWrite ??= yielded(); return base.WriteAsync(buffer, ct); }
    }

    private static readonly string[] Headers = ["学校代码", "学校名称", "数量", "逾期"];

    [Fact]
    public async Task A_csv_of_20000_rows_starts_with_a_bom_and_is_written_while_the_rows_are_still_being_read()
    {
        var source = new CountingRows(20_000);
        var output = new WatchingStream(() => source.Yielded);
        await TableExport.WriteCsvAsync(new ExportTable("表", Headers, source.Rows()), output);

        var bytes = output.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.True(output.RowsReadAtFirstWrite < 20_000, $"first write after {output.RowsReadAtFirstWrite} rows");
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20_001, lines.Length);
        Assert.Equal("学校代码,学校名称,数量,逾期", lines[0]);
        Assert.Equal("XP00001,第1小学,1,是", lines[1]);
        Assert.Equal("XP00003,第3小学,3,", lines[3]);
    }

    [Fact]
    public async Task A_workbook_of_20000_rows_reads_back_with_its_chinese_headers_and_every_row()
    {
        var source = new CountingRows(20_000);
        using var output = new MemoryStream();
        await TableExport.WriteXlsxAsync(new ExportTable("学校", Headers, source.Rows()), output);

        output.Position = 0;
        var rows = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(20_000, rows.Count);
        Assert.Equal(Headers, rows[0].Keys);
        Assert.Equal("第20000小学", rows[^1]["学校名称"]);
        Assert.Equal(20_000d, Convert.ToDouble(rows[^1]["数量"]));
        Assert.Null(rows[2]["逾期"]);
        output.Position = 0;
        Assert.Equal(["学校"], MiniExcel.GetSheetNames(output));
    }

    [Fact]
    public async Task An_empty_table_still_has_its_header_row()
    {
        using var output = new MemoryStream();
        await TableExport.WriteXlsxAsync(new ExportTable("空", Headers, new CountingRows(0).Rows()), output);
        output.Position = 0;
        var rows = MiniExcel.Query(output).Cast<IDictionary<string, object?>>().ToList();
        Assert.Single(rows);
        Assert.Equal(Headers, rows[0].Values.Select(v => v?.ToString()));
    }

    [Theory]
    [InlineData("隐患整改单-20261125", ExportFormat.Xlsx, "隐患整改单-20261125.xlsx")]
    [InlineData("a/b:c", ExportFormat.Csv, "a_b_c.csv")]
    public void File_names_keep_chinese_and_lose_path_characters(string stem, ExportFormat format, string expected) =>
        Assert.Equal(expected, TableExport.FileName(stem, format));
}
