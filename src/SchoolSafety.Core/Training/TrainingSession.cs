using SchoolSafety.Common;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Training;

public enum TrainingLevel
{
    County = 1,  // 县级培训：教体局组织，各校分管领导、安全主任参加
    School = 2,  // 校级培训：学校组织的全员培训等
}

/// <summary>
/// A training session (培训). County sessions belong to a jurisdiction and list their attendees by name
/// and school; school sessions belong to one school and record how many staff took part.
/// </summary>
public class TrainingSession : IConcurrencyVersioned
{
    public const int TitleMaxLength = 100;
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public TrainingLevel Level { get; set; }
    public int? JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string Venue { get; set; } = "";

    /// <summary>Speakers and their topics, one per line: "县检察院 张检察官：预防校园欺凌和性侵害".</summary>
    public string Speakers { get; set; } = "";

    /// <summary>For a school session: how many took part. For a county session: the number of attendees listed.</summary>
    public int AttendeeCount { get; set; }
    public List<TrainingAttendee> Attendees { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public byte[] RowVersion { get; set; } = [];
}

/// <summary>One person at a county session: who, from which school, in what position.</summary>
public class TrainingAttendee
{
    public const int NameMaxLength = 50;

    public int Id { get; set; }
    public int SessionId { get; set; }
    public string Name { get; set; } = "";
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public string? UserId { get; set; }
    public string? Position { get; set; }
}
