using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Tests.Domain;

public class SchoolCsvTests
{
    private static readonly IReadOnlySet<string> Counties = new HashSet<string> { "530427" };
    private static readonly string Header = string.Join(",", SchoolCsv.Headers);

    [Fact]
    public void A_valid_file_becomes_rows_with_types_and_numbers()
    {
        var result = SchoolCsv.Parse("\uFEFF" + Header + "\n\"XP1\",\"扬武镇中心小学\",小学,530427,扬武镇,\"扬武镇, 中街\",860,210,52,4,李华,13900000000,,\n\n", Counties);
        Assert.True(result.IsValid);
        var row = Assert.Single(result.Rows);
        Assert.Equal((2, "XP1", SchoolType.Primary, "扬武镇, 中街", 860, 210, 52, 4), (row.Line, row.Code, row.Type, row.Address, row.Students, row.BoardingStudents, row.Staff, row.TallestBuildingFloors));
        Assert.Null(row.SafetyContactName);
    }

    [Fact]
    public void English_type_names_are_accepted_but_numbers_are_not()
    {
        var result = SchoolCsv.Parse(Header + "\nA1,甲,Kindergarten,530427,x,,1,0,1,1,,,,\nA2,乙,2,530427,x,,1,0,1,1,,,,", Counties);
        Assert.Equal(SchoolType.Kindergarten, result.Rows.Single().Type);
        Assert.Equal(("Csv.BadType", 3), (result.Errors.Single().MessageKey, result.Errors.Single().Line));
    }

    [Fact]
    public void Missing_columns_are_named()
    {
        var result = SchoolCsv.Parse("学校代码,学校名称\nA,B", Counties);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Csv.MissingColumns", error.MessageKey);
        Assert.Contains("类型", (string)error.Args[0]);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void An_empty_file_is_an_error_not_an_empty_import()
    {
        Assert.Equal("Csv.Empty", SchoolCsv.Parse("", Counties).Errors.Single().MessageKey);
        Assert.Equal("Csv.Empty", SchoolCsv.Parse(Header + "\n", Counties).Errors.Single().MessageKey);
    }

    [Fact]
    public void A_field_longer_than_the_column_allows_is_reported()
    {
        var longName = new string('校', School.NameMaxLength + 1);
        var error = SchoolCsv.Parse($"{Header}\nA1,{longName},小学,530427,x,,1,0,1,1,,,,", Counties).Errors.Single();
        Assert.Equal(("学校名称", "Csv.TooLong"), (error.Column, error.MessageKey));
    }

    [Fact]
    public void Export_and_import_round_trip()
    {
        var county = Jurisdiction.Create("530427", "新平县", JurisdictionLevel.County, null);
        var school = new School
        {
            Code = "XP004", Name = "新平县第四小学", Type = SchoolType.Primary, Jurisdiction = county, Township = "桂山街道",
            Address = "桂山街道, \"东\"路", Students = 2160, BoardingStudents = 0, Staff = 120, TallestBuildingFloors = 5, PrincipalName = "王",
        };
        var row = SchoolCsv.Parse(SchoolCsv.Write([school]), Counties).Rows.Single();
        Assert.Equal((school.Code, school.Name, school.Type, school.Address, school.Students, school.PrincipalName),
            (row.Code, row.Name, row.Type, row.Address, row.Students, row.PrincipalName));
    }
}
