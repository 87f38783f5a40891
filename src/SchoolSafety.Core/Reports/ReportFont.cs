using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace SchoolSafety.Reports;

/// <summary>Where the report font comes from: <c>Reports:FontPath</c>, else the font shipped with the app.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>A TrueType (.ttf, glyf outlines) font the county prefers, e.g. 仿宋 or 黑体; empty for the shipped WenQuanYi Micro Hei.</summary>
    public string? FontPath { get; set; }
}

/// <summary>
/// The one font a report is drawn with, and which characters it can draw. Loaded once per path;
/// registered with PDFsharp's global font resolver under a family name of its own.
/// </summary>
public sealed class ReportFont
{
    public const string ShippedFileName = "wqy-microhei.ttf";

    private static readonly ConcurrentDictionary<string, ReportFont> Loaded = new(StringComparer.Ordinal);

    private ReportFont(string familyName, string path, byte[] bytes)
    {
        FamilyName = familyName;
        Path = path;
        Bytes = bytes;
        Coverage = new TrueTypeCoverage(bytes);
    }

    /// <summary>The family name PDFsharp asks the resolver for (unique per file).</summary>
    public string FamilyName { get; }
    public string Path { get; }
    internal byte[] Bytes { get; }
    public TrueTypeCoverage Coverage { get; }

    /// <summary>The shipped font, next to the app (copied to the output by SchoolSafety.Core's project file).</summary>
    public static string ShippedPath => System.IO.Path.Combine(AppContext.BaseDirectory, "Fonts", ShippedFileName);

    public static ReportFont Shipped => Load(null);

    /// <summary>The configured font, or the shipped one when <paramref name="path"/> is empty. Throws when the file is missing or not a usable .ttf.</summary>
    public static ReportFont Load(string? path)
    {
        var full = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? ShippedPath : path);
        return Loaded.GetOrAdd(full, p =>
        {
            if (!File.Exists(p)) throw new FileNotFoundException($"Report font not found: {p} (set Reports:FontPath to a .ttf file).", p);
            var font = new ReportFont("SchoolSafetyReport" + Loaded.Count + "_" + System.IO.Path.GetFileNameWithoutExtension(p), p, File.ReadAllBytes(p));
            ReportFontResolver.Register(font);
            return font;
        });
    }
}

/// <summary>
/// PDFsharp's font resolver (a process-wide setting): serves the report fonts by family name.
/// There is one face per file; bold is simulated.
/// </summary>
public sealed class ReportFontResolver : IFontResolver
{
    private static readonly ReportFontResolver Instance = new();
    private static readonly object Gate = new();
    private readonly ConcurrentDictionary<string, ReportFont> _fonts = new(StringComparer.OrdinalIgnoreCase);

    internal static void Register(ReportFont font)
    {
        Instance._fonts[font.FamilyName] = font;
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _fonts.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => _fonts.TryGetValue(faceName, out var font) ? font.Bytes : null;
}

/// <summary>The report font of this app (a singleton): <c>Reports:FontPath</c> or the shipped one, loaded on first use.</summary>
public sealed class ReportFonts(ReportOptions options)
{
    private readonly Lazy<ReportFont> _font = new(() => ReportFont.Load(options.FontPath));
    public ReportFont Font => _font.Value;
}
