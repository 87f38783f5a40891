using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>Until a user with a temporary password has chosen their own, every page leads to "change password".</summary>
public sealed class MustChangePasswordFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.HttpContext.User.FindFirst(ScopeClaims.MustChangePassword) is null) return;
        var controller = context.RouteData.Values["controller"] as string;
        if (controller is "Account" or "Culture" or "Errors") return;
        context.Result = new RedirectToActionResult("ChangePassword", "Account", null);
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
