using System.Globalization;
using System.Text;

namespace SchoolSafety.Reports;

/// <summary>
/// Breaks Chinese (and mixed Chinese/Latin) text into lines that fit a width. PDFsharp's own
/// formatter breaks only at spaces, which leaves a Chinese paragraph as one endless line.
/// Rules: a line may break between any two CJK characters and at spaces; runs of Latin letters,
/// digits and their punctuation ("2.5", "XP004-2026-0007", "90%") stay whole; a closing mark
/// (，。、；：！？）」』》 …) never starts a line — it goes with the character before it; an opening
/// mark (（「『《“ …) never ends a line — it goes with the character after it. A unit wider
/// than the whole line (a very long number or URL) is cut by characters as a last resort.
/// </summary>
public static class CjkLineBreaker
{
    /// <summary>Marks that must not start a line (行首禁则).</summary>
    public const string ClosingMarks = "，。、；：！？）」』》】〕〉”’…—·%‰℃,.;:!?)]}>";

    /// <summary>Marks that must not end a line (行尾禁则).</summary>
    public const string OpeningMarks = "（「『《【〔〈“‘([{<";

    public static bool IsClosing(string atom) => atom.Length > 0 && ClosingMarks.Contains(atom[0]);
    public static bool IsOpening(string atom) => atom.Length > 0 && OpeningMarks.Contains(atom[^1]);

    /// <summary>Breaks <paramref name="text"/>; explicit line feeds always break.</summary>
    /// <param name="measure">Width of a string in the unit of the widths (points for PDF).</param>
    /// <param name="firstLineWidth">Width of the first line of each paragraph (smaller when indented).</param>
    /// <param name="width">Width of the other lines.</param>
    public static List<string> Break(string text, Func<string, double> measure, double firstLineWidth, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
            BreakParagraph(paragraph, measure, firstLineWidth, width, lines);
        return lines;
    }

    public static List<string> Break(string text, Func<string, double> measure, double width) => Break(text, measure, width, width);

    /// <summary>
    /// The unbreakable units of a text: one CJK character with any closing marks after it and
    /// any opening marks before it; a Latin/digit run; a single space.
    /// </summary>
    public static List<string> Units(string text)
    {
        var atoms = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        var word = new StringBuilder();
        void FlushWord() { if (word.Length > 0) { atoms.Add(word.ToString()); word.Clear(); } }
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            var c = element[0];
            if (char.IsWhiteSpace(c)) { FlushWord(); atoms.Add(" "); }
            else if (IsWordChar(c) && !(ClosingMarks.Contains(c) && word.Length == 0) && !OpeningMarks.Contains(c)) word.Append(element);
            else if (ClosingMarks.Contains(c) && word.Length > 0 && c < 0x80) word.Append(element); // "hello," "2.5" stay whole
            else { FlushWord(); atoms.Add(element); }
        }
        FlushWord();

        // Glue: closing marks to the unit before, opening marks to the unit after.
        var units = new List<string>();
        string? pendingOpen = null;
        foreach (var atom in atoms)
        {
            if (atom.Length == 1 && OpeningMarks.Contains(atom[0]))
            {
                pendingOpen = (pendingOpen ?? "") + atom;
                continue;
            }
            if (IsClosing(atom) && pendingOpen is null && units.Count > 0 && units[^1] != " ")
            {
                units[^1] += atom;
                continue;
            }
            units.Add((pendingOpen ?? "") + atom);
            pendingOpen = null;
        }
        if (pendingOpen is not null)
        {
            if (units.Count > 0 && units[^1] != " ") units[^1] += pendingOpen; else units.Add(pendingOpen);
        }
        return units;
    }

    private static bool IsWordChar(char c) =>
        c < 0x80 ? !char.IsWhiteSpace(c) : char.IsLetterOrDigit(c) && !IsCjk(c);

    private static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF'
        || char.IsSurrogate(c);

    private static void BreakParagraph(string paragraph, Func<string, double> measure, double firstLineWidth, double width, List<string> lines)
    {
        var line = new StringBuilder();
        var limit = firstLineWidth;
        var startCount = lines.Count;
        void Push()
        {
            lines.Add(line.ToString().TrimEnd());
            line.Clear();
            limit = width;
        }
        foreach (var unit in Units(paragraph))
        {
            if (unit == " " && line.Length == 0) continue;
            if (measure(line + unit) <= limit) { line.Append(unit); continue; }
            if (unit == " ") { Push(); continue; }
            if (line.Length > 0) Push();
            if (measure(unit) <= limit) { line.Append(unit); continue; }
            // Wider than a whole line: cut by characters (keeping surrogate pairs together).
            var e = StringInfo.GetTextElementEnumerator(unit);
            while (e.MoveNext())
            {
                var element = e.GetTextElement();
                if (line.Length > 0 && measure(line + element) > limit && !(element.Length == 1 && ClosingMarks.Contains(element[0]))) Push();
                line.Append(element);
            }
        }
        if (line.Length > 0 || lines.Count == startCount) lines.Add(line.ToString().TrimEnd());
    }
}
