using SchoolSafety.Jurisdictions;

namespace SchoolSafety.Inspections;

/// <summary>A school term set by the bureau for its jurisdiction; weeks outside every term expect no inspection.</summary>
public class Term
{
    public int Id { get; set; }
    public int JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public string Name { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }

    /// <summary>A week belongs to the term when any of its school days (Monday to Friday) lies in it.</summary>
    public bool Contains(SchoolWeek week) => week.Monday <= End && week.Monday.AddDays(4) >= Start;

    /// <summary>The term a school is in on a day (or the last one before it): set at its county or any node above it.</summary>
    public static Term? CurrentFor(IEnumerable<Term> terms, string schoolJurisdictionPath, DateOnly day) =>
        terms.Where(t => schoolJurisdictionPath.StartsWith(t.Jurisdiction!.Path, StringComparison.Ordinal) && t.Start <= day)
            .OrderBy(t => t.Start).LastOrDefault();

    /// <summary>The weeks of the term, in order.</summary>
    public IEnumerable<SchoolWeek> Weeks()
    {
        for (var week = SchoolWeek.Of(Start); week.Monday <= End; week = week.Next())
            if (Contains(week)) yield return week;
    }
}
