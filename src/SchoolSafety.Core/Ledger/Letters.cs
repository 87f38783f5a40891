using SchoolSafety.Common;
using SchoolSafety.Files;
using SchoolSafety.Schools;

namespace SchoolSafety.Ledger;

/// <summary>The two levels at which safety responsibility letters are signed each year (层层签订责任书).</summary>
public enum LetterLevel
{
    /// <summary>County bureau ↔ school, signed by the principal (县教体局与学校).</summary>
    CountyToSchool = 1,

    /// <summary>School ↔ its staff and classes (学校与教职工、班级): a count signed out of how many.</summary>
    SchoolToStaff = 2,
}

/// <summary>
/// The responsibility letter of one school, one year and one level. Recorded once and corrected
/// in place (e.g. when the last staff have signed), so it carries a row version.
/// </summary>
public class ResponsibilityLetter : ISchoolOwned, IConcurrencyVersioned
{
    public const int PersonMaxLength = 50;
    public const int NoteMaxLength = 200;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public int Year { get; set; }
    public LetterLevel Level { get; set; }
    public DateOnly SignedOn { get; set; }

    /// <summary>County level: the principal who signed.</summary>
    public string? SignerName { get; set; }

    /// <summary>School level: how many staff and classes signed, out of how many.</summary>
    public int? SignedCount { get; set; }
    public int? TotalCount { get; set; }
    public Guid? ScanFileId { get; set; }
    public StoredFile? ScanFile { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedById { get; set; }
    public string RecordedByName { get; set; } = "";
    public byte[] RowVersion { get; set; } = [];

    /// <summary>Signed in full: the county letter once recorded, the school letter when everyone has signed.</summary>
    public bool IsComplete => Level == LetterLevel.CountyToSchool || SignedCount >= TotalCount;

    public void Apply(LetterInput input)
    {
        SignedOn = input.SignedOn!.Value;
        Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (Level == LetterLevel.CountyToSchool)
        {
            SignerName = input.SignerName!.Trim();
        }
        else
        {
            SignedCount = input.SignedCount;
            TotalCount = input.TotalCount;
        }
    }
}

/// <summary>The letter form of one level; the scan comes as a file beside it.</summary>
public sealed class LetterInput
{
    public DateOnly? SignedOn { get; set; }
    public string? SignerName { get; set; }
    public int? SignedCount { get; set; }
    public int? TotalCount { get; set; }
    public string? Note { get; set; }
    public string? RowVersion { get; set; }
}

public static class LetterRules
{
    /// <summary>The years a letter can be recorded for: from 2000 to next year (signed in December for the year ahead).</summary>
    public static bool IsValidYear(int year, DateOnly today) => year >= 2000 && year <= today.Year + 1;

    /// <summary>What is wrong with a letter: field name → message key. <paramref name="hasScan"/>: a new file or one already stored.</summary>
    public static IReadOnlyDictionary<string, string> Validate(LetterLevel level, LetterInput input, bool hasScan, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (input.SignedOn is not { } signed) errors[nameof(input.SignedOn)] = "Letter.SignedOnRequired";
        else if (signed > today) errors[nameof(input.SignedOn)] = "Letter.SignedOnFuture";
        if (level == LetterLevel.CountyToSchool)
        {
            if (string.IsNullOrWhiteSpace(input.SignerName)) errors[nameof(input.SignerName)] = "Letter.SignerRequired";
            if (!hasScan) errors["Scan"] = "Letter.ScanRequired";
        }
        else
        {
            if (input.TotalCount is not { } total) errors[nameof(input.TotalCount)] = "Letter.TotalRequired";
            else if (total < 1) errors[nameof(input.TotalCount)] = "Letter.TotalPositive";
            if (input.SignedCount is not { } count) errors[nameof(input.SignedCount)] = "Letter.SignedCountRequired";
            else if (count < 0) errors[nameof(input.SignedCount)] = "Letter.SignedCountNegative";
            else if (input.TotalCount is { } t && count > t) errors[nameof(input.SignedCount)] = "Letter.SignedAboveTotal";
        }
        return errors;
    }
}
