using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Drills;
using SchoolSafety.Education;
using SchoolSafety.Hazards;
using SchoolSafety.Training;

namespace SchoolSafety.Web.Features.Schools;

public sealed record SchoolRecordsViewModel(int SchoolId, SchoolDrillStatus Drills, bool FirstLesson, int TopicsCovered, int TopicsRequired,
    int CountyTrainingAttendees, int SchoolTrainings, int OpenTickets, int OverdueTickets, bool CanRecord);

/// <summary>
/// The school file's ledger at a glance (一校一档): this term's drills against the rule, the first lesson and topics covered,
/// training, and open tickets — each line one click from its own page. The caller has already checked the school is in scope.
/// </summary>
public sealed class SchoolRecordsViewComponent(AppDbContext db, DrillCompliance drills, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int schoolId, bool canRecord)
    {
        var today = ChinaTime.Today(clock);
        var status = (await drills.ForAsync(db.Schools.Where(s => s.Id == schoolId), today)).Single();
        var from = status.Term?.Start ?? today.AddMonths(-6);
        var to = status.Term?.End ?? today;
        var education = await db.EducationRecords.AsNoTracking().Where(r => r.SchoolId == schoolId && r.Date >= from && r.Date <= to).ToListAsync();
        var required = await db.EducationTopics.AsNoTracking().Where(t => t.Required).ToListAsync();
        var covered = EducationCoverage.Covered(education);
        var attendees = await db.TrainingAttendees.CountAsync(a => a.SchoolId == schoolId
            && db.TrainingSessions.Any(s => s.Id == a.SessionId && s.Date >= from && s.Date <= to));
        var schoolTrainings = await db.TrainingSessions.CountAsync(s => s.SchoolId == schoolId && s.Date >= from && s.Date <= to);
        var open = db.HazardTickets.Where(t => t.SchoolId == schoolId && t.Status != HazardStatus.Closed);
        return View("~/Features/Schools/_SchoolRecords.cshtml", new SchoolRecordsViewModel(schoolId, status,
            education.Any(r => r.Kind == EducationKind.FirstLesson), required.Count(t => covered.Contains(t.Key)), required.Count,
            attendees, schoolTrainings, await open.CountAsync(), await open.CountAsync(t => t.Deadline < today), canRecord));
    }
}
