using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Exports;
using SchoolSafety.Data;
using SchoolSafety.Defences;
using SchoolSafety.Identity;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Defences;

/// <summary>
/// Three defences (三防): each school's guards, walls and cameras as effective-dated records, measured
/// against the standards of its jurisdiction. The school records its own; bureau staff may record for
/// any school in their scope too, because the county often fills these facts from its own surveys.
/// </summary>
public sealed class DefencesController(
    AppDbContext db, SchoolAccess access, DefenceService defences, DefenceFigures figures, IStringLocalizer<SharedResource> l, TimeProvider clock,
    TableDownload exports) : Controller
{
    [HttpGet("Schools/{schoolId:int}/Defences"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> School(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        var today = defences.Today;
        var history = await defences.HistoryAsync(school.Id, ct);
        var sets = await figures.RuleSetsAsync(ct);
        var current = history.FirstOrDefault(r => r.EffectiveFrom <= today);
        var status = DefenceRules.Assess(school, current, DefenceRules.RulesFor(school.Jurisdiction!.Path, sets, today), today);
        var rows = history.Select(r => new DefenceHistoryRow(r,
            DefenceRules.Assess(school, r, DefenceRules.RulesFor(school.Jurisdiction.Path, sets, r.EffectiveFrom), r.EffectiveFrom))).ToList();
        return View(new SchoolDefencesViewModel(school, status, rows, await RecordableAsync(schoolId, ct) is not null, today));
    }

    [HttpGet("Schools/{schoolId:int}/Defences/Revisions/{revision:int}"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Revision(int schoolId, int revision, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        var record = await db.DefenceRecords.AsNoTracking().Include(r => r.Guards)
            .FirstOrDefaultAsync(r => r.SchoolId == school.Id && r.Revision == revision, ct);
        if (record is null) return NotFound();
        return View(new DefenceRevisionViewModel(school, await defences.AssessAsync(school, record, record.EffectiveFrom, ct), record.IsCurrent));
    }

    [HttpGet("Schools/{schoolId:int}/Defences/Edit"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Edit(int schoolId, CancellationToken ct)
    {
        var school = await RecordableAsync(schoolId, ct);
        if (school is null) return NotFound();
        var current = await defences.CurrentAsync(school.Id, ct);
        return View(await FormAsync(school, DefenceInput.From(current, defences.Today), null, ct));
    }

    /// <summary>Saves the form as the school's next record; <paramref name="addGuard"/> only adds an empty guard row and saves nothing.</summary>
    [HttpPost("Schools/{schoolId:int}/Defences/Edit"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Edit(int schoolId, [Bind(Prefix = "Input")] DefenceInput input, bool addGuard, CancellationToken ct)
    {
        var school = await RecordableAsync(schoolId, ct);
        if (school is null) return NotFound();
        if (addGuard)
        {
            ModelState.Clear();
            input.Guards.Add(new GuardInput());
            return View(await FormAsync(school, input, null, ct));
        }
        if (!ModelState.IsValid)
        {
            // A value that is not even a number or a date: shown beside its field with the other problems, nothing saved.
            foreach (var (field, error) in DefenceRules.Validate(input, defences.Today, null))
                if (ModelState[$"Input.{field}"] is not { Errors.Count: > 0 }) ModelState.AddModelError($"Input.{field}", l[error.MessageKey, error.Args]);
            ModelState.AddModelError("", l["Defence.FixErrors"]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await FormAsync(school, input, null, ct));
        }
        var result = await defences.RecordAsync(school, input, User.GetScope().UserId, User.GetDisplayName(), ct);
        if (result.IsConflict)
        {
            var stored = result.StoredInstead;
            ModelState.Clear();
            ModelState.AddModelError("", stored is null ? l["Defence.ConflictGone"] : l["Defence.Conflict", stored.RecordedByName ?? "", ChinaTime.FromUtc(stored.RecordedAt).ToString("yyyy-MM-dd HH:mm")]);
            input.BaseRevision = stored?.Revision;
            input.RowVersion = stored is null ? null : Convert.ToBase64String(stored.RowVersion);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(await FormAsync(school, input, stored, ct));
        }
        if (result.Errors.Count > 0)
        {
            foreach (var (field, error) in result.Errors) ModelState.AddModelError($"Input.{field}", l[error.MessageKey, error.Args]);
            ModelState.AddModelError("", l["Defence.FixErrors"]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await FormAsync(school, input, null, ct));
        }
        TempData["Success"] = l["Defence.Saved", result.Saved!.Revision].Value;
        return RedirectToAction(nameof(School), new { schoolId = school.Id });
    }

    /// <summary>The school the user may record for: school staff their own active school, bureau staff any active school in scope.</summary>
    private async Task<School?> RecordableAsync(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, User.GetScope().IsBureauUser ? SchoolOperations.Read : SchoolOperations.Record, ct);
        return school is { IsActive: true } ? school : null;
    }

    private async Task<DefenceFormViewModel> FormAsync(School school, DefenceInput input, DefenceRecord? stored, CancellationToken ct)
    {
        var sets = await figures.RuleSetsAsync(ct);
        var rules = DefenceRules.RulesFor(school.Jurisdiction!.Path, sets, input.EffectiveFrom ?? defences.Today);
        if (input.Guards.Count == 0) input.Guards.Add(new GuardInput());
        return new DefenceFormViewModel(school, input, DefenceRules.GuardsRequired(rules, school.Students, school.BoardingStudents), rules) { Stored = stored };
    }

    /// <summary>The county's figures on a day (today unless asked): the seed's "应配…现有…缺…" line and every shortfall, each opening its schools.</summary>
    [HttpGet("Defences"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Index(DateOnly? on, CancellationToken ct)
    {
        var today = defences.Today;
        var day = on is { } d && d <= today ? d : today;
        var statuses = await figures.StatusesAsync(db.Schools.VisibleTo(User.GetScope()), day, ct);
        var minimum = statuses.Select(s => s.Rules.MinRetentionDays).DefaultIfEmpty(90).Min();
        var withCameras = statuses.Where(s => s.Record is { Cameras: > 0 }).Select(s => s.Record!.RetentionDays).ToList();
        RetentionBucket Bucket(int from, int? to) => new(from, to, withCameras.Count(x => x >= from && (to is null || x <= to)));
        List<RetentionBucket> buckets = [Bucket(0, 14), Bucket(15, 30), Bucket(31, minimum - 1), Bucket(minimum, null)];
        return View(new DefenceCountyViewModel(DefenceFigures.Count(statuses), day, today, buckets.Where(b => b.To is null || b.To >= b.From).ToList(), minimum));
    }

    [HttpGet("Defences/Schools"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Schools([FromQuery] DefenceSchoolsQuery query, CancellationToken ct)
    {
        var (day, rows) = await GapListAsync(query, ct);
        return View(new DefenceSchoolsViewModel(query, day, rows));
    }

    /// <summary>The list as .xlsx or CSV with the page's filters: one row per school, the shortfall in the page's words.</summary>
    [HttpGet("Defences/Schools/Export"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> SchoolsExport([FromQuery] DefenceSchoolsQuery query, ExportFormat format, CancellationToken ct)
    {
        if (!Enum.IsDefined(format)) return NotFound();
        var (day, rows) = await GapListAsync(query, ct);
        string Shortfall(SchoolDefenceStatus st)
        {
            if (st.Record is null) return l["Defence.NoRecordShort"].Value;
            var gaps = query.Gap is { } gap ? st.Gaps.Where(g => g.Kind == gap) : st.Gaps;
            return string.Join(l["Defence.ListSeparator"].Value, gaps.Select(g => g.Kind == GapKind.NoRecord ? l["Defence.NoRecordShort"].Value : DefenceText.Gap(l, g)));
        }
        string Guards(SchoolDefenceStatus st) => query.Gap is { } gap && DefenceRules.GuardKinds.Contains(gap) && st.Record is { } rec
            ? string.Join(l["Defence.ListSeparator"].Value, DefenceRules.MatchingGuards(gap, rec, st.Rules, day)
                .Select(x => l["Defence.GuardBrief", x.Name, x.AgeIn(day.Year), l["EducationLevel." + x.Education]].Value))
            : "";
        return await exports.FileAsync(Request, DownloadAudit.Kinds.DefenceGapExport, format, "Export.DefenceGaps", null,
        [
            new("School.Code", st => st.School.Code),
            new("School.Name", st => st.School.Name),
            new("School.Township", st => st.School.Township),
            new("School.Type", st => l["SchoolType." + st.School.Type].Value),
            new("Export.GuardsRequired", st => st.GuardsRequired),
            new("Export.GuardsPresent", st => st.GuardsPresent),
            new("Export.GuardsShort", st => st.GuardsShort),
            new("Defence.RetentionDays", st => st.Record?.RetentionDays),
            new("Defence.GapCount", st => st.Record is null ? null : st.Gaps.Count),
            new("Defence.Shortfall", Shortfall),
            new("Export.Guards", Guards),
            new("Export.OnDay", _ => day.ToString("yyyy-MM-dd")),
        ], rows.ToAsyncEnumerable(), ct);
    }

    /// <summary>The schools behind one figure (or all schools) on a day, in the page's order: what the page shows and the export writes.</summary>
    private async Task<(DateOnly Day, List<SchoolDefenceStatus> Rows)> GapListAsync(DefenceSchoolsQuery query, CancellationToken ct)
    {
        var today = defences.Today;
        var day = query.On is { } d && d <= today ? d : today;
        var schools = db.Schools.VisibleTo(User.GetScope());
        if (!string.IsNullOrWhiteSpace(query.Township)) schools = schools.Where(s => s.Township == query.Township);
        if (query.Type is { } type) schools = schools.Where(s => s.Type == type);
        var statuses = await figures.StatusesAsync(schools, day, ct);
        var rows = (query.Gap is { } gap ? statuses.Where(s => s.Has(gap)) : statuses)
            .OrderByDescending(s => query.Gap is { } g ? s.Gap(g)!.Count : s.GuardsShort)
            .ThenBy(s => query.Gap == GapKind.RetentionShort ? s.Record!.RetentionDays : 0)
            .ThenBy(s => s.School.Code).ToList();
        return (day, rows);
    }

    /// <summary>The standards and their sources: for a school, the line of nodes above it; for the bureau, its node, those above and those below.</summary>
    [HttpGet("Defences/Standards"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Standards(CancellationToken ct)
    {
        var scope = User.GetScope();
        var path = scope.IsBureauUser ? scope.JurisdictionPath!
            : await db.Schools.Where(s => s.Id == scope.SchoolId).Select(s => s.Jurisdiction!.Path).FirstOrDefaultAsync(ct);
        if (path is null) return NotFound();
        var nodes = (await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Path).ToListAsync(ct))
            .Where(j => path.StartsWith(j.Path, StringComparison.Ordinal) || scope.IsBureauUser && j.Path.StartsWith(path, StringComparison.Ordinal))
            .ToList();
        var sets = await figures.RuleSetsAsync(ct);
        var today = defences.Today;
        var model = nodes.Select(n =>
        {
            var inForce = DefenceRules.RulesFor(n.Path, sets, today);
            return new StandardsNode(n, inForce, inForce.Jurisdiction,
                sets.Where(s => s.JurisdictionId == n.Id).OrderByDescending(s => s.Version).ToList());
        }).ToList();
        return View(new StandardsViewModel(model, today, scope.Role == Roles.Administrator));
    }

    /// <summary>A new version of a node's standards, starting from the values in force there today.</summary>
    [HttpGet("Defences/Standards/New/{jurisdictionId:int}"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> NewStandards(int jurisdictionId, CancellationToken ct)
    {
        var node = await db.Jurisdictions.VisibleTo(User.GetScope()).FirstOrDefaultAsync(j => j.Id == jurisdictionId, ct);
        if (node is null) return NotFound();
        var sets = await figures.RuleSetsAsync(ct);
        var next = NextVersion(sets, node.Id);
        var draft = DefenceRules.RulesFor(node.Path, sets, defences.Today).CopyAsNewVersion(node.Id, next, defences.Today);
        return View(new StandardsFormViewModel(node, draft, next));
    }

    [HttpPost("Defences/Standards/New/{jurisdictionId:int}"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> NewStandards(int jurisdictionId, [Bind(Prefix = "Rules")] StandardRuleSet posted, CancellationToken ct)
    {
        var node = await db.Jurisdictions.VisibleTo(User.GetScope()).FirstOrDefaultAsync(j => j.Id == jurisdictionId, ct);
        if (node is null) return NotFound();
        // An empty source is reported by DefenceRules in the user's language, not by MVC's implicit "required".
        foreach (var key in ModelState.Keys.Where(k => k.EndsWith("Source") && string.IsNullOrWhiteSpace(ModelState[k]!.AttemptedValue)).ToList())
            ModelState.Remove(key);
        var sets = await figures.RuleSetsAsync(ct);
        var next = NextVersion(sets, node.Id);
        var rules = posted.CopyAsNewVersion(node.Id, next, posted.EffectiveFrom);
        var latest = sets.Where(s => s.JurisdictionId == node.Id).Select(s => (DateOnly?)s.EffectiveFrom).Max();
        foreach (var (field, error) in DefenceRules.Validate(rules, latest)) ModelState.AddModelError($"Rules.{field}", l[error.MessageKey, error.Args]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new StandardsFormViewModel(node, rules, next));
        }
        var scope = User.GetScope();
        rules.CreatedAt = clock.GetUtcNow().UtcDateTime;
        rules.CreatedById = scope.UserId;
        rules.CreatedByName = User.GetDisplayName();
        db.StandardRuleSets.Add(rules);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator added this version number a moment earlier.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Standards.Conflict"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new StandardsFormViewModel(node, rules, NextVersion(await figures.RuleSetsAsync(ct), node.Id)));
        }
        TempData["Success"] = l["Standards.Saved", node.Name, rules.Version, rules.EffectiveFrom.ToString("yyyy-MM-dd")].Value;
        return RedirectToAction(nameof(Standards));
    }

    private static int NextVersion(IEnumerable<StandardRuleSet> sets, int nodeId) =>
        sets.Where(s => s.JurisdictionId == nodeId).Select(s => s.Version).DefaultIfEmpty(0).Max() + 1;
}
