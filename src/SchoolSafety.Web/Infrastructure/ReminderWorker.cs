using SchoolSafety.Notifications;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>Runs the inspection reminders and the ticket notifications every few minutes; both idempotent, so every instance may run them.</summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, ReminderOptions options, ILogger<ReminderWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.IntervalMinutes)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var created = await scope.ServiceProvider.GetRequiredService<InspectionReminders>().RunAsync(stoppingToken);
                if (created > 0) log.LogInformation("Sent {Count} inspection reminders", created);
                created = await scope.ServiceProvider.GetRequiredService<TicketNotifications>().RunAsync(stoppingToken);
                if (created > 0) log.LogInformation("Sent {Count} ticket notifications", created);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Reminders failed; will retry at the next tick");
            }
        }
    }
}
