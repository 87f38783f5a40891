using SchoolSafety.Reports;
using UglyToad.PdfPig;

namespace SchoolSafety.Tests.Reports;

public class PdfReportBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    /// <summary>Text of each page as a reader's copy would have it, without the spaces PdfPig may or may not insert.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)).Replace(" ", "")).ToList();
    }

    /// <summary>Keeps a copy under the temp folder (schoolsafety-pdf/) to render with pdftoppm and look at.</summary>
    internal static void Keep(byte[] pdf, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "schoolsafety-pdf");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
    }

    [Fact]
    public void The_shipped_font_is_a_single_face_truetype_with_the_chinese_of_the_reports()
    {
        var font = ReportFont.Shipped;
        Assert.True(File.Exists(font.Path));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(font.Path)!, "wqy-microhei-LICENSE-Apache-2.0.txt")));
        Assert.Empty(font.Coverage.Missing("新平县2020年秋季学期学校安全工作开展情况汇报，应配保安232名；（试行）《》“”、。：！？"));
    }

    [Fact]
    public void A_two_page_table_repeats_its_header_and_every_page_is_numbered()
    {
        var builder = new PdfReportBuilder(ReportFont.Shipped, "测试报告", Now);
        builder.Title("新平县2026年秋季学期学校安全工作开展情况汇报")
            .Heading("一、全力部署，抓实五项重点工作。")
            .Paragraph(string.Concat(Enumerable.Repeat("重视宣传教育，做到位走在前。重视安全教育，完善学校（园）安全教育机制，将安全教育纳入教学内容。", 3)));
        builder.Table(["序号", "学校名称", "应配保安", "现有保安"], [1, 4, 2, 2],
            Enumerable.Range(1, 45).Select(i => (IReadOnlyList<string>)[i.ToString(), $"第{i}中心小学", "2", "1"]));
        var report = builder.Build();
        Keep(report.Bytes, "builder-two-pages");

        Assert.Equal(2, report.PageCount);
        Assert.Empty(report.MissingCharacters);
        var pages = PageTexts(report.Bytes);
        Assert.Equal(2, pages.Count);
        Assert.Contains("新平县2026年秋季学期学校安全工作开展情况汇报", pages[0]);
        Assert.Contains("一、全力部署，抓实五项重点工作。", pages[0]);
        Assert.Contains("第1页共2页", pages[0]);
        Assert.Contains("第2页共2页", pages[1]);
        Assert.Contains("生成时间：2026-11-2509:00", pages[1]);
        Assert.All(pages, p => Assert.Contains("序号学校名称应配保安现有保安", p));
        Assert.Contains("第1中心小学", pages[0]);
        Assert.Contains("第45中心小学", pages[1]);
        // No line of the paragraph starts with a closing mark: each drawn line is its own text run.
        using var document = PdfDocument.Open(report.Bytes);
        var lineStarts = document.GetPage(1).Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y)).Select(g => g.OrderBy(l => l.StartBaseLine.X).First().Value);
        Assert.DoesNotContain(lineStarts, s => CjkLineBreaker.ClosingMarks.Contains(s));
    }

    [Fact]
    public void Characters_missing_from_the_font_are_reported_never_left_blank_silently()
    {
        var builder = new PdfReportBuilder(ReportFont.Shipped, "测试", Now);
        builder.Paragraph("操场有𠀾处裂缝🚸");
        var report = builder.Build();
        Assert.Contains("🚸", report.MissingCharacters);
        Assert.DoesNotContain("操", report.MissingCharacters);

        var strict = new PdfReportBuilder(ReportFont.Shipped, "测试", Now) { ThrowOnMissingGlyphs = true };
        strict.Paragraph("标志🚸");
        var e = Assert.Throws<MissingGlyphsException>(() => strict.Build());
        Assert.Equal(["🚸"], e.Characters);
        Assert.Contains("U+1F6B8", e.Message);
    }

    [Fact]
    public void A_configured_font_path_is_the_font_the_pdf_embeds_and_what_it_lacks_is_reported()
    {
        // A Latin-only TrueType font stands in for the county's font (present on Debian test machines; else a copy of ours).
        const string dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        var copy = Path.Combine(Path.GetTempPath(), $"county-font-{Guid.NewGuid():N}.ttf");
        File.Copy(File.Exists(dejaVu) ? dejaVu : ReportFont.ShippedPath, copy);
        try
        {
            var font = new ReportFonts(new ReportOptions { FontPath = copy }).Font;
            Assert.Equal(Path.GetFullPath(copy), font.Path);
            Assert.NotEqual(ReportFont.Shipped.FamilyName, font.FamilyName);
            var report = new PdfReportBuilder(font, "Report", Now).Paragraph("Safety 县教体局").Build();
            if (!File.Exists(dejaVu)) return;
            // The text's Chinese and the footer's (第 1 页 共 1 页, 生成时间) are all reported; the Latin is not.
            Assert.Subset(report.MissingCharacters.ToHashSet(), "县教体局第页共生成时间".Select(c => c.ToString()).ToHashSet());
            Assert.DoesNotContain("S", report.MissingCharacters);
            using var document = PdfDocument.Open(report.Bytes);
            Assert.All(document.GetPage(1).Letters.Where(l => l.Value == "S"), l => Assert.Contains("DejaVu", l.FontName));
        }
        finally { File.Delete(copy); }
    }

    [Fact]
    public void A_configured_font_path_that_is_not_a_single_truetype_face_is_refused_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-font-" + Guid.NewGuid() + ".ttf");
        Assert.Throws<FileNotFoundException>(() => ReportFont.Load(missing));
        var ttc = Path.Combine(Path.GetTempPath(), "collection-" + Guid.NewGuid() + ".ttf");
        File.WriteAllBytes(ttc, [.. "ttcf"u8, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 16]);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => ReportFont.Load(ttc));
            Assert.Contains(".ttc", e.Message);
        }
        finally { File.Delete(ttc); }
    }
}
