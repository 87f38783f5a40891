using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Demo;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// The audit trail is append-only for the application, keeps old entries (no purge: retention is unlimited, so at
/// least the six months asked for), and the bureau reads it.
/// </summary>
public abstract class AuditTrailTests(SchoolSafetyApp app)
{
    [Fact]
    public async Task The_applications_own_context_refuses_to_change_or_delete_audit_rows_in_every_way()
    {
        await using var db = app.Db();
        var c = db.Context;
        var before = await c.AuditEntries.CountAsync();
        var first = await c.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var original = (first.UserName, first.Changes);

        first.UserName = "篡改者";
        Assert.Equal("Audit entries are never changed or deleted.", (await Assert.ThrowsAsync<InvalidOperationException>(() => c.SaveChangesAsync())).Message);
        c.ChangeTracker.Clear();
        c.AuditEntries.Remove(await c.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => c.SaveChangesAsync());
        c.ChangeTracker.Clear();
        // Bulk statements bypass SaveChanges; the context refuses them before any SQL is sent.
        await Assert.ThrowsAsync<InvalidOperationException>(() => c.AuditEntries.Where(a => a.Id == first.Id).ExecuteDeleteAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => c.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "篡改者")));
        // Bulk statements on other tables still work (the guard names the audit trail only).
        Assert.Equal(0, await c.Notifications.Where(n => n.Id == -1).ExecuteDeleteAsync());

        await using var check = app.Db();
        Assert.Equal(before, await check.Context.AuditEntries.CountAsync());
        var again = await check.Context.AuditEntries.SingleAsync(a => a.Id == first.Id);
        Assert.Equal(original, (again.UserName, again.Changes));
    }

    [Fact]
    public async Task An_entry_older_than_six_months_is_kept_and_shown_to_the_county()
    {
        var school = await app.SchoolAsync(DemoCounty.OfficerSchoolCode);
        var old = app.Clock.GetUtcNow().UtcDateTime.AddDays(-200);
        var marker = $"保留测试{Guid.NewGuid():N}"[..12];
        await using (var db = app.Db())
        {
            db.Context.AuditEntries.Add(new AuditEntry
            {
                At = old, UserName = marker, EntityType = "School", EntityKey = school.Id.ToString(), SchoolId = school.Id,
                Action = AuditAction.Modified, Changes = "{\"Students\":{\"Old\":1,\"New\":2}}",
            });
            await db.Context.SaveChangesAsync();
        }
        // The background jobs run (as every few minutes in production) and purge nothing.
        await using (var db = app.Db())
        {
            await db.Get<Notifications.InspectionReminders>().RunAsync(CancellationToken.None);
            await db.Get<Notifications.TicketNotifications>().RunAsync(CancellationToken.None);
        }

        using var county = await app.LoginAsync("county");
        var day = DateOnly.FromDateTime(old.AddHours(8));
        var page = await county.PageAsync($"/Audit?schoolId={school.Id}&user={Uri.EscapeDataString(marker)}&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        var rows = page.QuerySelectorAll("#audit-list > tbody > tr");
        Assert.Single(rows);
        Assert.Contains(marker, rows[0].TextContent);
        Assert.Contains(school.Name, rows[0].TextContent);

        // School staff have no audit page.
        using var officer = await app.LoginAsync("officer");
        var denied = await officer.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditTrailOnSqlite(SqliteApp app) : AuditTrailTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuditTrailOnPostgreSql(PostgreSqlApp app) : AuditTrailTests(app);
