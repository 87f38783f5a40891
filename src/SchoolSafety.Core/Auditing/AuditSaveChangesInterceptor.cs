using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Schools;

namespace SchoolSafety.Auditing;

/// <summary>
/// Writes one <see cref="AuditEntry"/> per added, modified or deleted entity, in the same
/// transaction as the change: if no transaction is open, it opens one before the save and commits
/// it after the audit rows are written, so a change never lands without its trace.
/// Registered per DbContext instance (scoped), because it carries the state of one save.
/// </summary>
public sealed class AuditSaveChangesInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> MaskedProperties = ["PasswordHash", "SecurityStamp"];

    /// <summary>Technical tokens that change on every save and tell a reader nothing.</summary>
    private static readonly HashSet<string> IgnoredProperties = [nameof(IConcurrencyVersioned.RowVersion), "ConcurrencyStamp"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private List<PendingAudit>? _pending;
    private IDbContextTransaction? _ownTransaction;
    private bool _writingAudit;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Capture(eventData.Context) is { } db && db.Database.CurrentTransaction is null)
            _ownTransaction = db.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Capture(eventData.Context) is { } db && db.Database.CurrentTransaction is null)
            _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (_writingAudit || _pending is null || eventData.Context is not AppDbContext db) return result;
        try
        {
            AddAuditRows(db);
            _writingAudit = true;
            db.SaveChanges();
            _ownTransaction?.Commit();
        }
        finally
        {
            Reset();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_writingAudit || _pending is null || eventData.Context is not AppDbContext db) return result;
        try
        {
            AddAuditRows(db);
            _writingAudit = true;
            await db.SaveChangesAsync(cancellationToken);
            if (_ownTransaction is not null) await _ownTransaction.CommitAsync(cancellationToken);
        }
        finally
        {
            Reset();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (!_writingAudit) Reset();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_writingAudit) Reset();
        return Task.CompletedTask;
    }

    private AppDbContext? Capture(DbContext? context)
    {
        if (_writingAudit || context is not AppDbContext db || db.AuditSuppressedForGeneratedData) return null;
        _pending = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry
                        // The data protection key ring is secret key material, not a record of the county's work.
                        && e.Entity is not Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
                        // Summaries are figures derived from audited records, computed again on every change of theirs.
                        && e.Entity is not Dashboard.SchoolTermSummary and not Dashboard.SchoolStanding
                        && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                        && e.Metadata.FindPrimaryKey() is not null
                        && !e.Metadata.IsOwned())
            .Select(PendingAudit.Capture)
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();
        if (_pending.Count == 0)
        {
            _pending = null;
            return null;
        }
        return db;
    }

    private void AddAuditRows(AppDbContext db)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var pending in _pending!)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserId = currentUser.UserId,
                UserName = currentUser.UserName,
                EntityType = pending.Entry.Metadata.ClrType.Name.Split('`')[0],
                EntityKey = pending.Key ?? KeyOf(pending.Entry),
                SchoolId = pending.SchoolId ?? SchoolIdOf(pending.Entry),
                Action = pending.Action,
                Changes = JsonSerializer.Serialize(pending.Changes ?? AddedValues(pending.Entry), Json),
            });
        }
    }

    private void Reset()
    {
        _pending = null;
        _writingAudit = false;
        _ownTransaction?.Dispose();
        _ownTransaction = null;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    /// <summary>The school a row belongs to: its own, or that of the record it hangs from (an answer's inspection).</summary>
    private static int? SchoolIdOf(EntityEntry entry) => entry.Entity switch
    {
        School s => s.Id,
        ISchoolOwned o => o.SchoolId,
        _ => entry.Metadata.FindProperty("SchoolId") is { } p
            ? entry.Property(p.Name).CurrentValue as int?
            : entry.References.Select(r => r.CurrentValue).OfType<ISchoolOwned>().Select(o => (int?)o.SchoolId).FirstOrDefault(),
    };

    private static Dictionary<string, Change> AddedValues(EntityEntry entry) =>
        entry.Properties
            .Where(p => !IgnoredProperties.Contains(p.Metadata.Name) && p.CurrentValue is not null)
            .ToDictionary(p => p.Metadata.Name, p => new Change(null, Show(p.Metadata.Name, p.CurrentValue)));

    private static object? Show(string property, object? value) =>
        value is null ? null : MaskedProperties.Contains(property) ? "***" : value;

    public sealed record Change(object? Old, object? New);

    private sealed class PendingAudit
    {
        public required EntityEntry Entry { get; init; }
        public required AuditAction Action { get; init; }
        public Dictionary<string, Change>? Changes { get; init; }
        public string? Key { get; init; }
        public int? SchoolId { get; init; }

        public static PendingAudit? Capture(EntityEntry entry)
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    // Keys may still be temporary: read everything after the save.
                    return new PendingAudit { Entry = entry, Action = AuditAction.Added };
                case EntityState.Modified:
                    var changed = entry.Properties
                        .Where(p => p.IsModified && !IgnoredProperties.Contains(p.Metadata.Name)
                                    && !Equals(p.OriginalValue, p.CurrentValue))
                        .ToDictionary(p => p.Metadata.Name,
                            p => new Change(Show(p.Metadata.Name, p.OriginalValue), Show(p.Metadata.Name, p.CurrentValue)));
                    if (changed.Count == 0) return null;
                    return new PendingAudit
                    {
                        Entry = entry, Action = AuditAction.Modified, Changes = changed,
                        Key = KeyOf(entry), SchoolId = SchoolIdOf(entry),
                    };
                default:
                    return new PendingAudit
                    {
                        Entry = entry, Action = AuditAction.Deleted,
                        Changes = entry.Properties
                            .Where(p => !IgnoredProperties.Contains(p.Metadata.Name) && p.OriginalValue is not null)
                            .ToDictionary(p => p.Metadata.Name, p => new Change(Show(p.Metadata.Name, p.OriginalValue), null)),
                        Key = KeyOf(entry), SchoolId = SchoolIdOf(entry),
                    };
            }
        }
    }
}
