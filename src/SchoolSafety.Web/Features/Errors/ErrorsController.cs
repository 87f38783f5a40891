using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SchoolSafety.Web.Features.Errors;

/// <summary>Friendly pages for 404, 403, 400, 429, 500 and 503, in the user's language, keeping the status code.</summary>
public sealed class ErrorsController : Controller
{
    [Route("Errors/{code:int}"), AllowAnonymous, IgnoreAntiforgeryToken]
    public IActionResult Show(int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        return View("Error", Response.StatusCode);
    }
}
