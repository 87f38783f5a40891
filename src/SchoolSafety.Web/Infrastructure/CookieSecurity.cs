using Microsoft.AspNetCore.Http;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>How the sign-in and antiforgery cookies are sent, and how long an idle session lasts.</summary>
public static class CookieSecurity
{
    public const int DefaultSessionMinutes = 30;

    /// <summary>
    /// <c>Secure</c> cookies outside Development: the browser sends them over HTTPS only, and the
    /// antiforgery system refuses plain-HTTP form posts. <c>Auth:CookieSecurePolicy</c> = <c>SameAsRequest</c>
    /// relaxes it for a plain-HTTP set-up on a trusted machine (the docker-compose quick start on localhost).
    /// </summary>
    public static CookieSecurePolicy Policy(IHostEnvironment environment, IConfiguration config)
    {
        var configured = config["Auth:CookieSecurePolicy"];
        if (!string.IsNullOrWhiteSpace(configured))
            return Enum.TryParse<CookieSecurePolicy>(configured, ignoreCase: true, out var policy) && policy != CookieSecurePolicy.None
                ? policy
                : throw new InvalidOperationException($"Auth:CookieSecurePolicy must be Always or SameAsRequest, not '{configured}'.");
        return environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }

    /// <summary>Minutes of inactivity after which the user must sign in again (<c>Auth:SessionMinutes</c>, default 30).</summary>
    public static int SessionMinutes(IConfiguration config)
    {
        var minutes = config.GetValue("Auth:SessionMinutes", DefaultSessionMinutes);
        return minutes > 0 ? minutes : throw new InvalidOperationException("Auth:SessionMinutes must be a positive number of minutes.");
    }
}
