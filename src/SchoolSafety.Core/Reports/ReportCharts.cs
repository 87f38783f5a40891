using PdfSharp.Drawing;

namespace SchoolSafety.Reports;

/// <summary>One series of a chart: a legend label, a colour, one value per category.</summary>
public sealed record ChartSeries(string Label, XColor Color, IReadOnlyList<double> Values);

/// <summary>A value axis from 0 to <see cref="Max"/> in <see cref="Step"/>s ("nice" round numbers).</summary>
public readonly record struct ChartAxis(double Max, double Step)
{
    public int Ticks => (int)Math.Round(Max / Step);

    /// <summary>The axis for values up to <paramref name="largest"/>: at most about <paramref name="ticks"/> steps of 1, 2 or 5 × 10ⁿ; never empty.</summary>
    public static ChartAxis For(double largest, int ticks = 5)
    {
        if (double.IsNaN(largest) || largest <= 0) return new ChartAxis(1, 1);
        var raw = largest / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw - 1e-9);
        if (step < 1 && largest >= 1) step = 1; // counts are whole numbers
        return new ChartAxis(Math.Ceiling(largest / step - 1e-9) * step, step);
    }

    /// <summary>Where <paramref name="value"/> falls on a line of <paramref name="length"/> points (0 at the origin, clamped).</summary>
    public double Scale(double value, double length) => Math.Clamp(value / Max, 0, 1) * length;
}

/// <summary>
/// Charts drawn as vector graphics into a rectangle of a PDF page with PDFsharp's XGraphics:
/// horizontal grouped bars (categories with long Chinese names read best on the left) and a line
/// chart over weeks. The geometry is computed by plain functions (<see cref="BarLengths"/>,
/// <see cref="LinePoints"/>) that the tests check; the drawing only follows them.
/// </summary>
public static class ReportCharts
{
    public static readonly XColor Found = XColor.FromArgb(0xC0, 0x39, 0x2B);
    public static readonly XColor Closed = XColor.FromArgb(0x27, 0x80, 0x5E);
    public static readonly XColor Line = XColor.FromArgb(0x1F, 0x5F, 0xA8);
    private const double LegendHeight = 14;

    /// <summary>The length of each bar on a plot <paramref name="width"/> points wide, against <paramref name="axis"/>.</summary>
    public static double[] BarLengths(IReadOnlyList<double> values, ChartAxis axis, double width) =>
        values.Select(v => axis.Scale(v, width)).ToArray();

    /// <summary>The points of a line chart: evenly spread over the plot's width, value 0 at its bottom.</summary>
    public static XPoint[] LinePoints(IReadOnlyList<double?> values, ChartAxis axis, XRect plot)
    {
        var step = values.Count <= 1 ? 0 : plot.Width / (values.Count - 1);
        return values.Select((v, i) => v is null ? new XPoint(double.NaN, double.NaN)
            : new XPoint(plot.Left + (values.Count <= 1 ? plot.Width / 2 : i * step), plot.Bottom - axis.Scale(v.Value, plot.Height))).ToArray();
    }

    /// <summary>The height a horizontal bar chart of <paramref name="categories"/> rows needs.</summary>
    public static double BarChartHeight(int categories, int series) => LegendHeight + 8 + categories * (series * 7 + 6) + 16;

