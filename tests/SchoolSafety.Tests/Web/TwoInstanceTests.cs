using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Notifications;
using Xunit.Abstractions;
using SchoolSafety.Data;
using SchoolSafety.Demo;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>Two web instances on one database, each with its own key folder, clock and memory, as behind a load balancer.</summary>
public abstract class TwoInstances(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSafetyApp First { get; } = new(provider);
    public SchoolSafetyApp? Second { get; private set; }

    public async Task InitializeAsync()
    {
        await First.InitializeAsync();
        Second = new SchoolSafetyApp(provider, sharing: First);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Second is not null) await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}

public sealed class TwoInstancesOnSqlite() : TwoInstances(DatabaseProvider.Sqlite);

public sealed class TwoInstancesOnPostgreSql() : TwoInstances(DatabaseProvider.PostgreSql);

/// <summary>The data protection keys are in the database, so cookies and forms from one instance are good on the other.</summary>
public abstract class TwoInstanceTests(TwoInstances instances)
{
    /// <summary>One browser (one cookie jar) talking to either instance.</summary>
    private static (AppClient First, AppClient Second) OneBrowser(TwoInstances apps)
    {
        var cookies = new CookieContainer();
        var https = new Uri("https://localhost");
        return (new AppClient(apps.First.CreateDefaultClient(https, new CookieContainerHandler(cookies))),
                new AppClient(apps.Second!.CreateDefaultClient(https, new CookieContainerHandler(cookies))));
    }

    [Fact]
    public async Task A_form_from_one_instance_is_accepted_by_the_other_and_the_sign_in_holds_on_both()
    {
        var (first, second) = OneBrowser(instances);
        using (first)
        using (second)
        {
            // The sign-in form (and its antiforgery cookie) comes from the first instance, the post goes to the second.
            var form = await first.PageAsync("/Account/Login");
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var login = await second.Http.PostAsync("/Account/Login", new FormUrlEncodedContent([
                new("UserName", "county"), new("Password", DemoCounty.DefaultPassword), new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

            // The sign-in cookie the second instance issued is good on the first.
            var page = await first.PageAsync("/Account/ChangePassword");
            Assert.Contains("李明", page.QuerySelector("#userMenu")!.TextContent);

            // A form the first instance rendered for the signed-in user is accepted by the second.
            var signedInToken = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var english = await second.Http.PostAsync("/Culture/Set", new FormUrlEncodedContent([
                new("culture", "en-US"), new("returnUrl", "/Schools"), new("__RequestVerificationToken", signedInToken)]));
            Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
            Assert.Equal("en-US", (await first.PageAsync("/Schools")).DocumentElement.GetAttribute("lang"));

            // A forged token is still refused: the second instance does check what it is given.
            var forged = await second.Http.PostAsync("/Culture/Set", new FormUrlEncodedContent([
                new("culture", "zh-CN"), new("returnUrl", "/"), new("__RequestVerificationToken", signedInToken[..^4] + "AAAA")]));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
    }

    [Fact]
    public async Task The_key_ring_is_one_set_of_rows_in_the_database_and_never_copied_into_the_audit_trail()
    {
        using var client = instances.First.NewClient();
        await client.PageAsync("/Account/Login"); // makes sure a key exists
        await using var db = instances.Second!.Db();
        var keys = await db.Context.DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml));
        Assert.False(await db.Context.AuditEntries.AnyAsync(a => a.EntityType == "DataProtectionKey"));
    }
}

public sealed class TwoInstanceTestsOnSqlite(TwoInstancesOnSqlite apps) : TwoInstanceTests(apps), IClassFixture<TwoInstancesOnSqlite>;

public sealed class TwoInstanceTestsOnPostgreSql(TwoInstancesOnPostgreSql apps, ITestOutputHelper output) : TwoInstanceTests(apps), IClassFixture<TwoInstancesOnPostgreSql>
{
    private sealed record Round(int Reminders, int TicketNotifications);

    /// <summary>Both background jobs of one instance, each in its own scope (own DbContext and connection), as ReminderWorker runs them.</summary>
    private static Task<int> RunAsync<TJob>(SchoolSafetyApp app, Func<TJob, Task<int>> run) where TJob : notnull => Task.Run(async () =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TJob>());
    });

