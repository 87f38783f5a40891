using System.Buffers.Binary;

namespace SchoolSafety.Reports;

/// <summary>
/// The characters a TrueType font has glyphs for, read from its <c>cmap</c> table (formats 4
/// and 12, the Windows Unicode subtables). Used to report characters a PDF would print blank.
/// </summary>
public sealed class TrueTypeCoverage
{
    private readonly List<(int Start, int End, int Delta, int RangeOffsetPos, int GlyphBase)> _segments4 = [];
    private readonly List<(int Start, int End, int StartGlyph)> _groups12 = [];
    private readonly byte[] _data;

    public TrueTypeCoverage(byte[] font)
    {
        _data = font;
        var span = font.AsSpan();
        if (font.Length < 12) throw new InvalidDataException("Not a TrueType font: too short.");
        var tag = BinaryPrimitives.ReadUInt32BigEndian(span);
        if (tag == 0x74746366) throw new InvalidDataException("A TrueType collection (.ttc) cannot be used: extract one face to a .ttf first.");
        if (tag != 0x00010000 && tag != 0x74727565) throw new InvalidDataException("Not a TrueType (glyf) font: PDFsharp needs a .ttf with TrueType outlines.");
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        int cmap = -1;
        for (var i = 0; i < numTables; i++)
        {
            var rec = span.Slice(12 + 16 * i, 16);
            if (BinaryPrimitives.ReadUInt32BigEndian(rec) == 0x636D6170) cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(rec[8..]);
        }
        if (cmap < 0) throw new InvalidDataException("The font has no cmap table.");
        var count = U16(cmap + 2);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < count; i++)
        {
            var platform = U16(cmap + 4 + 8 * i);
            var encoding = U16(cmap + 6 + 8 * i);
            var offset = cmap + (int)U32(cmap + 8 + 8 * i);
            var format = U16(offset);
            if (format == 12 && (platform == 3 && encoding == 10 || platform == 0)) format12 = offset;
            if (format == 4 && (platform == 3 && encoding == 1 || platform == 0)) format4 = offset;
        }
        if (format12 >= 0)
        {
            var groups = (int)U32(format12 + 12);
            for (var i = 0; i < groups; i++)
            {
                var g = format12 + 16 + 12 * i;
                _groups12.Add(((int)U32(g), (int)U32(g + 4), (int)U32(g + 8)));
            }
        }
        else if (format4 >= 0)
        {
            var segCount = U16(format4 + 6) / 2;
            var ends = format4 + 14;
            var starts = ends + 2 * segCount + 2;
            var deltas = starts + 2 * segCount;
            var rangeOffsets = deltas + 2 * segCount;
            for (var i = 0; i < segCount; i++)
                _segments4.Add((U16(starts + 2 * i), U16(ends + 2 * i), (short)U16(deltas + 2 * i), rangeOffsets + 2 * i, U16(rangeOffsets + 2 * i)));
        }
        else throw new InvalidDataException("The font has no Unicode cmap (format 4 or 12).");
    }

    private int U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(at));
    private uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(at));

    public bool Has(int codePoint)
    {
        if (_groups12.Count > 0)
        {
            foreach (var (start, end, startGlyph) in _groups12)
                if (codePoint >= start && codePoint <= end) return startGlyph + (codePoint - start) != 0;
            return false;
        }
        if (codePoint > 0xFFFF) return false;
        foreach (var (start, end, delta, rangeOffsetPos, rangeOffset) in _segments4)
        {
            if (codePoint > end || codePoint < start) continue;
            if (rangeOffset == 0) return ((codePoint + delta) & 0xFFFF) != 0;
            var glyph = U16(rangeOffsetPos + rangeOffset + 2 * (codePoint - start));
            return glyph != 0 && ((glyph + delta) & 0xFFFF) != 0;
        }
        return false;
    }

    /// <summary>The distinct characters of <paramref name="text"/> the font cannot draw (whitespace and controls ignored).</summary>
    public IEnumerable<string> Missing(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            int cp;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { cp = char.ConvertToUtf32(text[i], text[i + 1]); i++; }
            else cp = text[i];
            if (cp < 0x20 || char.IsWhiteSpace((char)Math.Min(cp, 0xFFFF)) && cp <= 0xFFFF) continue;
            if (cp is 0xFE0F or 0x200D) continue; // variation selector, joiner: never drawn on their own
            if (!Has(cp)) yield return char.ConvertFromUtf32(cp);
        }
    }
}
