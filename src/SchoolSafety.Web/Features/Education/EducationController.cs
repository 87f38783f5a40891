using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Education;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Education;

public sealed class EducationForm
{
    public EducationKind? Kind { get; set; }
    public DateOnly? Date { get; set; }
    public string? Title { get; set; }
    public List<string> Topics { get; set; } = [];
    public int? ClassesReached { get; set; }
    public int? StudentsReached { get; set; }
}

public sealed record EducationIndexViewModel(School School, Term? Term, IReadOnlyList<EducationRecord> Records, IReadOnlyList<EducationTopic> Topics, bool CanRecord);

public sealed record EducationFormViewModel(School School, EducationForm Form, IReadOnlyList<EducationTopic> Topics);

public sealed record CoverageRow(School School, bool FirstLesson, IReadOnlySet<string> Covered);

public sealed class CoverageQuery : Ledger.LedgerQuery
{
    /// <summary>Only schools without the first lesson or missing a required topic.</summary>
    public bool OnlyGaps { get; set; }
}

public sealed record CoverageViewModel(CoverageQuery Query, IReadOnlyList<CoverageRow> Rows, IReadOnlyList<EducationTopic> Topics, int Schools,
    int FirstLessonDone, IReadOnlyList<string> Townships);

/// <summary>Safety education (安全教育): the first lesson of term, theme lessons and parent letters, and the county's topic coverage.</summary>
public sealed class EducationController(AppDbContext db, SchoolAccess access, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private DateOnly Today => ChinaTime.Today(clock);

    [HttpGet("Schools/{schoolId:int}/Education"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Index(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Read, ct);
        if (school is null) return NotFound();
        var term = await TermOfAsync(school, ct);
        var records = db.EducationRecords.AsNoTracking().Where(r => r.SchoolId == schoolId);
        if (term is not null) records = records.Where(r => r.Date >= term.Start && r.Date <= term.End);
        var canRecord = await access.FindAsync(schoolId, SchoolOperations.Record, ct) is not null;
        return View(new EducationIndexViewModel(school, term, await records.OrderByDescending(r => r.Date).ToListAsync(ct), await TopicsAsync(ct), canRecord));
    }

    [HttpGet("Schools/{schoolId:int}/Education/Create"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> Create(int schoolId, EducationKind? kind, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        var form = new EducationForm { Kind = kind ?? EducationKind.ThemeLesson, Date = Today, StudentsReached = school.Students };
        return View(new EducationFormViewModel(school, form, await TopicsAsync(ct)));
    }

    [HttpPost("Schools/{schoolId:int}/Education/Create"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> Create(int schoolId, [Bind(Prefix = "Form")] EducationForm form, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        var topics = await TopicsAsync(ct);
        if (form.Kind is null) ModelState.AddModelError("Form.Kind", l["Education.KindRequired"]);
        if (form.Date is not { } date) ModelState.AddModelError("Form.Date", l["Training.DateRequired"]);
        else if (date > Today) ModelState.AddModelError("Form.Date", l["Training.DateFuture"]);
        if (string.IsNullOrWhiteSpace(form.Title)) ModelState.AddModelError("Form.Title", l["Training.TitleRequired"]);
        var chosen = form.Topics.Where(k => topics.Any(t => t.Key == k)).Distinct().ToList();
        if (chosen.Count == 0) ModelState.AddModelError("Form.Topics", l["Education.TopicsRequired"]);
        if (form.ClassesReached is not >= 0) ModelState.AddModelError("Form.ClassesReached", l["Drill.CountInvalid"]);
        if (form.StudentsReached is not >= 0) ModelState.AddModelError("Form.StudentsReached", l["Drill.CountInvalid"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new EducationFormViewModel(school, form, topics));
        }
        db.EducationRecords.Add(new EducationRecord
        {
            SchoolId = school.Id, Kind = form.Kind!.Value, Date = form.Date!.Value, Title = form.Title!.Trim(), Topics = string.Join(',', chosen),
            ClassesReached = form.ClassesReached!.Value, StudentsReached = form.StudentsReached!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = User.GetScope().UserId,
        });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Education.Recorded"].Value;
        return RedirectToAction(nameof(Index), new { schoolId });
    }

    /// <summary>The county's matrix: which required topics each school has covered this term, and whether it gave the first lesson.</summary>
    [HttpGet("Education/Coverage"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> Coverage([FromQuery] CoverageQuery query, CancellationToken ct)
    {
        var scope = User.GetScope();
        var list = await query.Apply(db.Schools.VisibleTo(scope)).Include(s => s.Jurisdiction).OrderBy(s => s.Code).ToListAsync(ct);
        var terms = await db.Terms.Include(t => t.Jurisdiction).ToListAsync(ct);
        var today = Today;
        var termOf = list.ToDictionary(s => s.Id, s => Term.CurrentFor(terms, s.Jurisdiction!.Path, today));
        var from = termOf.Values.OfType<Term>().Select(t => t.Start).DefaultIfEmpty(today).Min();
        var ids = list.Select(s => s.Id).ToList();
        var records = (await db.EducationRecords.AsNoTracking().Where(r => ids.Contains(r.SchoolId) && r.Date >= from && r.Date <= today).ToListAsync(ct))
            .ToLookup(r => r.SchoolId);
        var topics = await TopicsAsync(ct);
        var required = topics.Where(t => t.Required).ToList();
        var rows = list.Select(s =>
        {
            var term = termOf[s.Id];
            var mine = term is null ? [] : records[s.Id].Where(r => r.Date >= term.Start && r.Date <= term.End).ToList();
            return new CoverageRow(s, mine.Any(r => r.Kind == EducationKind.FirstLesson), EducationCoverage.Covered(mine));
        }).ToList();
        var shown = query.OnlyGaps ? rows.Where(r => !r.FirstLesson || required.Any(t => !r.Covered.Contains(t.Key))).ToList() : rows;
        var townships = await db.Schools.VisibleTo(scope).Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct);
        return View(new CoverageViewModel(query, shown, required, rows.Count, rows.Count(r => r.FirstLesson), townships));
    }

    /// <summary>The topic list (administrators): add a topic, or change whether it is required.</summary>
    [HttpGet("Education/Topics"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Topics(CancellationToken ct) => View(await db.EducationTopics.OrderBy(t => t.SortOrder).ToListAsync(ct));

    [HttpPost("Education/Topics"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> AddTopic(string? nameZh, string? nameEn, bool required, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(nameZh) || string.IsNullOrWhiteSpace(nameEn))
        {
            ModelState.AddModelError("nameZh", l["Education.TopicNameRequired"]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Topics), await db.EducationTopics.OrderBy(t => t.SortOrder).ToListAsync(ct));
        }
        var order = await db.EducationTopics.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0;
        db.EducationTopics.Add(new EducationTopic { Key = $"t{order + 1}-{Guid.NewGuid():N}"[..12], NameZh = nameZh.Trim(), NameEn = nameEn.Trim(), Required = required, SortOrder = order + 1 });
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Topics));
    }

    [HttpPost("Education/Topics/{id:int}/Required"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> SetRequired(int id, bool required, CancellationToken ct)
    {
        var topic = await db.EducationTopics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null) return NotFound();
        topic.Required = required;
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Topics));
    }

    private Task<List<EducationTopic>> TopicsAsync(CancellationToken ct) => db.EducationTopics.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);

    private async Task<Term?> TermOfAsync(School school, CancellationToken ct)
    {
        var terms = await db.Terms.Include(t => t.Jurisdiction).ToListAsync(ct);
        var path = school.Jurisdiction?.Path ?? await db.Jurisdictions.Where(j => j.Id == school.JurisdictionId).Select(j => j.Path).FirstAsync(ct);
        return Term.CurrentFor(terms, path, Today);
    }
}
