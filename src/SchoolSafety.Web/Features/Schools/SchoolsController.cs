using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Schools;

public sealed class SchoolsController(
    AppDbContext db, SchoolAccess access, SchoolImport import, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private const int MaxImportBytes = 2 * 1024 * 1024;

    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Index([FromQuery] SchoolListQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        var visible = db.Schools.VisibleTo(scope);
        var schools = Filter(visible, query);

        var total = await schools.CountAsync(ct);
        var pageCount = Math.Max(1, (total + SchoolListViewModel.PageSize - 1) / SchoolListViewModel.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await schools.Include(s => s.Jurisdiction)
            .OrderBy(s => s.Code)
            .Skip((page - 1) * SchoolListViewModel.PageSize).Take(SchoolListViewModel.PageSize)
            .ToListAsync(ct);
        var townships = await visible.Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct);

        return View(new SchoolListViewModel(query, rows, total, page, pageCount, townships,
            CanManage: scope.Role == Roles.Administrator, CanExport: scope.IsBureauUser));
    }

    [HttpGet, Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var school = await access.FindAsync(id, SchoolOperations.Read, ct);
        if (school is null) return NotFound();

        var users = await db.Users.Where(u => u.SchoolId == id)
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.UserName, u.DisplayName, u.IsDisabled,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var canManage = await access.FindAsync(id, SchoolOperations.Manage, ct) is not null;
        var campaigns = await db.Campaigns.Where(c => c.Schools.Any(x => x.SchoolId == id)).OrderByDescending(c => c.Start)
            .Select(c => new { Campaign = c, Status = db.Inspections.Where(i => i.CampaignId == c.Id && i.SchoolId == id && i.IsCurrent).Select(i => (SchoolSafety.Inspections.InspectionStatus?)i.Status).FirstOrDefault() })
            .Take(20).ToListAsync(ct);
        return View(new SchoolDetailsViewModel(school,
            users.Select(u => new SchoolUserRow(u.UserName!, u.DisplayName, u.Role ?? "", u.IsDisabled)).ToList(), canManage,
            campaigns.Select(c => new SchoolCampaignRow(c.Campaign, c.Status)).ToList()));
    }

    [HttpGet, Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("Edit", await FormAsync(new SchoolFormModel(), null, ct));

    [HttpPost, Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] SchoolFormModel form, CancellationToken ct)
    {
        await ValidateAsync(form, null, ct);
        if (!ModelState.IsValid) return View("Edit", await FormAsync(form, null, ct));

        var school = new School();
        form.ApplyTo(school);
        db.Schools.Add(school);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["School.Created", school.Name].Value;
        return RedirectToAction(nameof(Details), new { id = school.Id });
    }

    [HttpGet, Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var school = await access.FindAsync(id, SchoolOperations.Manage, ct);
        if (school is null) return NotFound();
        return View(await FormAsync(SchoolFormModel.From(school), null, ct));
    }

    [HttpPost, Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Form")] SchoolFormModel form, CancellationToken ct)
    {
        var school = await access.FindAsync(id, SchoolOperations.Manage, ct);
        if (school is null) return NotFound();
        form.Id = id;
        await ValidateAsync(form, id, ct);
        if (!ModelState.IsValid) return View(await FormAsync(form, null, ct));

        form.ApplyTo(school);
        db.Entry(school).Property(s => s.RowVersion).OriginalValue = DecodeRowVersion(form.RowVersion);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved first: keep what this user typed, show what is stored now, and let them decide.
            var stored = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == id, ct);
            ModelState.Clear();
            ModelState.AddModelError("", l["Concurrency.Conflict"]);
            form.RowVersion = Convert.ToBase64String(stored.RowVersion);
            return View(await FormAsync(form, SchoolFormModel.From(stored), ct));
        }
        TempData["Success"] = l["Saved"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken ct)
    {
        var school = await access.FindAsync(id, SchoolOperations.Manage, ct);
        if (school is null) return NotFound();
        if (school.IsActive != active)
        {
            school.IsActive = active;
            await db.SaveChangesAsync(ct);
        }
        TempData["Success"] = l[active ? "School.Activated" : "School.Deactivated", school.Name].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet, Authorize(Policy = Policies.Admin)]
    public IActionResult Import() => View(new SchoolImportViewModel(null, null, null));

    /// <summary>Step 1: check the file and show a preview. Nothing is saved.</summary>
    [HttpPost, Authorize(Policy = Policies.Admin)]
    [RequestSizeLimit(MaxImportBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", l["Import.NoFile"]);
            return View(new SchoolImportViewModel(null, null, null));
        }
        if (file.Length > MaxImportBytes)
        {
            ModelState.AddModelError("file", l["Import.TooLarge", MaxImportBytes / 1024 / 1024]);
            return View(new SchoolImportViewModel(null, null, file.FileName));
        }
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            text = await reader.ReadToEndAsync(ct);
        var plan = await import.PlanAsync(text, User.GetScope(), ct);
        return View(new SchoolImportViewModel(plan, text, file.FileName));
    }

    /// <summary>Step 2: the user confirmed the preview; check again and import everything or nothing.</summary>
    [HttpPost, Authorize(Policy = Policies.Admin)]
    [RequestSizeLimit(3 * MaxImportBytes)]
    [RequestFormLimits(ValueLengthLimit = 3 * MaxImportBytes)]
    public async Task<IActionResult> ImportConfirm(string csvText, string? fileName, CancellationToken ct)
    {
        var plan = await import.PlanAsync(csvText ?? "", User.GetScope(), ct);
        if (!plan.CanImport) return View(nameof(Import), new SchoolImportViewModel(plan, csvText, fileName));
        await import.ApplyAsync(plan, ct);
        TempData["Success"] = l["Import.Done", plan.Rows.Count, plan.NewCount, plan.UpdateCount].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet, Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Export([FromQuery] SchoolListQuery query, CancellationToken ct)
    {
        var schools = await Filter(db.Schools.VisibleTo(User.GetScope()), query)
            .Include(s => s.Jurisdiction)
            .OrderBy(s => s.Code)
            .ToListAsync(ct);
        var bytes = SchoolCsv.ToFileBytes(SchoolCsv.Write(schools));
        return File(bytes, "text/csv; charset=utf-8", $"schools-{ChinaTime.Today(clock):yyyyMMdd}.csv");
    }

    /// <summary>A CSV with the headers and one example row, to start an import from.</summary>
    [HttpGet, Authorize(Policy = Policies.Admin)]
    public IActionResult ImportTemplate()
    {
        var example = new School
        {
            Code = "XP999", Name = "示例村完小", Type = SchoolType.Primary, Township = "扬武镇",
            Jurisdiction = new Jurisdiction { Code = "530427" }, Students = 180, BoardingStudents = 40, Staff = 12, TallestBuildingFloors = 3,
        };
        return File(SchoolCsv.ToFileBytes(SchoolCsv.Write([example])), "text/csv; charset=utf-8", "schools-template.csv");
    }

    private static IQueryable<School> Filter(IQueryable<School> schools, SchoolListQuery query)
    {
        if (!query.IncludeInactive) schools = schools.Where(s => s.IsActive);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            schools = schools.Where(s => s.Name.Contains(q) || s.Code.Contains(q));
        }
        if (!string.IsNullOrWhiteSpace(query.Township)) schools = schools.Where(s => s.Township == query.Township);
        if (query.Type is { } type) schools = schools.Where(s => s.Type == type);
        return schools;
    }

    private async Task ValidateAsync(SchoolFormModel form, int? id, CancellationToken ct)
    {
        if (form.BoardingStudents > form.Students)
            ModelState.AddModelError($"Form.{nameof(form.BoardingStudents)}", l["School.BoardingExceedsStudents"]);
        if (!string.IsNullOrWhiteSpace(form.Code)
            && await db.Schools.AnyAsync(s => s.Code == School.NormalizeCode(form.Code) && s.Id != id, ct))
            ModelState.AddModelError($"Form.{nameof(form.Code)}", l["School.CodeTaken", form.Code]);
        if (form.JurisdictionId is int county && !(await CountiesAsync(ct)).Any(c => c.Id == county))
            ModelState.AddModelError($"Form.{nameof(form.JurisdictionId)}", l["Validation.Invalid"]);
    }

    private async Task<SchoolFormViewModel> FormAsync(SchoolFormModel form, SchoolFormModel? current, CancellationToken ct)
    {
        var counties = await CountiesAsync(ct);
        if (form.JurisdictionId is null && counties.Count == 1) form.JurisdictionId = counties[0].Id;
        return new SchoolFormViewModel
        {
            Form = form,
            Current = current,
            Counties = counties.Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
        };
    }

    /// <summary>The counties in the administrator's jurisdiction: the only places a school may be put.</summary>
    private Task<List<Jurisdiction>> CountiesAsync(CancellationToken ct)
    {
        return db.Jurisdictions.VisibleTo(User.GetScope()).Where(j => j.Level == JurisdictionLevel.County)
            .OrderBy(j => j.Code).ToListAsync(ct);
    }

    private static byte[] DecodeRowVersion(string? value)
    {
        try
        {
            return Convert.FromBase64String(value ?? "");
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
