using SchoolSafety.Common;
using SchoolSafety.Schools;

namespace SchoolSafety.Files;

/// <summary>
/// A photo or document kept by <see cref="FileStorage"/>. The name on disk is never the user's;
/// the file is served only through an authorized action that checks its school.
/// </summary>
public class StoredFile : ISchoolOwned
{
    public const int ContentTypeMaxLength = 100;
    public const int FileNameMaxLength = 120;

    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public string ContentType { get; set; } = "";
    public long Length { get; set; }

    /// <summary>Path below the storage root, e.g. <c>2026/11/3f2c….jpg</c>.</summary>
    public string StorageKey { get; set; } = "";
    /// <summary>The name of the user's file (documents only), cleaned; it names the download and is never used on disk.</summary>
    public string? FileName { get; set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }

    /// <summary>Set when the file is a photo of an inspection result (the hazard as found).</summary>
    public int? InspectionResultId { get; set; }

    /// <summary>Set when the file is evidence of a ticket's rectification (the hazard as fixed).</summary>
    public int? HazardTicketId { get; set; }

    /// <summary>Set when the file is a photo of a drill.</summary>
    public int? DrillId { get; set; }
}