    /// <summary>Horizontal grouped bars: one row per category, one bar per series, value printed after each bar.</summary>
    public static void DrawBars(XGraphics gfx, XRect area, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, XFont font)
    {
        var labelWidth = Math.Min(area.Width * 0.38, categories.Select(c => gfx.MeasureString(c, font).Width).DefaultIfEmpty(0).Max() + 6);
        var plot = new XRect(area.Left + labelWidth, area.Top + LegendHeight + 8, area.Width - labelWidth - 24, area.Height - LegendHeight - 8 - 16);
        var axis = ChartAxis.For(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        DrawLegend(gfx, area, series, font);

        var grid = new XPen(XColors.LightGray, 0.4);
        for (var t = 0; t <= axis.Ticks; t++)
        {
            var x = plot.Left + axis.Scale(t * axis.Step, plot.Width);
            gfx.DrawLine(grid, x, plot.Top, x, plot.Bottom);
            gfx.DrawString(Number(t * axis.Step), font, XBrushes.DimGray, new XPoint(x, plot.Bottom + font.Size + 2), XStringFormats.BaseLineCenter);
        }
        var rowHeight = categories.Count == 0 ? 0 : plot.Height / categories.Count;
        var barHeight = series.Count == 0 ? 0 : Math.Min(7, (rowHeight - 6) / series.Count);
        var lengths = series.Select(s => BarLengths(s.Values, axis, plot.Width)).ToList();
        for (var c = 0; c < categories.Count; c++)
        {
            var top = plot.Top + c * rowHeight + (rowHeight - barHeight * series.Count) / 2;
            var label = Fit(gfx, categories[c], font, labelWidth - 6);
            gfx.DrawString(label, font, XBrushes.Black, new XPoint(plot.Left - 4, plot.Top + c * rowHeight + rowHeight / 2 + font.Size * 0.35), XStringFormats.BaseLineRight);
            for (var s = 0; s < series.Count; s++)
            {
                var y = top + s * barHeight;
                var length = lengths[s][c];
                if (length > 0) gfx.DrawRectangle(new XSolidBrush(series[s].Color), plot.Left, y, length, barHeight - 1);
                gfx.DrawString(Number(series[s].Values[c]), font, XBrushes.Black, new XPoint(plot.Left + length + 2, y + barHeight - 1.5), XStringFormats.BaseLineLeft);
            }
        }
        gfx.DrawLine(new XPen(XColors.Black, 0.6), plot.Left, plot.Top, plot.Left, plot.Bottom);
    }

    /// <summary>A line chart of values over <paramref name="labels"/> (weeks), with an optional value axis maximum (100 for percentages).</summary>
    public static void DrawLine(XGraphics gfx, XRect area, IReadOnlyList<string> labels, ChartSeries series, XFont font, double? axisMax = null, string unit = "")
    {
        var plot = new XRect(area.Left + 30, area.Top + LegendHeight + 8, area.Width - 40, area.Height - LegendHeight - 8 - 18);
        var axis = axisMax is { } max ? new ChartAxis(max, max / 5) : ChartAxis.For(series.Values.DefaultIfEmpty(0).Max());
        DrawLegend(gfx, area, [series], font);
        var grid = new XPen(XColors.LightGray, 0.4);
        for (var t = 0; t <= axis.Ticks; t++)
        {
            var y = plot.Bottom - axis.Scale(t * axis.Step, plot.Height);
            gfx.DrawLine(grid, plot.Left, y, plot.Right, y);
            gfx.DrawString(Number(t * axis.Step) + unit, font, XBrushes.DimGray, new XPoint(plot.Left - 3, y + font.Size * 0.35), XStringFormats.BaseLineRight);
        }
        var points = LinePoints(series.Values.Select(v => (double?)v).ToList(), axis, plot);
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / (plot.Width / 28)));
        for (var i = 0; i < labels.Count && i < points.Length; i++)
            if (i % every == 0 || i == labels.Count - 1)
                gfx.DrawString(labels[i], font, XBrushes.DimGray, new XPoint(points[i].X, plot.Bottom + font.Size + 3), XStringFormats.BaseLineCenter);
        var pen = new XPen(series.Color, 1.4);
        if (points.Length > 1) gfx.DrawLines(pen, points);
        var dot = new XSolidBrush(series.Color);
        foreach (var p in points) gfx.DrawEllipse(dot, p.X - 1.8, p.Y - 1.8, 3.6, 3.6);
        gfx.DrawLine(new XPen(XColors.Black, 0.6), plot.Left, plot.Bottom, plot.Right, plot.Bottom);
    }

    private static void DrawLegend(XGraphics gfx, XRect area, IReadOnlyList<ChartSeries> series, XFont font)
    {
        var x = area.Right;
        foreach (var s in series.Reverse())
        {
            var width = gfx.MeasureString(s.Label, font).Width;
            x -= width;
            gfx.DrawString(s.Label, font, XBrushes.Black, new XPoint(x, area.Top + font.Size), XStringFormats.BaseLineLeft);
            x -= 12;
            gfx.DrawRectangle(new XSolidBrush(s.Color), x, area.Top + font.Size - 8, 9, 8);
            x -= 12;
        }
    }

    /// <summary>Shortens a label with "…" until it fits <paramref name="width"/>.</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        var t = text;
        while (t.Length > 1 && gfx.MeasureString(t + "…", font).Width > width) t = t[..^1];
        return t + "…";
    }

    public static string Number(double value) => value.ToString(Math.Abs(value % 1) < 1e-9 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture);
}
