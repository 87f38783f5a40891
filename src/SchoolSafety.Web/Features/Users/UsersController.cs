using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Users;

/// <summary>
/// Administrators manage the accounts within their jurisdiction: school users of schools below it
/// and bureau users at nodes below it. Anyone else's account answers 404.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersController(
    AppDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? q, string? role, CancellationToken ct)
    {
        var query = VisibleUsers();
        if (!string.IsNullOrWhiteSpace(q))
            query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q) || (u.School != null && u.School.Name.Contains(q)));
        if (!string.IsNullOrWhiteSpace(role))
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        var now = clock.GetUtcNow();
        var rows = await query.OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.IsDisabled, u.LockoutEnd,
                Place = u.School != null ? u.School.Name : u.Jurisdiction != null ? u.Jurisdiction.Name : "",
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .Take(500)
            .ToListAsync(ct);
        return View(new UserListViewModel(q, role, rows.Select(u => new UserRow(
            u.Id, u.UserName!, u.DisplayName, u.Role ?? "", u.Place, u.IsDisabled, u.LockoutEnd > now)).ToList()));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct) => View("Edit", await FormAsync(new UserFormModel(), null, ct));

    [HttpPost]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] UserFormModel form, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(form.Password))
            ModelState.AddModelError("Form.Password", l["Validation.Required", l["User.TemporaryPassword"]]);
        await ValidatePlaceAsync(form, ct);
        if (!ModelState.IsValid) return View("Edit", await FormAsync(form, null, ct));

        var user = new AppUser
        {
            UserName = form.UserName.Trim(),
            DisplayName = form.DisplayName.Trim(),
            SchoolId = Roles.IsSchoolRole(form.Role) ? form.SchoolId : null,
            JurisdictionId = Roles.IsBureauRole(form.Role) ? form.JurisdictionId : null,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, form.Password!);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, form.Role);
        if (!result.Succeeded)
        {
            AddErrors(result, "Form.Password", "Form.UserName");
            return View("Edit", await FormAsync(form, null, ct));
        }
        await tx.CommitAsync(ct);
        TempData["Success"] = l["User.Created", user.UserName].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        return View(await FormAsync(await FormForAsync(user), user, ct));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, [Bind(Prefix = "Form")] UserFormModel form, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        form.Id = id;
        form.UserName = user.UserName!;
        ModelState.Remove("Form.UserName");
        await ValidatePlaceAsync(form, ct);
        if (user.Id == users.GetUserId(User) && form.Role != Roles.Administrator)
            ModelState.AddModelError("Form.Role", l["User.CannotDemoteSelf"]);
        if (!ModelState.IsValid) return View(await FormAsync(form, user, ct));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = form.DisplayName.Trim();
        user.SchoolId = Roles.IsSchoolRole(form.Role) ? form.SchoolId : null;
        user.JurisdictionId = Roles.IsBureauRole(form.Role) ? form.JurisdictionId : null;
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([form.Role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, form.Role);
        }
        // A new stamp signs the user out within a minute (the stamp is checked every minute), so a changed role or place cannot be used for long.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            AddErrors(result, "", "");
            return View(await FormAsync(form, user, ct));
        }
        await tx.CommitAsync(ct);
        TempData["Success"] = l["Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> SetDisabled(string id, bool disabled, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        if (user.Id == users.GetUserId(User))
        {
            ModelState.AddModelError("", l["User.CannotDisableSelf"]);
            return View("Edit", await FormAsync(await FormForAsync(user), user, ct));
        }
        user.IsDisabled = disabled;
        await users.UpdateSecurityStampAsync(user);
        TempData["Success"] = l[disabled ? "User.DisabledDone" : "User.EnabledDone", user.UserName!].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordModel model, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        if (ModelState.IsValid)
        {
            var errors = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, model.Password);
                errors.AddRange(check.Errors);
            }
            if (errors.Count == 0)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await users.RemovePasswordAsync(user);
                await users.AddPasswordAsync(user, model.Password);
                user.MustChangePassword = true;
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                await users.UpdateSecurityStampAsync(user);
                await tx.CommitAsync(ct);
                TempData["Success"] = l["User.PasswordReset", user.UserName!].Value;
                return RedirectToAction(nameof(Edit), new { id });
            }
            foreach (var e in errors) ModelState.AddModelError(nameof(model.Password), e.Description);
        }
        return View(nameof(Edit), await FormAsync(await FormForAsync(user), user, ct));
    }

    private async Task<UserFormModel> FormForAsync(AppUser user) => new()
    {
        Id = user.Id, UserName = user.UserName!, DisplayName = user.DisplayName,
        Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "",
        SchoolId = user.SchoolId, JurisdictionId = user.JurisdictionId,
    };

    /// <summary>Accounts an administrator may see: school users below their node, bureau users at or below it.</summary>
    private IQueryable<AppUser> VisibleUsers() => db.Users.VisibleTo(User.GetScope());

    private Task<AppUser?> FindAsync(string id, CancellationToken ct) => VisibleUsers().FirstOrDefaultAsync(u => u.Id == id, ct);

    private async Task ValidatePlaceAsync(UserFormModel form, CancellationToken ct)
    {
        var scope = User.GetScope();
        if (!Roles.All.Contains(form.Role))
        {
            ModelState.AddModelError("Form.Role", l["Validation.Invalid"]);
        }
        else if (Roles.IsSchoolRole(form.Role))
        {
            if (form.SchoolId is null)
                ModelState.AddModelError("Form.SchoolId", l["User.SchoolRequired"]);
            else if (!await db.Schools.VisibleTo(scope).AnyAsync(s => s.Id == form.SchoolId, ct))
                ModelState.AddModelError("Form.SchoolId", l["Validation.Invalid"]);
        }
        else
        {
            if (form.JurisdictionId is null)
                ModelState.AddModelError("Form.JurisdictionId", l["User.JurisdictionRequired"]);
            else if (!await db.Jurisdictions.VisibleTo(scope).AnyAsync(j => j.Id == form.JurisdictionId, ct))
                ModelState.AddModelError("Form.JurisdictionId", l["Validation.Invalid"]);
        }
    }

    private async Task<UserFormViewModel> FormAsync(UserFormModel form, AppUser? user, CancellationToken ct)
    {
        var scope = User.GetScope();
        var schools = await db.Schools.VisibleTo(scope).Where(s => s.IsActive || s.Id == form.SchoolId)
            .OrderBy(s => s.Township).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Township })
            .ToListAsync(ct);
        var nodes = await db.Jurisdictions.VisibleTo(scope).OrderBy(j => j.Path).ToListAsync(ct);
        var groups = schools.Select(s => s.Township).Distinct().ToDictionary(t => t, t => new SelectListGroup { Name = t });
        return new UserFormViewModel
        {
            Form = form,
            Schools = schools.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Group = groups[s.Township] }).ToList(),
            Jurisdictions = nodes.Select(j => new SelectListItem(new string('　', (int)j.Level - 1) + j.Name, j.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            IsDisabled = user?.IsDisabled ?? false,
            IsLockedOut = user?.LockoutEnd > clock.GetUtcNow(),
        };
    }

    private void AddErrors(IdentityResult result, string passwordKey, string otherKey)
    {
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordKey : otherKey, e.Description);
    }
}