    private static async Task<Round> BothInstancesAtOnceAsync(SchoolSafetyApp first, SchoolSafetyApp second)
    {
        var runs = await Task.WhenAll(
            RunAsync<InspectionReminders>(first, j => j.RunAsync()), RunAsync<InspectionReminders>(second, j => j.RunAsync()),
            RunAsync<TicketNotifications>(first, j => j.RunAsync()), RunAsync<TicketNotifications>(second, j => j.RunAsync()));
        return new Round(runs[0] + runs[1], runs[2] + runs[3]);
    }

    /// <summary>
    /// Two instances (PostgreSQL only: two web servers on SQLite is not a supported deployment) run the reminder and the
    /// ticket notification jobs at the same moment, for three Friday evenings in a row (reminders due, tickets overdue):
    /// every notification exists once per recipient, kind and subject; what the runs say they created is exactly what is
    /// in the table (no run counted a row the other one wrote), and nothing was lost to the race (a later run finds
    /// nothing left to send).
    /// </summary>
    [Fact]
    public async Task The_background_jobs_running_on_both_instances_at_once_send_each_notification_exactly_once()
    {
        var (first, second) = (apps.First, apps.Second!);
        // Friday 27 November 2026, 18:00 in China: an hour past the weekly deadline (Friday 17:00).
        var friday = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        // Overdue by then: a 一般 ticket (its officer and leader hear of it) and a 重大 one (the county too), both opened today.
        var school = await first.SchoolAsync(DemoCounty.OfficerSchoolCode);
        await using (var db = first.Db())
        {
            foreach (var (grade, deadline) in new[] { (HazardGrade.General, new DateOnly(2026, 11, 26)), (HazardGrade.Major, new DateOnly(2026, 11, 20)) })
                db.Context.HazardTickets.Add(new HazardTicket
                {
                    Number = $"T-{Guid.NewGuid():N}"[..20], SchoolId = school.Id, Source = HazardSource.Report, Place = HazardPlace.Gatehouse,
                    Description = "校门口减速带缺失", Grade = grade, FoundAt = first.Clock.GetUtcNow().UtcDateTime, ResponsibleName = "杨晓梅", Deadline = deadline,
                    Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = first.Clock.GetUtcNow().UtcDateTime }],
                });
            await db.Context.SaveChangesAsync();
        }
        for (var week = 0; week < 3; week++)
        {
            var at = friday.AddDays(7 * week);
            foreach (var app in new[] { first, second })
                if (app.Clock.GetUtcNow() < at) app.Clock.SetUtcNow(at);
            int rowsBefore, remindersBefore, overdueBefore;
            await using (var db = first.Db())
            {
                rowsBefore = await db.Context.Notifications.CountAsync();
                remindersBefore = await db.Context.Notifications.CountAsync(n => n.Kind == InspectionReminders.Kind);
                overdueBefore = await db.Context.Notifications.CountAsync(n => n.Kind == "TicketOverdue");
            }

            var round = await BothInstancesAtOnceAsync(first, second);
            output.WriteLine($"{at:yyyy-MM-dd}: {round.Reminders} reminders and {round.TicketNotifications} ticket notifications created by the two instances at once");

            await using (var db = first.Db())
            {
                Assert.Equal(rowsBefore + round.Reminders + round.TicketNotifications, await db.Context.Notifications.CountAsync());
                Assert.Equal(remindersBefore + round.Reminders, await db.Context.Notifications.CountAsync(n => n.Kind == InspectionReminders.Kind));
                Assert.True(round.Reminders > 0, $"week {week}: no reminder was due");
                if (week == 0) Assert.True(await db.Context.Notifications.CountAsync(n => n.Kind == "TicketOverdue") > overdueBefore, "no overdue notification was due");
            }
            // Nothing was lost to the race: run again, one instance then the other, and nothing is left to send.
            foreach (var app in new[] { first, second })
            {
                Assert.Equal(0, await RunAsync<InspectionReminders>(app, j => j.RunAsync()));
                Assert.Equal(0, await RunAsync<TicketNotifications>(app, j => j.RunAsync()));
            }
            // And once more both at once: still nothing.
            Assert.Equal(new Round(0, 0), await BothInstancesAtOnceAsync(first, second));
        }

        await using (var db = first.Db())
        {
            var rows = await db.Context.Notifications.AsNoTracking().Select(n => new { n.UserId, n.Kind, n.Key }).ToListAsync();
            var twice = rows.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{g.Key.UserId}/{g.Key.Kind}/{g.Key.Key} × {g.Count()}").ToList();
            Assert.Empty(twice);
            Assert.Contains(rows, n => n.Kind == InspectionReminders.Kind);
            Assert.Contains(rows, n => n.Kind == "TicketOverdue");
        }
    }
}
