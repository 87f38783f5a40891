using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Training;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Training;

/// <summary>A training session as typed; the attendees of a county session come from picked accounts and CSV lines.</summary>
public sealed class TrainingForm
{
    public DateOnly? Date { get; set; }
    public string? Title { get; set; }
    public string? Venue { get; set; }
    public string? Speakers { get; set; }

    /// <summary>School sessions: how many took part.</summary>
    public int? AttendeeCount { get; set; }

    /// <summary>County sessions: the node the session is for (a county, or above).</summary>
    public int? JurisdictionId { get; set; }
    public List<string> UserIds { get; set; } = [];

    /// <summary>County sessions: 姓名,学校代码,职务 per line, pasted or uploaded.</summary>
    public string? AttendeesCsv { get; set; }
}

public sealed record TrainingListViewModel(IReadOnlyList<TrainingSession> Sessions, bool Bureau);

public sealed record CountyTrainingFormViewModel(TrainingForm Form, IReadOnlyList<Jurisdiction> Jurisdictions, IReadOnlyList<AppUser> Users,
    IReadOnlyList<AttendeeLineError> CsvErrors);

public sealed record SchoolTrainingFormViewModel(School School, TrainingForm Form);

public sealed record AttendanceRow(School School, int Attendees);

public sealed record TrainingDetailsViewModel(TrainingSession Session, IReadOnlyList<AttendanceRow> Attendance);

