using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SchoolSafety.Common;

namespace SchoolSafety.Reports;

/// <summary>A finished PDF, and the characters the font could not draw (empty when every character printed).</summary>
public sealed record PdfReport(byte[] Bytes, int PageCount, IReadOnlyList<string> MissingCharacters);

/// <summary>Thrown by <see cref="PdfReportBuilder.Build"/> in strict mode when the font lacks characters of the text.</summary>
public sealed class MissingGlyphsException(IReadOnlyList<string> characters, string fontPath)
    : Exception($"The report font {fontPath} has no glyph for: {string.Join(" ", characters.Select(c => $"{c} (U+{char.ConvertToUtf32(c, 0):X4})"))}")
{
    public IReadOnlyList<string> Characters { get; } = characters;
}

/// <summary>
/// Writes a simple A4 document top to bottom: title, headings, paragraphs broken by
/// <see cref="CjkLineBreaker"/>, tables whose header row repeats on every page, and on every page
/// a footer "第 N 页 共 M 页" with the generated-at time. Margins leave room for binding on the left.
/// Every string drawn is checked against the font; what it lacks is reported, never left blank silently.
/// </summary>
public sealed class PdfReportBuilder
{
    public const double Mm = 72 / 25.4;
    public static readonly double MarginLeft = 28 * Mm;   // binding edge (GB/T 9704: 28 mm)
    public static readonly double MarginRight = 20 * Mm;
    public static readonly double MarginTop = 25 * Mm;
    public static readonly double MarginBottom = 25 * Mm;

    public const double BodySize = 12;
    public const double TableSize = 10.5;

    private readonly ReportFont _font;
    private readonly PdfDocument _document = new();
    private readonly DateTimeOffset _generatedAt;
    private readonly SortedSet<string> _missing = new(StringComparer.Ordinal);
    private readonly Dictionary<(double, bool), XFont> _fonts = [];
    private PdfPage? _page;
    private XGraphics? _gfx;
    private double _y;
    private bool _built;

    /// <param name="generatedAt">From <see cref="TimeProvider"/>; printed in China time.</param>
    public PdfReportBuilder(ReportFont font, string documentTitle, DateTimeOffset generatedAt)
    {
        _font = font;
        _generatedAt = generatedAt;
        _document.Info.Title = documentTitle;
        _document.Info.Creator = "SchoolSafety";
        _document.Info.CreationDate = generatedAt.UtcDateTime;
        _document.Info.ModificationDate = generatedAt.UtcDateTime;
        Check(documentTitle);
    }

    /// <summary>Throw <see cref="MissingGlyphsException"/> from <see cref="Build"/> instead of returning the list.</summary>
    public bool ThrowOnMissingGlyphs { get; set; }

    public double ContentWidth => PageWidth - MarginLeft - MarginRight;
    private static double PageWidth => XUnit.FromMillimeter(210).Point;
    private static double PageHeight => XUnit.FromMillimeter(297).Point;
    private double Bottom => PageHeight - MarginBottom;

    private XFont Font(double size, bool bold = false)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
            _fonts[(size, bold)] = font = new XFont(_font.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
        return font;
    }

    private void Check(string text)
    {
        foreach (var c in _font.Coverage.Missing(text)) _missing.Add(c);
    }

