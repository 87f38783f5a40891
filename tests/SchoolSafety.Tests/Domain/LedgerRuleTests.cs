using System.IO.Compression;
using Microsoft.Extensions.Time.Testing;
using SchoolSafety.Demo;
using SchoolSafety.Files;
using SchoolSafety.Ledger;
using static SchoolSafety.Ledger.SurroundingsRecurrence;

namespace SchoolSafety.Tests.Domain;

public class SurroundingsRecurrenceTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    [Fact]
    public void The_first_problem_of_its_kind_at_a_school_does_not_recur_and_the_next_within_12_months_does()
    {
        var recurring = Recurring([new(1, 4, SurroundingsKind.TrafficCongestion, Day), new(2, 4, SurroundingsKind.TrafficCongestion, Day.AddMonths(5))]);
        Assert.Equal([2], recurring);
    }

    [Fact]
    public void Twelve_months_to_the_day_still_counts_one_day_more_does_not()
    {
        Assert.Single(Recurring([new(1, 4, SurroundingsKind.InternetCafe, Day), new(2, 4, SurroundingsKind.InternetCafe, Day.AddMonths(12))]));
        Assert.Empty(Recurring([new(1, 4, SurroundingsKind.InternetCafe, Day), new(2, 4, SurroundingsKind.InternetCafe, Day.AddMonths(12).AddDays(1))]));
    }

    [Fact]
    public void Another_school_or_another_kind_is_not_a_recurrence()
    {
        Assert.Empty(Recurring([
            new(1, 4, SurroundingsKind.UnlicensedVendors, Day),
            new(2, 5, SurroundingsKind.UnlicensedVendors, Day.AddDays(10)),
            new(3, 4, SurroundingsKind.ParentParking, Day.AddDays(20)),
        ]));
    }

    [Fact]
    public void Each_later_problem_is_measured_from_the_one_before_it_whatever_the_order_given()
    {
        // 0, +11 months, +22 months: each within 12 months of the previous one, so both later ones recur.
        var recurring = Recurring([
            new(3, 4, SurroundingsKind.Harassment, Day.AddMonths(22)),
            new(1, 4, SurroundingsKind.Harassment, Day),
            new(2, 4, SurroundingsKind.Harassment, Day.AddMonths(11)),
        ]);
        Assert.Equal([2, 3], recurring.Order());
    }

    [Fact]
    public void Two_problems_recorded_the_same_day_count_once_as_a_recurrence()
    {
        Assert.Equal([8], Recurring([new(8, 4, SurroundingsKind.Other, Day), new(7, 4, SurroundingsKind.Other, Day)]));
    }
}

public class LetterRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void A_school_letter_needs_counts_and_the_signed_count_cannot_exceed_the_total()
    {
        var errors = LetterRules.Validate(LetterLevel.SchoolToStaff, new LetterInput { SignedOn = Today, SignedCount = 53, TotalCount = 52 }, false, Today);
        Assert.Equal("Letter.SignedAboveTotal", Assert.Single(errors).Value);
        Assert.Empty(LetterRules.Validate(LetterLevel.SchoolToStaff, new LetterInput { SignedOn = Today, SignedCount = 52, TotalCount = 52 }, false, Today));
        var missing = LetterRules.Validate(LetterLevel.SchoolToStaff, new LetterInput { SignedOn = Today }, false, Today);
        Assert.Equal(("Letter.SignedCountRequired", "Letter.TotalRequired"), (missing["SignedCount"], missing["TotalCount"]));
        Assert.Equal("Letter.TotalPositive", LetterRules.Validate(LetterLevel.SchoolToStaff, new LetterInput { SignedOn = Today, SignedCount = 0, TotalCount = 0 }, false, Today)["TotalCount"]);
    }

    [Fact]
    public void A_county_letter_needs_the_principal_a_scan_and_a_date_not_in_the_future()
    {
        var errors = LetterRules.Validate(LetterLevel.CountyToSchool, new LetterInput { SignedOn = Today.AddDays(1), SignerName = " " }, false, Today);
        Assert.Equal("Letter.SignedOnFuture", errors["SignedOn"]);
        Assert.Equal("Letter.SignerRequired", errors["SignerName"]);
        Assert.Equal("Letter.ScanRequired", errors["Scan"]);
        Assert.Empty(LetterRules.Validate(LetterLevel.CountyToSchool, new LetterInput { SignedOn = Today, SignerName = "李校长" }, true, Today));
    }

    [Fact]
    public void Only_a_complete_school_letter_counts_as_signed()
    {
        Assert.False(new ResponsibilityLetter { Level = LetterLevel.SchoolToStaff, SignedCount = 50, TotalCount = 52 }.IsComplete);
        Assert.True(new ResponsibilityLetter { Level = LetterLevel.SchoolToStaff, SignedCount = 52, TotalCount = 52 }.IsComplete);
        Assert.True(new ResponsibilityLetter { Level = LetterLevel.CountyToSchool }.IsComplete);
    }

    [Fact]
    public void Letters_can_be_kept_from_2000_to_next_year()
    {
        Assert.True(LetterRules.IsValidYear(2027, Today));
        Assert.False(LetterRules.IsValidYear(2028, Today));
        Assert.False(LetterRules.IsValidYear(1999, Today));
    }
}

