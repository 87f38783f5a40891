using SchoolSafety.Schools;

namespace SchoolSafety.Common;

/// <summary>A record that belongs to one school: scoping and auditing read the school from here.</summary>
public interface ISchoolOwned
{
    int SchoolId { get; }
    School? School { get; }
}