    private XGraphics Gfx
    {
        get
        {
            if (_gfx is null) NewPage();
            return _gfx!;
        }
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Width = XUnit.FromMillimeter(210);
        _page.Height = XUnit.FromMillimeter(297);
        _gfx = XGraphics.FromPdfPage(_page);
        _y = MarginTop;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    private void Ensure(double height)
    {
        if (_gfx is null || _y + height > Bottom) NewPage();
    }

    private double Measure(string text, XFont font) => Gfx.MeasureString(text, font).Width;

    private List<string> Lines(string text, XFont font, double firstWidth, double width) =>
        CjkLineBreaker.Break(text, s => Measure(s, font), firstWidth, width);

    /// <summary>The document's title, centred, in larger type (long titles break over lines).</summary>
    public PdfReportBuilder Title(string text, double size = 18)
    {
        Check(text);
        var font = Font(size, bold: true);
        var lineHeight = size * 1.5;
        foreach (var line in Lines(text, font, ContentWidth, ContentWidth))
        {
            Ensure(lineHeight);
            Gfx.DrawString(line, font, XBrushes.Black, new XRect(MarginLeft, _y, ContentWidth, lineHeight), XStringFormats.Center);
            _y += lineHeight;
        }
        _y += size * 0.6;
        return this;
    }

    /// <summary>A heading (一、… / （一）…), kept on the page with at least two lines after it.</summary>
    public PdfReportBuilder Heading(string text, double size = 14)
    {
        Check(text);
        var font = Font(size, bold: true);
        var lineHeight = size * 1.6;
        var lines = Lines(text, font, ContentWidth, ContentWidth);
        Ensure(lineHeight * lines.Count + BodySize * 1.6 * 2);
        foreach (var line in lines)
        {
            Gfx.DrawString(line, font, XBrushes.Black, new XPoint(MarginLeft, _y + size), XStringFormats.BaseLineLeft);
            _y += lineHeight;
        }
        return this;
    }

    /// <summary>A paragraph; Chinese paragraphs indent their first line by two characters.</summary>
    public PdfReportBuilder Paragraph(string text, bool indent = true, double size = BodySize, bool alignRight = false)
    {
        Check(text);
        var font = Font(size);
        var lineHeight = size * 1.6;
        var indentWidth = indent ? size * 2 : 0;
        var lines = Lines(text, font, ContentWidth - indentWidth, ContentWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            Ensure(lineHeight);
            var x = i == 0 ? MarginLeft + indentWidth : MarginLeft;
            if (alignRight)
                Gfx.DrawString(lines[i], font, XBrushes.Black, new XPoint(MarginLeft + ContentWidth, _y + size), XStringFormats.BaseLineRight);
            else
                Gfx.DrawString(lines[i], font, XBrushes.Black, new XPoint(x, _y + size), XStringFormats.BaseLineLeft);
            _y += lineHeight;
        }
        _y += size * 0.3;
        return this;
    }

    public PdfReportBuilder Space(double points)
    {
        _y += points;
        return this;
    }

    /// <summary>Starts a new page unless <paramref name="points"/> of height remain: keeps a block (a receipt slip) in one piece.</summary>
    public PdfReportBuilder KeepTogether(double points)
    {
        Ensure(points);
        return this;
    }

    /// <summary>
    /// A signature block: each label drawn from the middle of the line, leaving the space after it
    /// for a signature or a seal; the last line is usually "年 月 日".
    /// </summary>
    public PdfReportBuilder Signature(IEnumerable<string> labels, double size = BodySize)
    {
        var font = Font(size);
        var lineHeight = size * 2;
        foreach (var label in labels)
        {
            Check(label);
            Ensure(lineHeight);
            Gfx.DrawString(label, font, XBrushes.Black, new XPoint(MarginLeft + ContentWidth * 0.55, _y + size), XStringFormats.BaseLineLeft);
            _y += lineHeight;
        }
        return this;
    }

    /// <summary>A dashed line across the page with a short label in the middle (沿此线剪下).</summary>
    public PdfReportBuilder CutLine(string label, double size = 9)
    {
        Check(label);
        var font = Font(size);
        Ensure(size * 3);
        var middle = _y + size * 1.5;
        var labelWidth = Measure(label, font) + size;
        var pen = new XPen(XColors.Gray, 0.6) { DashStyle = XDashStyle.Dash };
        var centre = MarginLeft + ContentWidth / 2;
        Gfx.DrawLine(pen, MarginLeft, middle, centre - labelWidth / 2, middle);
        Gfx.DrawLine(pen, centre + labelWidth / 2, middle, MarginLeft + ContentWidth, middle);
        Gfx.DrawString(label, font, XBrushes.Gray, new XPoint(centre, middle + size * 0.35), XStringFormats.BaseLineCenter);
        _y += size * 3;
        return this;
    }

    /// <summary>Starts the next block on a new page.</summary>
    public PdfReportBuilder PageBreak()
    {
        NewPage();
        return this;
    }

    /// <summary>
    /// A bordered table. <paramref name="widths"/> are relative column widths. Cells wrap;
    /// the header row is drawn again at the top of each page the table continues on.
    /// </summary>
    public PdfReportBuilder Table(IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows, double size = TableSize)
    {
        if (headers.Count != widths.Count) throw new ArgumentException("One width per column.", nameof(widths));
        var total = widths.Sum();
        var columns = widths.Select(w => w / total * ContentWidth).ToArray();
        var font = Font(size);
        var headerFont = Font(size, bold: true);
        var lineHeight = size * 1.45;
        const double pad = 3;

        (List<string>[] Cells, double Height) Layout(IReadOnlyList<string> cells, XFont f)
        {
            var wrapped = new List<string>[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                var text = c < cells.Count ? cells[c] ?? "" : "";
                Check(text);
                wrapped[c] = Lines(text, f, columns[c] - 2 * pad, columns[c] - 2 * pad);
            }
            return (wrapped, wrapped.Max(w => w.Count) * lineHeight + 2 * pad);
        }

        void DrawRow(List<string>[] cells, double height, XFont f, bool header)
        {
            var x = MarginLeft;
            for (var c = 0; c < columns.Length; c++)
            {
                var rect = new XRect(x, _y, columns[c], height);
                if (header) Gfx.DrawRectangle(XBrushes.Gainsboro, rect);
                Gfx.DrawRectangle(new XPen(XColors.Black, 0.5), rect);
                var ty = _y + pad;
                foreach (var line in cells[c])
                {
                    if (header)
                        Gfx.DrawString(line, f, XBrushes.Black, new XRect(x + pad, ty, columns[c] - 2 * pad, lineHeight), XStringFormats.Center);
                    else
                        Gfx.DrawString(line, f, XBrushes.Black, new XPoint(x + pad, ty + size * 1.1), XStringFormats.BaseLineLeft);
                    ty += lineHeight;
                }
                x += columns[c];
            }
            _y += height;
        }

        var head = Layout(headers, headerFont);
        var first = true;
        foreach (var row in rows)
        {
            var body = Layout(row, font);
            if (first || _gfx is null || _y + body.Height > Bottom)
            {
                if (_gfx is null || _y + head.Height + body.Height > Bottom) NewPage();
                DrawRow(head.Cells, head.Height, headerFont, header: true);
                first = false;
            }
            DrawRow(body.Cells, body.Height, font, header: false);
        }
        if (first)
        {
            Ensure(head.Height);
            DrawRow(head.Cells, head.Height, headerFont, header: true);
        }
        _y += size;
        return this;
    }

    /// <summary>
    /// A chart drawn as vector graphics into a box <paramref name="height"/> points high across the
    /// text width (kept on one page). <paramref name="labels"/> are every string the chart draws, checked against the font.
    /// </summary>
    public PdfReportBuilder Chart(double height, IEnumerable<string> labels, Action<XGraphics, XRect, XFont> draw, double size = 8)
    {
        foreach (var label in labels) Check(label);
        Ensure(height);
        draw(Gfx, new XRect(MarginLeft, _y, ContentWidth, height), Font(size));
        _y += height + size;
        return this;
    }

    /// <summary>Label/value pairs as a two-column bordered table without a header.</summary>
    public PdfReportBuilder Fields(IEnumerable<(string Label, string Value)> fields, double labelShare = 0.25, double size = BodySize)
    {
        var columns = new[] { labelShare * ContentWidth, (1 - labelShare) * ContentWidth };
        var font = Font(size);
        var labelFont = Font(size, bold: true);
        var lineHeight = size * 1.5;
        const double pad = 4;
        foreach (var (label, value) in fields)
        {
            Check(label);
            Check(value);
            var l = Lines(label, labelFont, columns[0] - 2 * pad, columns[0] - 2 * pad);
            var v = Lines(value, font, columns[1] - 2 * pad, columns[1] - 2 * pad);
            var height = Math.Max(l.Count, v.Count) * lineHeight + 2 * pad;
            Ensure(height);
            var pen = new XPen(XColors.Black, 0.5);
            Gfx.DrawRectangle(XBrushes.WhiteSmoke, new XRect(MarginLeft, _y, columns[0], height));
            Gfx.DrawRectangle(pen, new XRect(MarginLeft, _y, columns[0], height));
            Gfx.DrawRectangle(pen, new XRect(MarginLeft + columns[0], _y, columns[1], height));
            for (var i = 0; i < l.Count; i++)
                Gfx.DrawString(l[i], labelFont, XBrushes.Black, new XPoint(MarginLeft + pad, _y + pad + i * lineHeight + size * 1.1), XStringFormats.BaseLineLeft);
            for (var i = 0; i < v.Count; i++)
                Gfx.DrawString(v[i], font, XBrushes.Black, new XPoint(MarginLeft + columns[0] + pad, _y + pad + i * lineHeight + size * 1.1), XStringFormats.BaseLineLeft);
            _y += height;
        }
        _y += size;
        return this;
    }

    /// <summary>Draws the footers and returns the document. The builder cannot be used afterwards.</summary>
    public PdfReport Build()
    {
        if (_built) throw new InvalidOperationException("Already built.");
        _built = true;
        if (_gfx is null) NewPage();
        _gfx!.Dispose();
        _gfx = null;

        var generated = ReportPhrases.GeneratedAt(ChinaTime.FromUtc(_generatedAt.UtcDateTime));
        Check(generated);
        var count = _document.PageCount;
        var footerFont = Font(9);
        for (var i = 0; i < count; i++)
        {
            var number = ReportPhrases.PageOf(i + 1, count);
            Check(number);
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var baseline = PageHeight - MarginBottom / 2;
            gfx.DrawString(number, footerFont, XBrushes.Black, new XPoint(MarginLeft + ContentWidth / 2, baseline), XStringFormats.BaseLineCenter);
            gfx.DrawString(generated, footerFont, XBrushes.DimGray, new XPoint(MarginLeft + ContentWidth, baseline), XStringFormats.BaseLineRight);
        }

        var missing = _missing.ToList();
        if (missing.Count > 0 && ThrowOnMissingGlyphs) throw new MissingGlyphsException(missing, _font.Path);
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return new PdfReport(stream.ToArray(), count, missing);
    }
}
