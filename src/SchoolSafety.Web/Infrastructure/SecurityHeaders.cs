namespace SchoolSafety.Web.Infrastructure;

/// <summary>
/// Security headers on every response: pages, static files, error pages and health checks.
/// They are set when the response starts, so a response the exception handler rewrote (it clears
/// the headers) carries them too. The policy allows no inline script or style: views keep their
/// code in wwwroot/js and their looks in wwwroot/css (a convention test checks the views).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
