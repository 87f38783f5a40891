using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Shared;

/// <summary>The language switcher: stores the choice in a cookie for a year.</summary>
public sealed class CultureController(TimeProvider clock) : Controller
{
    [HttpPost, AllowAnonymous]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (Startup.Cultures.Any(c => c.Name == culture))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
    }
}
