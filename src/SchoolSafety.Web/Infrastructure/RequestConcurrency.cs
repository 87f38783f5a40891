using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>
/// At most <c>Performance:MaxConcurrentRequests</c> requests (default four per processor core) are worked on at once;
/// the others wait in line, oldest first, up to <c>Performance:RequestQueueLimit</c> (default 2,000). On a small
/// server, fifty requests at once do not finish sooner than eight at a time — they share the same cores — but each
/// holds its own buffers, database connection and page cache meanwhile: the limit keeps memory flat under load
/// (docs/performance.md, "Load"). Health checks are never held back. 0 turns the limit off.
/// </summary>
public static class RequestConcurrency
{
    public static void AddRequestConcurrencyLimit(this IServiceCollection services, IConfiguration config)
    {
        var permits = config.GetValue("Performance:MaxConcurrentRequests", 4 * Environment.ProcessorCount);
        var queue = config.GetValue("Performance:RequestQueueLimit", 2000);
        if (permits < 0 || queue < 0) throw new InvalidOperationException("Performance:MaxConcurrentRequests and Performance:RequestQueueLimit cannot be negative.");
        if (permits == 0) return;
        services.Configure<RateLimiterOptions>(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.Request.Path.StartsWithSegments("/health")
                ? RateLimitPartition.GetNoLimiter("health")
                : RateLimitPartition.GetConcurrencyLimiter("requests", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = permits,
                    QueueLimit = queue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })));
    }
}
