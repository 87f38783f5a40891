using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SchoolSafety.Auditing;
using SchoolSafety.Data;
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
}

public sealed class PersistenceOnSqlite() : PersistenceTests(DatabaseProvider.Sqlite);

public sealed class PersistenceOnPostgreSql() : PersistenceTests(DatabaseProvider.PostgreSql);
