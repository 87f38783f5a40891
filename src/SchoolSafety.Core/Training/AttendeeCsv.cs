using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SchoolSafety.Training;

/// <summary>One attendee line read from a CSV: name, school code, position.</summary>
public sealed record AttendeeLine(int Line, string Name, string? SchoolCode, string? Position);

/// <summary>A line that could not be read, with its number and the message key.</summary>
public sealed record AttendeeLineError(int Line, string MessageKey, string Value);

/// <summary>
/// Reads the attendee list of a county session from CSV (姓名,学校代码,职务; a header line is optional),
/// as exported from the sign-in sheet. Unknown school codes are reported with their line numbers.
/// </summary>
public static class AttendeeCsv
{
    public static (List<AttendeeLine> Lines, List<AttendeeLineError> Errors) Read(string text, IReadOnlySet<string> knownSchoolCodes)
    {
        var lines = new List<AttendeeLine>();
        var errors = new List<AttendeeLineError>();
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, TrimOptions = TrimOptions.Trim, BadDataFound = null, MissingFieldFound = null });
        while (csv.Read())
        {
            var line = csv.Parser.Row;
            var name = csv.GetField(0)?.Trim() ?? "";
            var code = csv.Parser.Count > 1 ? csv.GetField(1)?.Trim().ToUpperInvariant() : null;
            var position = csv.Parser.Count > 2 ? csv.GetField(2)?.Trim() : null;
            if (name.Length == 0 && string.IsNullOrEmpty(code)) continue;
            if (line == 1 && name is "姓名" or "Name" or "name") continue;
            if (name.Length == 0) errors.Add(new(line, "Training.CsvNameMissing", ""));
            else if (name.Length > TrainingAttendee.NameMaxLength) errors.Add(new(line, "Training.CsvNameTooLong", name));
            else if (!string.IsNullOrEmpty(code) && !knownSchoolCodes.Contains(code)) errors.Add(new(line, "Training.CsvUnknownSchool", code));
            else lines.Add(new(line, name, string.IsNullOrEmpty(code) ? null : code, string.IsNullOrEmpty(position) ? null : position));
        }
        return (lines, errors);
    }
}
