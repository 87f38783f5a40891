using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Jurisdictions;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>
/// Outside the demo, the first administrator comes from configuration
/// (<c>Bootstrap:AdminUserName</c>, <c>Bootstrap:AdminPassword</c>, and the top jurisdiction node
/// <c>Bootstrap:JurisdictionCode</c>/<c>Name</c>/<c>Level</c>) when the database has no user yet.
/// The password is temporary: the administrator must change it at first login.
/// </summary>
public static class FirstAdministrator
{
    public static async Task EnsureAsync(IConfiguration config, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger log)
    {
        var userName = config["Bootstrap:AdminUserName"];
        if (string.IsNullOrWhiteSpace(userName) || await users.Users.AnyAsync()) return;
        var password = config["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(password))
            throw new InvalidOperationException("Bootstrap:AdminPassword must be set with Bootstrap:AdminUserName.");

        var code = config["Bootstrap:JurisdictionCode"] ?? throw new InvalidOperationException("Bootstrap:JurisdictionCode is not set.");
        var node = await db.Jurisdictions.FirstOrDefaultAsync(j => j.Code == code);
        if (node is null)
        {
            node = Jurisdiction.Create(code,
                config["Bootstrap:JurisdictionName"] ?? throw new InvalidOperationException("Bootstrap:JurisdictionName is not set."),
                config.GetValue("Bootstrap:JurisdictionLevel", JurisdictionLevel.County), parent: null);
            db.Jurisdictions.Add(node);
            await db.SaveChangesAsync();
        }

        var admin = new AppUser
        {
            UserName = userName,
            DisplayName = userName,
            JurisdictionId = node.Id,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException("First administrator not created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        await users.AddToRoleAsync(admin, Roles.Administrator);
        log.LogInformation("First administrator {UserName} created; must change password at first login", userName);
    }
}