public class DocumentRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void An_upload_needs_an_active_type_a_past_effective_date_and_a_file()
    {
        var errors = DocumentRules.Validate(new NewDocumentVersion { DocumentTypeId = 3, EffectiveOn = Today.AddDays(1) }, typeIsActive: false, hasFile: false, Today);
        Assert.Equal(("Document.TypeInvalid", "Document.EffectiveOnFuture", "Document.FileRequired"), (errors["DocumentTypeId"], errors["EffectiveOn"], errors["File"]));
        Assert.Empty(DocumentRules.Validate(new NewDocumentVersion { DocumentTypeId = 3, EffectiveOn = Today }, true, true, Today));
    }

    [Fact]
    public void The_current_version_has_the_latest_effective_date_whatever_the_upload_order()
    {
        var old = new SafetyDocument { Id = 1, EffectiveOn = new DateOnly(2024, 9, 1), UploadedAt = new DateTime(2026, 5, 1) };
        var revised = new SafetyDocument { Id = 2, EffectiveOn = new DateOnly(2026, 3, 1), UploadedAt = new DateTime(2026, 3, 1) };
        Assert.Same(revised, DocumentRules.Current([old, revised]));
        Assert.Null(DocumentRules.Current([]));
    }
}

public class DocumentStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"schoolsafety-docs-{Guid.NewGuid():N}");
    private readonly FileStorage _storage;

    public DocumentStorageTests() =>
        _storage = new FileStorage(new FileStorageOptions { Root = _root, MaxBytes = 64 * 1024 }, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero)));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>A ZIP package with the given entries, as Word and Excel write them.</summary>
    internal static byte[] Package(params string[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(entry).Open())) writer.Write("<x/>");
        return buffer.ToArray();
    }

    /// <summary>The start of a Word 97-2003 file: the OLE signature, then (in the directory) the stream name in UTF-16.</summary>
    internal static byte[] OleWithStream(string stream) =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. System.Text.Encoding.Unicode.GetBytes(stream), .. new byte[64]];

    public static TheoryData<string, byte[], string, string> Documents => new()
    {
        { "pdf", DemoLedger.MinimalPdf("test"), DocumentTypes.Pdf, ".pdf" },
        { "docx", Package("[Content_Types].xml", "word/document.xml"), DocumentTypes.Docx, ".docx" },
        { "doc", OleWithStream("WordDocument"), DocumentTypes.Doc, ".doc" },
        { "png", Web.InspectionTests.Png, "image/png", ".png" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task PDF_Word_and_images_are_recognised_by_their_bytes(string name, byte[] bytes, string type, string extension)
    {
        var file = await _storage.SaveDocumentAsync(new MemoryStream(bytes), bytes.Length, $"安全管理方案制度.{name}", 4, "u1");
        Assert.Equal(type, file.ContentType);
        Assert.EndsWith(extension, file.StorageKey);
        Assert.Equal("安全管理方案制度" + extension, file.FileName);
        await using var stored = _storage.Open(file);
        var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    public static TheoryData<string, byte[]> NotDocuments => new()
    {
        { "text renamed .pdf", "<html>not a document</html>"u8.ToArray() },
        { "spreadsheet renamed .docx", Package("[Content_Types].xml", "xl/workbook.xml") },
        { "zip archive renamed .docx", Package("readme.txt") },
        { "Excel 97 renamed .doc", OleWithStream("Workbook") },
    };

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public async Task Files_of_another_type_are_refused_whatever_their_name(string what, byte[] bytes)
    {
        _ = what;
        var refused = await Assert.ThrowsAsync<FileRejectedException>(() => _storage.SaveDocumentAsync(new MemoryStream(bytes), bytes.Length, "制度.pdf", 4, null));
        Assert.Equal("Document.FileTypeInvalid", refused.MessageKey);
        Assert.False(Directory.Exists(_root) && Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task An_oversized_document_is_refused_with_its_own_message()
    {
        var big = new byte[100 * 1024];
        Assert.Equal("Document.FileTooLarge", (await Assert.ThrowsAsync<FileRejectedException>(() => _storage.SaveDocumentAsync(new MemoryStream(big), big.Length, "a.pdf", 4, null))).MessageKey);
    }

    [Fact]
    public async Task The_kept_name_has_no_folders_or_quotes_and_takes_the_real_extension()
    {
        var pdf = DemoLedger.MinimalPdf("x");
        var file = await _storage.SaveDocumentAsync(new MemoryStream(pdf), pdf.Length, "..\\..\\evil\"name;.exe", 4, null);
        Assert.Equal("evilname.pdf", file.FileName);
        Assert.DoesNotContain("evil", file.StorageKey);
    }
}
