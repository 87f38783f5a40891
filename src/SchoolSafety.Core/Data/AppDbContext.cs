using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Defences;
using SchoolSafety.Files;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Identity;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Ledger;
using SchoolSafety.Notifications;
using SchoolSafety.Schools;

namespace SchoolSafety.Data;

/// <summary>
/// The one DbContext of the product, used directly by features (no repositories). The model differs
/// per provider only in how <see cref="IConcurrencyVersioned.RowVersion"/> is mapped; each provider
/// has its own migrations project. It also holds the data protection key ring
/// (<see cref="DataProtectionKeys"/>), so every web instance on the database reads the same keys.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and antiforgery tokens; never audited (they are secrets).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<SchoolTermSummary> SchoolTermSummaries => Set<SchoolTermSummary>();
    public DbSet<SchoolStanding> SchoolStandings => Set<SchoolStanding>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionResult> InspectionResults => Set<InspectionResult>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<HazardTicket> HazardTickets => Set<HazardTicket>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Drills.Drill> Drills => Set<Drills.Drill>();
    public DbSet<Training.TrainingSession> TrainingSessions => Set<Training.TrainingSession>();
    public DbSet<Training.TrainingAttendee> TrainingAttendees => Set<Training.TrainingAttendee>();
    public DbSet<Education.EducationRecord> EducationRecords => Set<Education.EducationRecord>();
    public DbSet<Education.EducationTopic> EducationTopics => Set<Education.EducationTopic>();
    public DbSet<RequiredDocumentType> RequiredDocumentTypes => Set<RequiredDocumentType>();
    public DbSet<SafetyDocument> SafetyDocuments => Set<SafetyDocument>();
    public DbSet<ResponsibilityLetter> ResponsibilityLetters => Set<ResponsibilityLetter>();
    public DbSet<SurroundingsIssue> SurroundingsIssues => Set<SurroundingsIssue>();
    public DbSet<DefenceRecord> DefenceRecords => Set<DefenceRecord>();
    public DbSet<DefenceGuard> DefenceGuards => Set<DefenceGuard>();
    public DbSet<StandardRuleSet> StandardRuleSets => Set<StandardRuleSet>();
    public DbSet<Reports.TermReportNarrative> TermReportNarratives => Set<Reports.TermReportNarrative>();

    public DatabaseProvider Provider => DbProviderNames.FromProviderName(Database.ProviderName);

    /// <summary>
    /// Set only while the demo's generated history is bulk-inserted: those rows get one summary audit
    /// entry instead of one per row. Every write made by a user is audited.
    /// </summary>
    public bool AuditSuppressedForGeneratedData { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC in the database and comes back marked as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        var provider = Provider;
        foreach (var entity in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IConcurrencyVersioned).IsAssignableFrom(t.ClrType)))
        {
            var rowVersion = builder.Entity(entity.ClrType).Property<byte[]>(nameof(IConcurrencyVersioned.RowVersion));
            switch (provider)
            {
                case DatabaseProvider.SqlServer:
                    rowVersion.IsRowVersion();
                    break;
                case DatabaseProvider.PostgreSql:
                    // PostgreSQL's system column xmin changes on every update of the row.
                    rowVersion.HasColumnName("xmin").HasColumnType("xid")
                        .HasConversion(new XminConverter())
                        .IsRowVersion();
                    break;
                default:
                    // SQLite has no row version: SaveChanges stamps a fresh random token.
                    rowVersion.IsConcurrencyToken();
                    break;
            }
        }
    }

    /// <summary>Every context, whoever configures it, refuses bulk updates and deletes of the audit trail.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(AuditAppendOnlyInterceptor.Instance);

    /// <summary>Synchronous saves are refused for the records that have summaries or standings: those are kept by <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        if (!_summarising && (!Dashboard.SchoolTermSummaries.Touched(ChangeTracker).IsEmpty || !Dashboard.SchoolStandings.Touched(ChangeTracker).IsEmpty))
            throw new InvalidOperationException(
                "Save inspections, tickets, education records, drills, defence records, rule sets, terms and schools with SaveChangesAsync: it keeps their summaries.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        if (_summarising) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var summaries = Dashboard.SchoolTermSummaries.Touched(ChangeTracker);
        var standings = Dashboard.SchoolStandings.Touched(ChangeTracker);
        if (summaries.IsEmpty && standings.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The records and their summaries and standings are written in one transaction (the audit rows join it too);
        // summaries first, then standings, each taking its schools' locks in order (SchoolLocks).
        _summarising = true;
        try
        {
            await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (!summaries.IsEmpty) await Dashboard.SchoolTermSummaries.RefreshAsync(this, summaries, cancellationToken);
            if (!standings.IsEmpty) await Dashboard.SchoolStandings.RefreshAsync(this, standings, ChinaTime.Today(Clock), cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            _summarising = false;
        }
    }

    /// <summary>The application's clock (tests move it), or the system's when the context was made without one.</summary>
    private TimeProvider Clock =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(TimeProvider)) as TimeProvider
        ?? TimeProvider.System;

    /// <summary>Set while a save writes summaries, so that the saves inside it do not summarise again.</summary>
    private bool _summarising;

    private void PrepareForSave()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Audit entries are never changed or deleted.");
        }

        if (Provider != DatabaseProvider.Sqlite) return;
        foreach (var entry in ChangeTracker.Entries<IConcurrencyVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.RowVersion = RandomNumberGenerator.GetBytes(8);
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.Kind == DateTimeKind.Local ? v.Value.ToUniversalTime() : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    /// <summary>xmin is a 32-bit transaction id; the entity sees it as 4 bytes.</summary>
    private sealed class XminConverter() : ValueConverter<byte[], uint>(
        v => v.Length == 4 ? BitConverter.ToUInt32(v, 0) : 0u,
        v => BitConverter.GetBytes(v));
}
