using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SchoolSafety.Auditing;
using SchoolSafety.Data;
using SchoolSafety.Hazards;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Migrations.PostgreSql;
using SchoolSafety.Migrations.Sqlite;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Data;

/// <summary>Concurrency tokens, the audit interceptor's transaction and UTC times, on each live provider.</summary>
public abstract class PersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 1, 0, 30, 0, TimeSpan.Zero));
    private readonly Mock<ICurrentUser> _user = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _user.SetupGet(u => u.UserId).Returns("user-1");
        _user.SetupGet(u => u.UserName).Returns("officer");
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        var county = Jurisdiction.Create("530427", "新平县", JurisdictionLevel.County, null);
        db.Jurisdictions.Add(county);
        db.Schools.Add(new School { Code = "T001", Name = "测试小学", Type = SchoolType.Primary, Jurisdiction = county, Township = "桂山街道", Students = 500 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        _ = provider == DatabaseProvider.PostgreSql
            ? options.UseSchoolSafetyPostgreSql(_database.ConnectionString)
            : options.UseSchoolSafetySqlite(_database.ConnectionString);
        options.AddInterceptors(new AuditSaveChangesInterceptor(_user.Object, _clock));
        return new AppDbContext(options.Options);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_the_first_survives()
    {
        await using var first = NewContext();
        await using var second = NewContext();
        var a = await first.Schools.SingleAsync(s => s.Code == "T001");
        var b = await second.Schools.SingleAsync(s => s.Code == "T001");
        Assert.NotEmpty(a.RowVersion);

        a.Students = 510;
        await first.SaveChangesAsync();
        b.Students = 520;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = NewContext();
        var stored = await check.Schools.SingleAsync(s => s.Code == "T001");
        Assert.Equal(510, stored.Students);
        Assert.NotEqual(b.RowVersion, stored.RowVersion);
    }

    [Fact]
    public async Task Every_write_leaves_an_audit_entry_with_user_time_and_values()
    {
        await using (var db = NewContext())
        {
            var school = await db.Schools.SingleAsync(s => s.Code == "T001");
            school.Name = "测试小学（新）";
            await db.SaveChangesAsync();
        }
        await using var check = NewContext();
        var entry = await check.AuditEntries.Where(a => a.EntityType == nameof(School) && a.Action == AuditAction.Modified).SingleAsync();
        Assert.Equal("user-1", entry.UserId);
        Assert.Equal("officer", entry.UserName);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, entry.At);
        Assert.Equal(DateTimeKind.Utc, entry.At.Kind);
        var change = Assert.Single(AuditChanges.Parse(entry.Changes));
        Assert.Equal(("Name", "测试小学", "测试小学（新）"), (change.Field, change.Before, change.After));
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == AuditAction.Added));
    }

    [Fact]
    public async Task A_failed_save_leaves_no_audit_entry()
    {
        await using var db = NewContext();
        var county = await db.Jurisdictions.SingleAsync();
        db.Schools.Add(new School { Code = "T001", Name = "重复代码", Type = SchoolType.Primary, JurisdictionId = county.Id, Township = "x" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var check = NewContext();
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.EntityType == nameof(School) && a.Changes.Contains("重复代码")));
        Assert.Equal(1, await check.Schools.CountAsync());
    }

    [Fact]
    public async Task Audit_entries_roll_back_with_the_change_they_describe()
    {
        await using (var db = NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var school = await db.Schools.SingleAsync();
            school.Students = 999;
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        await using var check = NewContext();
        Assert.Equal(500, (await check.Schools.SingleAsync()).Students);
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == AuditAction.Modified));
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        await using var db = NewContext();
        var entry = await db.AuditEntries.FirstAsync();
        entry.UserName = "someone else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Upgrading_fills_in_the_days_and_rejections_of_tickets_recorded_before()
    {
        var found = new DateTime(2026, 10, 8, 17, 0, 0, DateTimeKind.Utc);    // 9 October, 01:00 in China
        var closed = new DateTime(2026, 10, 12, 3, 0, 0, DateTimeKind.Utc);
        await using (var db = NewContext())
        {
            var school = await db.Schools.SingleAsync();
            TicketEvent Rejected() => new() { Kind = TicketEventKind.Rejected, At = closed };
            db.HazardTickets.AddRange(
                new HazardTicket { Number = "T-1", SchoolId = school.Id, Description = "x", ResponsibleName = "x", FoundAt = found, ClosedAt = closed, Status = HazardStatus.Closed,
                    Events = [new() { Kind = TicketEventKind.Opened, At = found }, Rejected(), Rejected()] },
                new HazardTicket { Number = "T-2", SchoolId = school.Id, Description = "x", ResponsibleName = "x", FoundAt = closed });
            await db.SaveChangesAsync();
            // Back to the schema before the days and the counter were stored, then up again: the upgrade computes them.
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(PreviousMigration(db));
            await migrator.MigrateAsync();
        }
        await using var check = NewContext();
        var tickets = await check.HazardTickets.OrderBy(t => t.Number).ToListAsync();
        Assert.Equal((new DateOnly(2026, 10, 9), (DateOnly?)new DateOnly(2026, 10, 12), 2), (tickets[0].FoundOn, tickets[0].ClosedOn, tickets[0].Rejections));
        Assert.Equal((new DateOnly(2026, 10, 12), (DateOnly?)null, 0), (tickets[1].FoundOn, tickets[1].ClosedOn, tickets[1].Rejections));
    }

    /// <summary>The migration before the one that added the tickets' days (each provider names its migrations with its own time).</summary>
    private static string PreviousMigration(AppDbContext db)
    {
        var all = db.Database.GetMigrations().ToList();
        return all[all.FindIndex(m => m.EndsWith("_TicketDaysAndRejections", StringComparison.Ordinal)) - 1];
    }
}

public sealed class PersistenceOnSqlite() : PersistenceTests(DatabaseProvider.Sqlite);

public sealed class PersistenceOnPostgreSql() : PersistenceTests(DatabaseProvider.PostgreSql);
