using SchoolSafety.Common;
using SchoolSafety.Schools;

namespace SchoolSafety.Files;

/// <summary>
/// A photo or document kept by <see cref="FileStorage"/>. The name on disk is never the user's;
/// the file is served only through an authorized action that checks its school.
/// </summary>
public class StoredFile : ISchoolOwned
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public string ContentType { get; set; } = "";
    public long Length { get; set; }

    /// <summary>Path below the storage root, e.g. <c>2026/11/3f2c….jpg</c>.</summary>
    public string StorageKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }

    /// <summary>Set when the file is a photo of an inspection result (the hazard as found).</summary>
    public int? InspectionResultId { get; set; }

    /// <summary>Set when the file is evidence of a ticket's rectification (the hazard as fixed).</summary>
    public int? HazardTicketId { get; set; }

    /// <summary>Set when the file is a photo of a drill.</summary>
    public int? DrillId { get; set; }
}
