namespace SchoolSafety.Auditing;

public enum AuditAction
{
    Added = 1,
    Modified = 2,
    Deleted = 3,

    /// <summary>A file was downloaded: an export, a report, an attachment (see <see cref="DownloadAudit"/>).</summary>
    Download = 4,
}

/// <summary>
/// One changed entity in one save (痕迹管理). Written by <see cref="AuditSaveChangesInterceptor"/> in
/// the same transaction as the change; never updated or deleted by the application.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public int? SchoolId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON object: property name → { "Old": …, "New": … }. Secrets are masked.</summary>
    public string Changes { get; set; } = "{}";
}
