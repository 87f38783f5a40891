using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SchoolSafety.Identity;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Account;

public sealed class LoginModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.UserName")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Account.RememberMe")]
    public bool RememberMe { get; set; }
}

public sealed class ChangePasswordModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.CurrentPassword")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.NewPassword")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "Account.PasswordsDiffer")]
    [Display(Name = "Account.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class AccountController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher,
    IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>A hash no password matches, checked for unknown user names so they take as long as known ones.</summary>
    private static string? _decoyHash;

    [HttpGet, AllowAnonymous]
    public IActionResult Login(string? returnUrl = null)
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl(returnUrl));
        ViewData["ReturnUrl"] = returnUrl;
        return View(new LoginModel());
    }

    [HttpPost, AllowAnonymous, EnableRateLimiting(SignInRateLimits.SignIn)]
    public async Task<IActionResult> Login(LoginModel model, string? returnUrl = null)
    {
        ViewData["ReturnUrl"] = returnUrl;
        if (!ModelState.IsValid) return View(model);

        var user = await users.FindByNameAsync(model.UserName.Trim());
        // The password is checked first, so a stranger learns nothing about which accounts exist, are
        // disabled or locked: an unknown name, a wrong password and a wrong password on a locked account
        // all get the same message (and an unknown name costs a hash check too, so it takes as long).
        if (user is null)
        {
            _decoyHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new AppUser(), _decoyHash, model.Password);
        }
        var check = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, model.Password, lockoutOnFailure: true);
        // Only someone who knows the password learns that the account is locked.
        if (check.IsLockedOut && !await users.CheckPasswordAsync(user!, model.Password))
            check = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (check.Succeeded && user!.IsDisabled)
        {
            ModelState.AddModelError("", l["Account.Disabled"]);
            return View(model);
        }
        if (check.Succeeded)
        {
            await signIn.SignInAsync(user!, model.RememberMe);
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }
        ModelState.AddModelError("", check.IsLockedOut ? l["Account.LockedOut"] : l["Account.InvalidLogin"]);
        return View(model);
    }

    [HttpPost, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public IActionResult ChangePassword() => View(new ChangePasswordModel());

    [HttpPost, Authorize(Policy = Policies.AnyUser), EnableRateLimiting(SignInRateLimits.Password)]
    public async Task<IActionResult> ChangePassword(ChangePasswordModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? nameof(model.CurrentPassword) : nameof(model.NewPassword), error.Description);
            return View(model);
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = l["Account.PasswordChanged"].Value;
        return RedirectToAction("Index", "Home");
    }

    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
}
