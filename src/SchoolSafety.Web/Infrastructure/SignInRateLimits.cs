using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>
/// Password guessing is slowed per client address: the sign-in form and the change-password form each
/// take <c>Auth:LoginPermitsPerMinute</c> posts (default 10) per minute from one address, then answer
/// 429 with the friendly error page and a Retry-After header until the minute is over. This comes on
/// top of the account lockout (5 wrong passwords lock an account for 15 minutes), which protects one
/// account; the limit protects against trying many accounts from one machine.
/// </summary>
public static class SignInRateLimits
{
    public const string SignIn = "sign-in";
    public const string Password = "password";
    public const int DefaultPermitsPerMinute = 10;

    public static void AddSignInRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var permits = config.GetValue("Auth:LoginPermitsPerMinute", DefaultPermitsPerMinute);
        if (permits <= 0) throw new InvalidOperationException("Auth:LoginPermitsPerMinute must be a positive number.");

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var policy in new[] { SignIn, Password })
                o.AddPolicy(policy, http => RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            // No body here: the status code pages render the friendly 429 page in the user's language.
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }
}