/// <summary>Training (培训): county sessions recorded by the bureau with their attendees; school sessions recorded by schools.</summary>
public sealed class TrainingController(AppDbContext db, SchoolAccess access, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private DateOnly Today => ChinaTime.Today(clock);

    [HttpGet("Training"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var scope = User.GetScope();
        var sessions = await Visible(scope).Include(s => s.School).Include(s => s.Jurisdiction)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Take(200).ToListAsync(ct);
        return View(new TrainingListViewModel(sessions, scope.IsBureauUser));
    }

    [HttpGet("Training/Details/{id:int}"), Authorize(Policy = Policies.AnyUser)]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var scope = User.GetScope();
        var session = await Visible(scope).Include(s => s.School).Include(s => s.Jurisdiction)
            .Include(s => s.Attendees).ThenInclude(a => a.School).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        IReadOnlyList<AttendanceRow> attendance = [];
        if (session.Level == TrainingLevel.County && scope.IsBureauUser)
        {
            // Every school of the session's area in the user's scope, with how many of its people came (none stands out).
            var path = session.Jurisdiction!.Path;
            var schools = await db.Schools.VisibleTo(scope).Where(s => s.IsActive && s.Jurisdiction!.Path.StartsWith(path)).OrderBy(s => s.Code).ToListAsync(ct);
            var counts = session.Attendees.Where(a => a.SchoolId != null).GroupBy(a => a.SchoolId!.Value).ToDictionary(g => g.Key, g => g.Count());
            attendance = schools.Select(s => new AttendanceRow(s, counts.GetValueOrDefault(s.Id))).OrderBy(r => r.Attendees > 0).ThenBy(r => r.School.Code).ToList();
        }
        return View(new TrainingDetailsViewModel(session, attendance));
    }

    [HttpGet("Training/CreateCounty"), Authorize(Policy = Policies.Bureau)]
    public async Task<IActionResult> CreateCounty(CancellationToken ct) =>
        View(await CountyModelAsync(new TrainingForm { Date = Today, JurisdictionId = await DefaultJurisdictionAsync(ct) }, [], ct));

    [HttpPost("Training/CreateCounty"), Authorize(Policy = Policies.Bureau)]
    [RequestSizeLimit(2 * 1024 * 1024), RequestFormLimits(MultipartBodyLengthLimit = 2 * 1024 * 1024)]
    public async Task<IActionResult> CreateCounty([Bind(Prefix = "Form")] TrainingForm form, IFormFile? csvFile, CancellationToken ct)
    {
        var scope = User.GetScope();
        Validate(form, county: true);
        var node = form.JurisdictionId is int jid ? await db.Jurisdictions.VisibleTo(scope).FirstOrDefaultAsync(j => j.Id == jid, ct) : null;
        if (node is null) ModelState.AddModelError("Form.JurisdictionId", l["Training.JurisdictionRequired"]);

        // Attendees: accounts picked from the list, then the CSV lines (pasted or uploaded).
        var csv = form.AttendeesCsv ?? "";
        if (csvFile is { Length: > 0 })
        {
            using var reader = new StreamReader(csvFile.OpenReadStream(), System.Text.Encoding.UTF8);
            csv += "\n" + await reader.ReadToEndAsync(ct);
        }
        var codes = (await db.Schools.VisibleTo(scope).Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        var (lines, csvErrors) = AttendeeCsv.Read(csv, codes);
        if (csvErrors.Count > 0) ModelState.AddModelError("Form.AttendeesCsv", l["Training.CsvErrors", csvErrors.Count]);
        var picked = await db.Users.VisibleTo(scope).Where(u => form.UserIds.Contains(u.Id) && u.SchoolId != null).ToListAsync(ct);
        var lineCodes = lines.Select(x => x.SchoolCode).OfType<string>().Distinct().ToList();
        var schoolIds = await db.Schools.VisibleTo(scope).Where(s => lineCodes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var attendees = picked.Select(u => new TrainingAttendee { Name = string.IsNullOrEmpty(u.DisplayName) ? u.UserName! : u.DisplayName, SchoolId = u.SchoolId, UserId = u.Id })
            .Concat(lines.Select(x => new TrainingAttendee { Name = x.Name, SchoolId = x.SchoolCode is null ? null : schoolIds[x.SchoolCode], Position = x.Position }))
            .ToList();
        if (attendees.Count == 0 && csvErrors.Count == 0) ModelState.AddModelError("Form.AttendeesCsv", l["Training.NoAttendees"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await CountyModelAsync(form, csvErrors, ct));
        }
        var session = New(form, TrainingLevel.County);
        session.JurisdictionId = node!.Id;
        session.Attendees = attendees;
        session.AttendeeCount = attendees.Count;
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Training.Recorded", session.Title, attendees.Count].Value;
        return RedirectToAction(nameof(Details), new { id = session.Id });
    }

    [HttpGet("Schools/{schoolId:int}/Training/Create"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> CreateSchool(int schoolId, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        return View(new SchoolTrainingFormViewModel(school, new TrainingForm { Date = Today, Venue = school.Name, AttendeeCount = school.Staff }));
    }

    [HttpPost("Schools/{schoolId:int}/Training/Create"), Authorize(Policy = Policies.SchoolStaff)]
    public async Task<IActionResult> CreateSchool(int schoolId, [Bind(Prefix = "Form")] TrainingForm form, CancellationToken ct)
    {
        var school = await access.FindAsync(schoolId, SchoolOperations.Record, ct);
        if (school is null) return NotFound();
        Validate(form, county: false);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new SchoolTrainingFormViewModel(school, form));
        }
        var session = New(form, TrainingLevel.School);
        session.SchoolId = school.Id;
        session.AttendeeCount = form.AttendeeCount!.Value;
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Training.Recorded", session.Title, session.AttendeeCount].Value;
        return RedirectToAction(nameof(Details), new { id = session.Id });
    }

    /// <summary>Sessions a user may see: the bureau sees county sessions at or below its node and its schools' sessions; a school sees its own and the county sessions it attended.</summary>
    private IQueryable<TrainingSession> Visible(UserScope scope)
    {
        if (scope.IsSchoolUser)
        {
            var schoolId = scope.SchoolId!.Value;
            return db.TrainingSessions.Where(s => s.SchoolId == schoolId || (s.Level == TrainingLevel.County && s.Attendees.Any(a => a.SchoolId == schoolId)));
        }
        if (scope.IsBureauUser)
        {
            var path = scope.JurisdictionPath!;
            return db.TrainingSessions.Where(s => (s.Jurisdiction != null && s.Jurisdiction.Path.StartsWith(path))
                                                  || (s.School != null && s.School.Jurisdiction!.Path.StartsWith(path)));
        }
        return db.TrainingSessions.Where(s => false);
    }

    private void Validate(TrainingForm f, bool county)
    {
        if (f.Date is not { } date) ModelState.AddModelError("Form.Date", l["Training.DateRequired"]);
        else if (date > Today) ModelState.AddModelError("Form.Date", l["Training.DateFuture"]);
        if (string.IsNullOrWhiteSpace(f.Title)) ModelState.AddModelError("Form.Title", l["Training.TitleRequired"]);
        if (string.IsNullOrWhiteSpace(f.Venue)) ModelState.AddModelError("Form.Venue", l["Training.VenueRequired"]);
        if (!county && f.AttendeeCount is not > 0) ModelState.AddModelError("Form.AttendeeCount", l["Training.NoAttendees"]);
    }

    private TrainingSession New(TrainingForm f, TrainingLevel level) => new()
    {
        Level = level, Date = f.Date!.Value, Title = f.Title!.Trim(), Venue = f.Venue!.Trim(), Speakers = f.Speakers?.Trim() ?? "",
        CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = User.GetScope().UserId,
    };

    private async Task<int?> DefaultJurisdictionAsync(CancellationToken ct)
    {
        var path = User.GetScope().JurisdictionPath;
        return await db.Jurisdictions.Where(j => j.Path == path).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<CountyTrainingFormViewModel> CountyModelAsync(TrainingForm form, IReadOnlyList<AttendeeLineError> errors, CancellationToken ct)
    {
        var scope = User.GetScope();
        var nodes = await db.Jurisdictions.VisibleTo(scope).OrderBy(j => j.Path).ToListAsync(ct);
        var users = await db.Users.VisibleTo(scope).Where(u => u.SchoolId != null && !u.IsDisabled).Include(u => u.School)
            .OrderBy(u => u.School!.Code).ThenBy(u => u.UserName).ToListAsync(ct);
        return new CountyTrainingFormViewModel(form, nodes, users, errors);
    }
}
