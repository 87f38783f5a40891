using SchoolSafety.Auditing;
using SchoolSafety.Data;

namespace SchoolSafety.Demo;

/// <summary>
/// Saves a batch of generated demo rows in one go: the rows are not audited one by one (the demo's history
/// would bury the audit trail), and one audit entry by the system says what was generated.
/// </summary>
public static class DemoBulk
{
    public static async Task SaveAsync(AppDbContext db, DateTime now, string entityType, string summary, Action add, CancellationToken ct)
    {
        await SaveUnauditedAsync(db, add, ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, UserName = SystemUser.Instance.UserName, EntityType = entityType, EntityKey = "demo", Action = AuditAction.Added,
            Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Generated"] = new { Old = (string?)null, New = summary },
            }),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves what <paramref name="add"/> adds with change detection off and without an audit entry per row.</summary>
    public static async Task SaveUnauditedAsync(AppDbContext db, Action add, CancellationToken ct)
    {
        db.AuditSuppressedForGeneratedData = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            add();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.AuditSuppressedForGeneratedData = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
    }
}
