using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>
/// When the database server cannot be reached (stopped, restarting, network gone), a request that needs it answers
/// 503 with a short page in the user's language, in every environment, instead of the error 500 page or a stack
/// trace. The page is written here and not through the exception handler: the normal layout reads the database (the
/// notification bell) and the re-executed pipeline would check the sign-in against it, so both would fail again.
/// The connection pools are cleared on such a failure, so connections broken by a server restart are not handed out
/// again once the server is back: the app answers normally again without a restart. See docs/security.md §6.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(
    RequestDelegate next, IStringLocalizerFactory localizers, HtmlEncoder html, ILogger<DatabaseUnavailableMiddleware> log)
{
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsUnavailable(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            log.LogError(e, "Database unavailable: {Method} {Path} answered 503", context.Request.Method, context.Request.Path.Value);
            Npgsql.NpgsqlConnection.ClearAllPools();
            Microsoft.Data.SqlClient.SqlConnection.ClearAllPools();
            context.Response.Clear(); // the security headers are added again when the response starts
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(context), context.RequestAborted);
        }
    }

    /// <summary>A failure to reach the database server, as opposed to an error in a statement (which stays a 500).</summary>
    public static bool IsUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsUnavailable);
                // The server answered with an error: only connection errors (class 08), shutdown (57P01 admin, 57P02 crash),
                // still starting (57P03) and too many connections (53300) mean "not available".
                case Npgsql.PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                // No answer at all: refused, reset, timed out, end of stream.
                case Npgsql.NpgsqlException:
                    return true;
                // SQL Server: timeout, server not found, connection reset or refused, database not available.
                case Microsoft.Data.SqlClient.SqlException s:
                    return s.Number is -2 or 2 or 53 or 121 or 233 or 4060 or 10053 or 10054 or 10060 or 10061 or 40613;
            }
        }
        return false;
    }

    private string Page(HttpContext context)
    {
        // The request localization middleware has not run (or its culture did not flow back here): read the cookie.
        var chosen = context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } cookie
            ? CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value : null;
        var culture = Startup.Cultures.FirstOrDefault(c => c.Name == chosen) ?? Startup.Cultures[0];
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var l = localizers.Create(typeof(SharedResource));
            string T(string key) => html.Encode(l[key].Value);
            var root = context.Request.PathBase.HasValue ? context.Request.PathBase.Value! : "";
            var again = html.Encode(root + context.Request.Path + (HttpMethods.IsGet(context.Request.Method) ? context.Request.QueryString.Value : ""));
            return $"""
                <!DOCTYPE html>
                <html lang="{culture.Name}">
                <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{T("Error.503.Title")} - {T("App.Name")}</title>
                <link rel="stylesheet" href="{root}/lib/bootstrap/css/bootstrap.min.css" />
                <link rel="stylesheet" href="{root}/css/site.css" />
                </head>
                <body>
                <main class="container py-5 text-center" id="error-page" data-status="503">
                <p class="display-5 text-muted">503</p>
                <h1 class="h3">{T("Error.503.Title")}</h1>
                <p class="text-muted">{T("Error.503.Text")}</p>
                <a class="btn btn-primary" href="{again}" id="retry">{T("Error.Retry")}</a>
                <a class="btn btn-outline-secondary" href="{root}/">{T("Error.Home")}</a>
                </main>
                </body>
                </html>
                """;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
