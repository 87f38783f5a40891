using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Data;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>
/// Every few minutes (<c>Dashboard:RefreshMinutes</c>, 0 = never) writes again the schools' standings that no longer
/// hold today — after midnight, at the end of a drill month, when a fire-equipment service falls due — so that the
/// dashboard reads them instead of judging those schools per request. Idempotent and locked per school: every instance
/// may run it.
/// </summary>
public sealed class StandingsWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<StandingsWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(config.GetValue("Dashboard:RefreshMinutes", 10)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var judged = await SchoolStandings.RefreshStaleAsync(db, ChinaTime.Today(clock), stoppingToken);
                if (judged > 0) log.LogInformation("Judged the standing of {Schools} schools again", judged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Refreshing the schools' standings failed; will retry at the next tick");
            }
        }
    }
}
