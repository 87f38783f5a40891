using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Ledger;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Ledger;

public sealed class SurroundingsQuery : LedgerQuery
{
    public SurroundingsKind? Kind { get; set; }
    public SurroundingsStatus? Status { get; set; }

    /// <summary>Observed in this calendar year.</summary>
    public int? Year { get; set; }

    /// <summary>Only problems that recur (same school and kind within 12 months).</summary>
    public bool Recurring { get; set; }

    /// <summary>Not yet resolved.</summary>
    public bool Unresolved { get; set; }
}

public sealed record SurroundingsListViewModel(SurroundingsQuery Query, Paged<SurroundingsIssue> Issues, IReadOnlySet<int> RecurringIds,
    int Unresolved, int Recurring, IReadOnlyList<(string Township, SurroundingsKind Kind, int Count)> ByTownshipAndKind,
    IReadOnlyList<string> Townships, IReadOnlyList<int> Years);

public sealed record SchoolSurroundingsViewModel(School School, IReadOnlyList<SurroundingsIssue> Issues, IReadOnlySet<int> RecurringIds, bool CanRecord);

public sealed record SurroundingsFormViewModel(School School, int? Id, SurroundingsInput Input, DateOnly Today)
{
    /// <summary>Set when someone else saved the problem first: what is stored now, shown beside the fields.</summary>
    public SurroundingsInput? Stored { get; init; }
}

/// <summary>
/// Problems around schools (周边环境): recorded by the school, followed to an outcome with the office
/// it was reported to; the county sees them by township and kind and how many come back.
/// </summary>
public sealed class SurroundingsController(AppDbContext db, SchoolAccess access, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private DateOnly Today => ChinaTime.Today(clock);

    [HttpGet("Surroundings"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Index([FromQuery] SurroundingsQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        var schools = query.Apply(db.Schools.VisibleTo(scope));
        // Recurrence looks at every problem of these schools, whatever the other filters, so a problem of
        // January still counts as coming back after one of the previous November.
        var recurring = await LedgerStatus.RecurringIssuesAsync(db, schools, ct);
        var issues = db.SurroundingsIssues.AsNoTracking().Where(i => schools.Select(s => s.Id).Contains(i.SchoolId));
        if (query.Kind is { } kind) issues = issues.Where(i => i.Kind == kind);
        if (query.Status is { } status) issues = issues.Where(i => i.Status == status);
        if (query.Unresolved) issues = issues.Where(i => i.Status != SurroundingsStatus.Resolved);
        if (query.Year is { } year) issues = issues.Where(i => i.ObservedOn >= new DateOnly(year, 1, 1) && i.ObservedOn <= new DateOnly(year, 12, 31));
        var all = await issues.Include(i => i.School).OrderByDescending(i => i.ObservedOn).ThenByDescending(i => i.Id).ToListAsync(ct);
        if (query.Recurring) all = all.Where(i => recurring.Contains(i.Id)).ToList();

        var byTownshipAndKind = all.GroupBy(i => (i.School!.Township, i.Kind)).Select(g => (g.Key.Township, g.Key.Kind, g.Count()))
            .OrderBy(x => x.Township).ThenBy(x => x.Kind).ToList();
        return View(new SurroundingsListViewModel(query, Paged<SurroundingsIssue>.Of(all, query.Page), recurring,
            all.Count(i => i.Status != SurroundingsStatus.Resolved), all.Count(i => recurring.Contains(i.Id)), byTownshipAndKind,
            await db.Schools.VisibleTo(scope).Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct),
            Enumerable.Range(0, 5).Select(i => Today.Year - i).ToList()));
    }

    [HttpGet("Schools/{schoolId:int}/Surroundings"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> School(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        var issues = await db.SurroundingsIssues.AsNoTracking().Where(i => i.SchoolId == schoolId)
            .OrderBy(i => i.Status == SurroundingsStatus.Resolved).ThenByDescending(i => i.ObservedOn).ThenByDescending(i => i.Id).ToListAsync(ct);
        var recurring = SurroundingsRecurrence.Recurring(issues.Select(i => new SurroundingsRecurrence.Observation(i.Id, i.SchoolId, i.Kind, i.ObservedOn)));
        return View(new SchoolSurroundingsViewModel(school, issues, recurring, await access.FindAsync(schoolId, SchoolOperations.Record, ct) is not null));
    }

    [HttpGet("Schools/{schoolId:int}/Surroundings/Create"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> Create(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        return View("Edit", new SurroundingsFormViewModel(school, null, new SurroundingsInput { ObservedOn = Today, Status = SurroundingsStatus.Open }, Today));
    }

    [HttpPost("Schools/{schoolId:int}/Surroundings/Create"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> Create(int schoolId, [Bind(Prefix = "Input")] SurroundingsInput input, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        ModelState.AddErrors("Input", SurroundingsRules.Validate(input, Today), l);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", new SurroundingsFormViewModel(school, null, input, Today));
        }
        var issue = new SurroundingsIssue { SchoolId = school.Id, RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedById = User.GetScope().UserId };
        issue.Apply(input, Today);
        db.SurroundingsIssues.Add(issue);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Surroundings.Saved"].Value;
        return RedirectToAction(nameof(School), new { schoolId });
    }

    [HttpGet("Surroundings/Edit/{id:int}"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var (issue, school) = await LoadAsync(id, ct);
        if (issue is null) return NotFound();
        return View(new SurroundingsFormViewModel(school!, id, SurroundingsInput.From(issue), Today));
    }

    /// <summary>Updates a problem (status, outcome...). If someone saved it meanwhile, this user's values stay in the form beside the stored ones.</summary>
    [HttpPost("Surroundings/Edit/{id:int}"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] SurroundingsInput input, CancellationToken ct)
    {
        var (issue, school) = await LoadAsync(id, ct);
        if (issue is null) return NotFound();
        ModelState.AddErrors("Input", SurroundingsRules.Validate(input, Today), l);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new SurroundingsFormViewModel(school!, id, input, Today));
        }
        issue.Apply(input, Today);
        issue.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        issue.UpdatedById = User.GetScope().UserId;
        db.Entry(issue).Property(i => i.RowVersion).OriginalValue = LedgerForms.DecodeRowVersion(input.RowVersion);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var stored = SurroundingsInput.From(await db.SurroundingsIssues.AsNoTracking().FirstAsync(i => i.Id == id, ct));
            ModelState.Clear();
            ModelState.AddModelError("", l["Concurrency.Conflict"]);
            input.RowVersion = stored.RowVersion;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new SurroundingsFormViewModel(school!, id, input, Today) { Stored = stored });
        }
        TempData["Success"] = l["Surroundings.Saved"].Value;
        return RedirectToAction(nameof(School), new { schoolId = issue.SchoolId });
    }

    /// <summary>The problem and its school, if the user may record for that school; otherwise (null, null) and the caller answers 404.</summary>
    private async Task<(SurroundingsIssue? Issue, School? School)> LoadAsync(int id, CancellationToken ct)
    {
        var issue = await db.SurroundingsIssues.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null) return (null, null);
        var school = await access.FindAsync(issue.SchoolId, SchoolOperations.Record, ct);
        return school is null ? (null, null) : (issue, school);
    }
}
