using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Drills;
using SchoolSafety.Education;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using SchoolSafety.Training;

namespace SchoolSafety.Demo;

/// <summary>
/// The demo county's drills, training and safety education for the current term, relative to today and
/// deterministic: most schools drill every month (some miss one, a few run over the time target), the
/// county's start-of-term training session of the seed (88 deputy heads and safety directors in the
/// 新平四小 lecture hall), staff training at some schools, and first lessons and theme lessons at most.
/// </summary>
public static class DemoRecords
{
    private static readonly DrillType[] DrillRotation = [DrillType.Fire, DrillType.Earthquake, DrillType.Stampede, DrillType.AntiTerror, DrillType.Flood, DrillType.FoodPoisoning, DrillType.Epidemic];

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Drills.AnyAsync(ct) || await db.TrainingSessions.AnyAsync(ct)) return;
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var schools = await db.Schools.Include(s => s.Jurisdiction).Where(s => s.IsActive).OrderBy(s => s.Id).ToListAsync(ct);
        var terms = await db.Terms.Include(t => t.Jurisdiction).ToListAsync(ct);
        var officers = await db.Users.Where(u => u.SchoolId != null).ToListAsync(ct);

        var drills = new List<Drill>();
        var education = new List<EducationRecord>();
        var sessions = new List<TrainingSession>();
        foreach (var school in schools)
        {
            var term = Term.CurrentFor(terms, school.Jurisdiction!.Path, today);
            if (term is null) continue;
            var random = new Random(school.Id * 104729 + today.DayNumber);
            var createdBy = officers.FirstOrDefault(o => o.SchoolId == school.Id)?.Id;
            drills.AddRange(Drills(school, term, today, random, now, createdBy));
            education.AddRange(Education(school, term, today, random, now, createdBy));
            if (random.NextDouble() < 0.4 && term.Start.AddDays(10) <= today)
            {
                sessions.Add(new TrainingSession
                {
                    Level = TrainingLevel.School, SchoolId = school.Id, Date = term.Start.AddDays(random.Next(3, 10)),
                    Title = "教职工安全工作全员培训", Venue = $"{school.Name}会议室", Speakers = $"{school.PrincipalName}（校长）：本学期学校安全工作要求",
                    AttendeeCount = school.Staff, CreatedAt = now, CreatedById = createdBy,
                });
            }
        }
        sessions.AddRange(await CountySessionsAsync(db, schools, terms, today, now, ct));

        await DemoBulk.SaveAsync(db, now, nameof(Drill), $"{drills.Count} drills, {sessions.Count} training sessions, {education.Count} education records", () =>
        {
            db.Drills.AddRange(drills);
            db.EducationRecords.AddRange(education);
            db.TrainingSessions.AddRange(sessions);
        }, ct);
    }

    /// <summary>One drill per month (quarter) of term so far; one school in eight misses a period, one drill in ten runs long or leaves someone uncounted.</summary>
    internal static IEnumerable<Drill> Drills(School school, Term term, DateOnly today, Random random, DateTime now, string? createdBy)
    {
        var skip = random.NextDouble() < 0.125 ? random.Next(0, 3) : -1;
        var periods = DrillFrequency.Periods(school.Type, term, [], today);
        var index = 0;
        foreach (var period in periods.Where(p => p.Status is PeriodStatus.Missing or PeriodStatus.Current or PeriodStatus.NotRequired && p.Start <= today))
        {
            var i = index++;
            if (i == skip) continue;
            var last = period.End < today ? period.End : today;
            if (period.Status == PeriodStatus.Current && random.NextDouble() < 0.4) continue;   // not done yet this month
            var span = Math.Max(0, last.DayNumber - period.Start.DayNumber);
            var date = period.Start.AddDays(random.Next(0, span + 1));
            if (date.DayOfWeek is DayOfWeek.Saturday) date = date.AddDays(-1);
            if (date.DayOfWeek is DayOfWeek.Sunday) date = date.AddDays(-2);
            if (date < term.Start) date = term.Start;
            var floors = school.TallestBuildingFloors > 0 ? school.TallestBuildingFloors : 3;
            var target = floors > DrillStandard.LowBuildingMaxFloors ? 150 + 10 * (floors - 5) : (int?)null;
            var limit = target ?? DrillStandard.LowBuildingTargetSeconds;
            var trouble = random.NextDouble();
            var seconds = trouble < 0.07 ? limit + random.Next(8, 60) : limit - random.Next(8, 45);
            var signal = new TimeOnly(9 + random.Next(0, 6), random.Next(0, 4) * 15, 0);
            var expected = school.Students - random.Next(0, Math.Max(1, school.Students / 50));
            var type = DrillRotation[(i + school.Id) % DrillRotation.Length];
            yield return new Drill
            {
                SchoolId = school.Id, Date = date, Type = type, Announced = random.NextDouble() < 0.8,
                Buildings = school.Type == SchoolType.Kindergarten ? "园舍" : school.BoardingStudents > 0 ? "教学楼、学生宿舍" : "教学楼、综合楼",
                Floors = floors, TargetSeconds = target, SignalAt = signal, AllClearAt = signal.Add(TimeSpan.FromSeconds(seconds)),
                StudentsExpected = expected, StudentsCounted = trouble is >= 0.07 and < 0.1 ? expected - 1 : expected,
                StaffTakingPart = Math.Max(2, school.Staff - random.Next(0, 4)), Injuries = 0,
                Problems = trouble < 0.1 ? (seconds > limit ? "三楼东侧楼梯口学生拥堵，疏散时间超过目标" : "一名学生在厕所未听到警报，清点时缺一人") : random.NextDouble() < 0.2 ? "个别班级下楼时速度过快，存在推挤现象" : null,
                Actions = trouble < 0.1 ? "调整疏散路线，增设楼梯口引导教师，下月再次演练" : null,
                Evaluator = school.PrincipalName ?? "校长", Evaluation = random.NextDouble() < 0.97 ? "演练组织有序，师生熟悉疏散路线。" : null,
                CreatedAt = now, CreatedById = createdBy,
            };
        }
    }

    /// <summary>The first lesson in the first week of term at nine schools in ten, and theme lessons and letters that cover most topics.</summary>
    internal static IEnumerable<EducationRecord> Education(School school, Term term, DateOnly today, Random random, DateTime now, string? createdBy)
    {
        var classes = Math.Max(1, school.Students / 45);
        var firstDay = term.Start.AddDays(random.Next(0, 4));
        if (firstDay <= today && random.NextDouble() < 0.9)
        {
            yield return new EducationRecord
            {
                SchoolId = school.Id, Kind = EducationKind.FirstLesson, Date = firstDay, Title = $"{term.Name}开学安全第一课",
                Topics = "traffic,drowning,fire,food", ClassesReached = classes, StudentsReached = school.Students, CreatedAt = now, CreatedById = createdBy,
            };
        }
        (string Title, string Topics)[] lessons =
        [
            ("预防校园欺凌主题班会", "bullying"), ("女童保护·防性侵教育", "sexual-assault"), ("秋冬季传染病防控知识讲座", "epidemic"),
            ("国际禁毒日主题教育", "drugs"), ("冬季用火用电安全教育", "fire"), ("致家长的一封信：寒假安全", "traffic,drowning,food"),
        ];
        foreach (var (title, topics) in lessons)
        {
            var date = term.Start.AddDays(14 + random.Next(0, 90));
            if (date > today || random.NextDouble() < 0.2) continue;
            yield return new EducationRecord
            {
                SchoolId = school.Id, Kind = title.StartsWith("致家长", StringComparison.Ordinal) ? EducationKind.ParentLetter : EducationKind.ThemeLesson,
                Date = date, Title = title, Topics = topics, ClassesReached = classes, StudentsReached = school.Students, CreatedAt = now, CreatedById = createdBy,
            };
        }
    }

    /// <summary>
    /// Each county's training meeting a few days before term (the seed's of 27 August: 新平四小报告厅, 88 attendees, a prosecutor
    /// on bullying and sexual-assault prevention, the deputy director on the term's work, the insurer, the safety section).
    /// </summary>
    private static async Task<List<TrainingSession>> CountySessionsAsync(AppDbContext db, List<School> schools, List<Term> terms, DateOnly today, DateTime now, CancellationToken ct)
    {
        var sessions = new List<TrainingSession>();
        var counties = await db.Jurisdictions.Where(j => j.Level == JurisdictionLevel.County).ToListAsync(ct);
        foreach (var county in counties)
        {
            var term = terms.Where(t => t.JurisdictionId == county.Id && t.Start <= today).OrderBy(t => t.Start).LastOrDefault();
            var mine = schools.Where(s => s.JurisdictionId == county.Id).ToList();
            if (term is null || mine.Count == 0) continue;
            var random = new Random(county.Id * 7 + today.DayNumber);
            var host = mine.FirstOrDefault(s => s.Code == DemoCounty.OfficerSchoolCode) ?? mine[0];
            var size = county.Code == DemoCounty.CountyCode ? 88 : mine.Count * 2;
            var attendees = new List<TrainingAttendee>();
            // Two from most schools (the deputy head and the safety director), one from some, none from a few.
            foreach (var school in mine.OrderBy(_ => random.Next()))
            {
                if (attendees.Count >= size) break;
                attendees.Add(new TrainingAttendee { Name = DemoCounty.PersonName(random), SchoolId = school.Id, Position = "分管安全副校长" });
                if (attendees.Count < size && school.Students >= 500)
                    attendees.Add(new TrainingAttendee { Name = DemoCounty.PersonName(random), SchoolId = school.Id, Position = "安全办主任" });
            }
            var date = term.Start.AddDays(-5);
            sessions.Add(new TrainingSession
            {
                Level = TrainingLevel.County, JurisdictionId = county.Id, Date = date > today ? today : date,
                Title = $"{county.Name}{term.Name}校园安全工作业务培训会", Venue = $"{host.Name.Replace("新平县第四小学", "新平四小")}报告厅",
                Speakers = string.Join('\n',
                    "县人民检察院检察官：预防校园欺凌和性侵害",
                    "县教育体育局分管副局长：本学期学校安全工作部署",
                    "中国人寿保险公司：校方责任险理赔",
                    "县教育体育局安全股：安全台账与隐患排查业务"),
                Attendees = attendees, AttendeeCount = attendees.Count, CreatedAt = now,
            });
        }
        return sessions;
    }
}
