using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>The limit on requests worked on at once: the next ones wait in line (not refused), health checks never wait.</summary>
public sealed class RequestConcurrencyTests
{
    private static System.Threading.RateLimiting.PartitionedRateLimiter<HttpContext>? Limiter(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddOptions();
        services.AddRequestConcurrencyLimit(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider().GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter;
    }

    private static HttpContext Request(string path) => new DefaultHttpContext { Request = { Path = path } };

    [Fact]
    public async Task The_third_of_two_permitted_requests_waits_for_one_to_finish_and_health_checks_never_wait()
    {
        var limiter = Limiter(new() { ["Performance:MaxConcurrentRequests"] = "2" })!;
        using var first = limiter.AttemptAcquire(Request("/Dashboard"));
        var second = limiter.AttemptAcquire(Request("/Tickets"));
        Assert.True(first.IsAcquired && second.IsAcquired);
        Assert.False(limiter.AttemptAcquire(Request("/Drills")).IsAcquired);      // no permit left right now…
        var third = limiter.AcquireAsync(Request("/Drills")).AsTask();            // …so it queues
        Assert.False(third.IsCompleted);
        Assert.True(limiter.AttemptAcquire(Request("/health/ready")).IsAcquired);

        second.Dispose();                                                          // one finishes: the one waiting goes on
        using var lease = await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void The_default_is_four_requests_per_core_and_zero_turns_the_limit_off()
    {
        var limiter = Limiter([])!;
        var leases = Enumerable.Range(0, 4 * Environment.ProcessorCount).Select(_ => limiter.AttemptAcquire(Request("/Dashboard"))).ToList();
        Assert.All(leases, l => Assert.True(l.IsAcquired));
        Assert.False(limiter.AttemptAcquire(Request("/Dashboard")).IsAcquired);
        Assert.Null(Limiter(new() { ["Performance:MaxConcurrentRequests"] = "0" }));
    }
}
