using System.IO.Compression;

namespace SchoolSafety.Files;

/// <summary>
/// Recognises the office documents a school keeps in its ledger by their first bytes, never by the
/// file name: PDF (<c>%PDF-</c>), Word 2007+ (a ZIP package holding <c>word/</c>) and Word 97-2003
/// (an OLE compound file holding a <c>WordDocument</c> stream). Other ZIP or OLE files (spreadsheets,
/// archives) are not Word documents and are refused.
/// </summary>
public static class DocumentTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Doc = "application/msword";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The content type and extension of a PDF or Word file, or (null, null).</summary>
    public static (string? ContentType, string? Extension) Recognise(byte[] data)
    {
        if (data.AsSpan().StartsWith(PdfMagic)) return (Pdf, ".pdf");
        if (data.AsSpan().StartsWith(ZipMagic) && IsWordPackage(data)) return (Docx, ".docx");
        if (data.AsSpan().StartsWith(OleMagic) && HasWordStream(data)) return (Doc, ".doc");
        return (null, null);
    }

    private static bool IsWordPackage(byte[] data)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data), ZipArchiveMode.Read);
            return zip.Entries.Any(e => e.FullName == "[Content_Types].xml")
                   && zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>OLE directory entries name their streams in UTF-16: a Word file has one called WordDocument.</summary>
    private static bool HasWordStream(byte[] data) =>
        data.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes("WordDocument")) >= 0;
}
