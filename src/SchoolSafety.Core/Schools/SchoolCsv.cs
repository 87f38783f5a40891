using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SchoolSafety.Schools;

/// <summary>One problem of an import file: its line, the column, and a message key with arguments.</summary>
public sealed record CsvRowError(int Line, string Column, string MessageKey, params object[] Args);

/// <summary>One valid row of an import file, ready to create or update a school.</summary>
public sealed record SchoolCsvRow(
    int Line, string Code, string Name, SchoolType Type, string CountyCode, string Township, string? Address,
    int Students, int BoardingStudents, int Staff, int TallestBuildingFloors,
    string? PrincipalName, string? PrincipalPhone, string? SafetyContactName, string? SafetyContactPhone);

public sealed record SchoolCsvParseResult(IReadOnlyList<SchoolCsvRow> Rows, IReadOnlyList<CsvRowError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Rows.Count > 0;
}

/// <summary>
/// The school list as CSV (UTF-8, Chinese headers, the format the bureau's spreadsheets use).
/// Import is all or nothing: <see cref="Parse"/> reports every bad row with its line number and
/// the caller imports only when there is none.
/// </summary>
public static class SchoolCsv
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "学校代码", "学校名称", "类型", "区县代码", "乡镇", "地址", "学生数", "住校生数", "教职工数",
        "最高楼层", "校长", "校长电话", "安全负责人", "安全负责人电话",
    ];

    /// <summary>Chinese names of the types as written in the file; the English enum names are accepted too.</summary>
    public static readonly IReadOnlyDictionary<SchoolType, string> TypeNames = new Dictionary<SchoolType, string>
    {
        [SchoolType.Kindergarten] = "幼儿园",
        [SchoolType.Primary] = "小学",
        [SchoolType.Junior] = "初中",
        [SchoolType.NineYear] = "九年一贯制",
        [SchoolType.Senior] = "高中",
        [SchoolType.Complete] = "完全中学",
        [SchoolType.Vocational] = "职业学校",
        [SchoolType.Special] = "特殊教育",
    };

    public const int MaxRows = 5000;

    private static CsvConfiguration Config => new(CultureInfo.InvariantCulture)
    {
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
        BadDataFound = null,
        DetectDelimiter = false,
    };

    /// <param name="text">The file's text.</param>
    /// <param name="countyCodes">Codes of the counties the importing user may add schools to.</param>
    public static SchoolCsvParseResult Parse(string text, IReadOnlySet<string> countyCodes)
    {
        var rows = new List<SchoolCsvRow>();
        var errors = new List<CsvRowError>();
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), Config);

        if (!csv.Read() || !csv.ReadHeader())
        {
            errors.Add(new CsvRowError(1, "", "Csv.Empty"));
            return new(rows, errors);
        }
        var missing = Headers.Take(10).Where(h => !csv.HeaderRecord!.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new CsvRowError(1, string.Join("、", missing), "Csv.MissingColumns", string.Join("、", missing)));
            return new(rows, errors);
        }

        var seenCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            if (csv.Parser.Record!.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new CsvRowError(line, "", "Csv.TooManyRows", MaxRows));
                break;
            }
            var rowErrors = new List<CsvRowError>();
            string Text(string column, int max, bool required)
            {
                var value = csv.GetField(column)?.Trim() ?? "";
                if (required && value.Length == 0) rowErrors.Add(new(line, column, "Csv.Required"));
                else if (value.Length > max) rowErrors.Add(new(line, column, "Csv.TooLong", max));
                return value;
            }
            int Number(string column, int max)
            {
                var value = csv.GetField(column)?.Trim() ?? "";
                if (value.Length == 0) return 0;
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > max)
                {
                    rowErrors.Add(new(line, column, "Csv.BadNumber", value, max));
                    return 0;
                }
                return n;
            }

            var code = School.NormalizeCode(Text("学校代码", School.CodeMaxLength, true));
            var name = Text("学校名称", School.NameMaxLength, true);
            var typeText = Text("类型", 20, true);
            SchoolType? type = TypeNames.FirstOrDefault(t => t.Value == typeText).Value is not null
                ? TypeNames.First(t => t.Value == typeText).Key
                : Enum.TryParse<SchoolType>(typeText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(typeText, out _)
                    ? parsed : null;
            if (type is null && typeText.Length > 0)
                rowErrors.Add(new(line, "类型", "Csv.BadType", typeText, string.Join("、", TypeNames.Values)));
            var county = Text("区县代码", 12, true);
            if (county.Length > 0 && !countyCodes.Contains(county))
                rowErrors.Add(new(line, "区县代码", "Csv.UnknownCounty", county));
            var township = Text("乡镇", School.TownshipMaxLength, true);
            var address = Text("地址", School.AddressMaxLength, false);
            var students = Number("学生数", 100_000);
            var boarding = Number("住校生数", 100_000);
            var staff = Number("教职工数", 10_000);
            var floors = Number("最高楼层", 60);
            if (boarding > students)
                rowErrors.Add(new(line, "住校生数", "Csv.BoardingExceedsStudents", boarding, students));
            var principal = Text("校长", School.PersonMaxLength, false);
            var principalPhone = Text("校长电话", School.PhoneMaxLength, false);
            var contact = Text("安全负责人", School.PersonMaxLength, false);
            var contactPhone = Text("安全负责人电话", School.PhoneMaxLength, false);

            if (code.Length > 0)
            {
                if (seenCodes.TryGetValue(code, out var firstLine))
                    rowErrors.Add(new(line, "学校代码", "Csv.DuplicateCode", code, firstLine));
                else
                    seenCodes[code] = line;
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }
            rows.Add(new SchoolCsvRow(line, code, name, type!.Value, county, township, NullIfEmpty(address),
                students, boarding, staff, floors,
                NullIfEmpty(principal), NullIfEmpty(principalPhone), NullIfEmpty(contact), NullIfEmpty(contactPhone)));
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new CsvRowError(1, "", "Csv.Empty"));
        return new(rows, errors);
    }

    public static string Write(IEnumerable<School> schools)
    {
        var text = new StringWriter();
        using var csv = new CsvWriter(text, Config);
        foreach (var header in Headers) csv.WriteField(header);
        csv.NextRecord();
        foreach (var s in schools)
        {
            csv.WriteField(s.Code);
            csv.WriteField(s.Name);
            csv.WriteField(TypeNames[s.Type]);
            csv.WriteField(s.Jurisdiction?.Code ?? "");
            csv.WriteField(s.Township);
            csv.WriteField(s.Address ?? "");
            csv.WriteField(s.Students);
            csv.WriteField(s.BoardingStudents);
            csv.WriteField(s.Staff);
            csv.WriteField(s.TallestBuildingFloors);
            csv.WriteField(s.PrincipalName ?? "");
            csv.WriteField(s.PrincipalPhone ?? "");
            csv.WriteField(s.SafetyContactName ?? "");
            csv.WriteField(s.SafetyContactPhone ?? "");
            csv.NextRecord();
        }
        csv.Flush();
        return text.ToString();
    }

    /// <summary>UTF-8 with a byte-order mark, so spreadsheet programs open the Chinese text correctly.</summary>
    public static byte[] ToFileBytes(string csvText) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csvText)];

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
