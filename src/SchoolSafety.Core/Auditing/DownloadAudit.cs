using System.Text.Encodings.Web;
using System.Text.Json;
using SchoolSafety.Data;

namespace SchoolSafety.Auditing;

/// <summary>
/// Records that someone downloaded something (an export, a PDF report, a stored file): one <see cref="AuditEntry"/>
/// with <see cref="AuditAction.Download"/>, the kind as <see cref="AuditEntry.EntityType"/>, what identifies it
/// (a ticket number, a file id, the export format) as <see cref="AuditEntry.EntityKey"/>, and the details
/// (filters, file name) in <see cref="AuditEntry.Changes"/> in the trail's own shape, so the audit page shows them.
/// The row is saved at once, before the file is sent: a download that starts is on record even if the
/// transfer is cut.
/// </summary>
public sealed class DownloadAudit(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Kinds recorded today; the audit page shows "Entity.{kind}" from the resources.</summary>
    public static class Kinds
    {
        public const string DashboardExport = nameof(DashboardExport);
        public const string TicketExport = nameof(TicketExport);
        public const string DefenceGapExport = nameof(DefenceGapExport);
        public const string CompletionExport = nameof(CompletionExport);
        public const string RectificationNotice = nameof(RectificationNotice);
        public const string TermReport = nameof(TermReport);
        public const string SchoolFile = nameof(SchoolFile);
        public const string WeeklySheet = nameof(WeeklySheet);
        public const string DrillRecord = nameof(DrillRecord);
        public const string ClosingRecord = nameof(ClosingRecord);
        public const string StoredFile = nameof(StoredFile);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="kind">What was downloaded, e.g. <see cref="Kinds.TicketExport"/> (at most 100 characters).</param>
    /// <param name="key">What identifies it: a record's id or number, or the export format (at most 100 characters).</param>
    /// <param name="schoolId">The school, when the download is one school's; null for a list of several schools.</param>
    /// <param name="details">Shown as field/value lines on the audit page: filters, file name, term…</param>
    public async Task RecordAsync(string kind, string key, int? schoolId, IReadOnlyDictionary<string, string?> details, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var changes = details.Where(d => !string.IsNullOrEmpty(d.Value))
            .ToDictionary(d => d.Key, d => new AuditSaveChangesInterceptor.Change(null, d.Value));
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.UserId,
            UserName = user.UserName,
            EntityType = Cut(kind),
            EntityKey = Cut(key),
            SchoolId = schoolId,
            Action = AuditAction.Download,
            Changes = JsonSerializer.Serialize(changes, Json),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Cut(string value) => value.Length <= 100 ? value : value[..100];
}
