using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Demo;

/// <summary>
/// A live term of inspection history for the demo county, generated relative to today and
/// deterministic for a given day: most schools submit most weeks, a few fall behind, and about
/// one answer in forty finds a hazard (which opens its ticket, as a real submit would).
/// </summary>
public static class DemoInspections
{
    private static readonly Dictionary<string, (string Description, HazardPlace Place)[]> Hazards = new()
    {
        ["I03"] = [("二楼东侧灭火器压力不足，指针在红区", HazardPlace.TeachingBuilding), ("宿舍楼安全出口堆放杂物", HazardPlace.Dormitory)],
        ["I04"] = [("食堂当日留样缺少午餐一份", HazardPlace.Canteen), ("一名帮厨人员健康证过期", HazardPlace.Canteen)],
        ["I10"] = [("操场篮球架底座螺栓松动", HazardPlace.SportsGround), ("教学楼三楼走廊栏杆一处松动", HazardPlace.TeachingBuilding)],
        ["I17"] = [("实验楼配电箱未上锁", HazardPlace.Laboratory), ("宿舍发现学生私拉电线充电", HazardPlace.Dormitory)],
        ["I20"] = [("女生宿舍一楼窗户防护栏锈蚀", HazardPlace.Dormitory), ("宿舍夜间值班记录缺两天", HazardPlace.Dormitory)],
        ["I21"] = [("上学时段门卫未落实来访登记", HazardPlace.Gatehouse), ("西侧小门未上锁", HazardPlace.Perimeter)],
        ["I22"] = [("校门口监控摄像头画面模糊", HazardPlace.Gatehouse), ("监控录像仅保存25天", HazardPlace.Gatehouse)],
        ["I23"] = [("北侧围墙一段不足2.5米且有缺口", HazardPlace.Perimeter), ("防冲撞设施未放置到位", HazardPlace.Gatehouse)],
    };

    /// <summary>The demo county's current term: it always contains today.</summary>
    public static Term CurrentTerm(Jurisdiction county, DateOnly today)
    {
        var autumn = today.Month >= 8 || today.Month == 1;
        var year = today.Month == 1 ? today.Year - 1 : today.Year;
        var start = autumn ? new DateOnly(year, 9, 1) : new DateOnly(today.Year, 2, 20);
        var end = autumn ? new DateOnly(year + 1, 1, 22) : new DateOnly(today.Year, 7, 10);
        if (today < start || today > end)
        {
            // In a holiday the demo still needs a live week: a short term around today.
            start = today.AddDays(-42);
            end = today.AddDays(42);
        }
        var name = autumn ? $"{year}年秋季学期" : $"{today.Year}年春季学期";
        return new Term { Jurisdiction = county, JurisdictionId = county.Id, Name = name, Start = start, End = end };
    }

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Terms.AnyAsync(ct)) return;
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var template = await db.ChecklistTemplates.Include(t => t.Items).Where(t => t.Status == TemplateStatus.Published)
            .OrderByDescending(t => t.Version).FirstAsync(ct);
        var counties = await db.Jurisdictions.Where(j => j.Level == JurisdictionLevel.County).ToListAsync(ct);
        var countyUser = await db.Users.Where(u => u.JurisdictionId != null && u.Jurisdiction!.Level == JurisdictionLevel.County)
            .OrderBy(u => u.UserName).FirstOrDefaultAsync(ct);
        var county = countyUser is null ? null : new TicketActor(countyUser.Id, countyUser.UserName!, true, false);
        var leaderRole = await db.Roles.Where(r => r.Name == Roles.SchoolLeader).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var leaders = await db.Users.Where(u => u.SchoolId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == leaderRole)).ToListAsync(ct);
        var officerRole = await db.Roles.Where(r => r.Name == Roles.SafetyOfficer).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var officers = await db.Users.Where(u => u.SchoolId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == officerRole)).ToListAsync(ct);
        var schools = await db.Schools.Where(s => s.IsActive).OrderBy(s => s.Id).ToListAsync(ct);

        var terms = counties.Select(c => CurrentTerm(c, today)).ToList();
        db.Terms.AddRange(terms);
        var thisWeek = SchoolWeek.Of(today);
        var weeks = terms[0].Weeks().Where(w => w.Number < thisWeek.Number).ToList();

        var (inspections, tickets) = Generate(schools, template, weeks, thisWeek, today, now, county,
            id => officers.FirstOrDefault(o => o.SchoolId == id), id => leaders.FirstOrDefault(l => l.SchoolId == id));

        if (county is not null)
        {
            tickets.AddRange(SpotChecks(schools, tickets, county, today, now,
                id => officers.FirstOrDefault(o => o.SchoolId == id) is { } o ? new TicketActor(o.Id, o.UserName!, false, false) : new TicketActor("", "", false, false)).ToList());
        }

        await DemoBulk.SaveAsync(db, now, nameof(Inspection), $"{inspections.Count} inspections, {tickets.Count} tickets", () =>
        {
            db.Inspections.AddRange(inspections);
            db.HazardTickets.AddRange(tickets);
        }, ct);
    }


    /// <summary>
    /// The term so far of the given schools: inspections week by week (with their answers) and the tickets
    /// their hazards opened, moved through the loop. Deterministic for a school and a day.
    /// Also used by <see cref="ProvinceGenerator"/> for province-scale data.
    /// </summary>
    internal static (List<Inspection> Inspections, List<HazardTicket> Tickets) Generate(IReadOnlyList<School> schools, ChecklistTemplate template,
        IReadOnlyList<SchoolWeek> weeks, SchoolWeek thisWeek, DateOnly today, DateTime now, TicketActor? county,
        Func<int, AppUser?> officerOf, Func<int, AppUser?> leaderOf)
    {
        var inspections = new List<Inspection>();
        var tickets = new List<HazardTicket>();
        foreach (var school in schools)
        {
            var random = new Random(school.Id * 7919 + today.DayNumber);
            var laggard = school.Id % 29 == 7;     // a few schools fall behind for weeks
            var done = new Dictionary<(int, int), HashSet<string>>();
            var officerUser = officerOf(school.Id);
            var officerId = officerUser?.Id;
            var ticketNo = 0;
            foreach (var week in weeks.Append(thisWeek))
            {
                var isThisWeek = week == thisWeek;
                var roll = random.NextDouble();
                if (laggard && week.Number >= weeks[^Math.Min(3, weeks.Count)].Number) continue;
                if (!isThisWeek && roll < 0.03) continue;                 // missed
                if (isThisWeek && roll < 0.55) continue;                  // not started yet this week

                var month = InspectionSchedule.MonthOf(week);
                var monthDone = done.TryGetValue(month, out var set) ? set : done[month] = [];
                var due = InspectionSchedule.DueItems(template, week, monthDone);
                var draft = isThisWeek ? roll < 0.8 : roll < 0.08;
                var submittedAt = NotAfter(now, ToUtc(week.Monday.AddDays(4), 9 + random.Next(8)));   // this week's: earlier today at the latest
                var inspection = new Inspection
                {
                    SchoolId = school.Id, TemplateId = template.Id, WeekNumber = week.Number,
                    CreatedAt = NotAfter(now, ToUtc(week.Monday.AddDays(random.Next(4)), 8 + random.Next(3))), CreatedById = officerId,
                    UpdatedAt = NotAfter(now, ToUtc(week.Monday.AddDays(4), 18)), UpdatedById = officerId,
                    Status = draft ? InspectionStatus.Draft : random.NextDouble() < 0.6 ? InspectionStatus.SignedOff : InspectionStatus.Submitted,
                };
                if (!draft)
                {
                    inspection.SubmittedAt = submittedAt;
                    inspection.SubmittedById = officerId;
                    if (inspection.Status == InspectionStatus.SignedOff) inspection.SignedOffAt = NotAfter(now, submittedAt.AddDays(1));
                }
                foreach (var item in due)
                {
                    var result = new InspectionResult { ItemId = item.Id };
                    inspection.Results.Add(result);
                    if (draft && random.NextDouble() < 0.4) continue;        // a draft is half filled
                    if (NotApplicable(item.Key, school) is { } reason)
                    {
                        result.Outcome = Outcome.NotApplicable;
                        result.NotApplicableReason = reason;
                    }
                    else if (Hazards.TryGetValue(item.Key, out var options) && random.NextDouble() < 0.09)
                    {
                        var (description, place) = options[random.Next(options.Length)];
                        var grade = random.NextDouble() < 0.1 ? HazardGrade.Major : HazardGrade.General;
                        result.Outcome = Outcome.Hazard;
                        result.HazardDescription = description;
                        result.HazardPlace = place;
                        result.HazardGrade = grade;
                        result.ResponsiblePerson = school.SafetyContactName ?? school.PrincipalName ?? "安全负责人";
                        result.Deadline = HazardRules.DefaultDeadline(grade, week.Monday.AddDays(4));
                        if (grade == HazardGrade.Major) result.InterimMeasures = "已停止使用，设置警示标志并安排专人看守";
                        if (!draft)
                        {
                            var ticket = new HazardTicket
                            {
                                Number = $"{school.Code}-{submittedAt.Year}-{++ticketNo:0000}", SchoolId = school.Id,
                                Source = HazardSource.Inspection, InspectionResult = result, ChecklistItemId = item.Id,
                                Place = place, Description = description, Grade = grade, FoundById = officerId, FoundAt = submittedAt,
                                ResponsibleName = result.ResponsiblePerson, Deadline = result.Deadline.Value,
                                InterimMeasures = result.InterimMeasures,
                                Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = submittedAt, UserId = officerId, UserName = officerUser?.UserName }],
                            };
                            Lifecycle(ticket, random, today, now, new TicketActor(officerId ?? "", officerUser?.UserName ?? "", false, false),
                                leaderOf(school.Id) is { } leader ? new TicketActor(leader.Id, leader.UserName!, false, true) : null, county);
                            tickets.Add(ticket);
                        }
                    }
                    else
                    {
                        result.Outcome = Outcome.Pass;
                    }
                }
                if (!draft) monthDone.UnionWith(due.Select(i => i.Key));
                inspections.Add(inspection);
            }
        }
        return (inspections, tickets);
    }

    /// <summary>
    /// Moves a demo ticket through the loop as a school and the bureau would have, so the demo shows every state:
    /// most old tickets closed (some after one rejection), a few overdue, a few rectified and waiting past the
    /// 10-day verification window; recent ones open, in work or waiting; 重大 ones with a plan and under supervision.
    /// </summary>
    private static void Lifecycle(HazardTicket t, Random random, DateOnly today, DateTime now, TicketActor officer, TicketActor? leader, TicketActor? county)
    {
        if (county is null) return;
        var found = t.FoundAt;
        DateTime Past(DateTime at) => at < now ? at : now;
        var verifier = t.Grade == HazardGrade.General && leader is not null ? leader : county;
        var roll = random.NextDouble();
        if (t.Grade == HazardGrade.Major)
        {
            t.RecordPlan(officer, Past(found.AddDays(2)), new TreatmentPlan(
                $"彻底消除“{t.Description}”隐患", "制定维修方案，委托有资质单位施工，完工后组织验收", "学校公用经费列支，不足部分申请县级专项资金",
                "分管安全副校长牵头，总务处具体负责", t.Deadline, "施工期间封闭现场，设置警示标志，安排专人值守"));
        }
        var old = t.Deadline < today;
        if (old && roll < 0.08) return;                                             // overdue, untouched
        if (old && roll < 0.11)
        {
            var waiting = ChinaNoon(today.AddDays(-12 - random.Next(5)));                 // waiting past 10 days, mostly
            t.Rectify(officer, Past(waiting > found.AddDays(2) ? waiting : found.AddDays(3)), "已整改完毕，待复查。");
            return;
        }
        if (old)
        {
            var rectified = Past(found.AddDays(random.Next(3, 6)));
            t.Rectify(officer, rectified, "已按要求整改完毕，附整改后照片。");
            if (roll < 0.3)
            {
                t.Reject(verifier, Past(rectified.AddDays(1)), "整改不彻底，现场仍有隐患，请重新整改。");
                rectified = Past(rectified.AddDays(3));
                t.Rectify(officer, rectified, "已重新整改，问题全部消除。");
            }
            t.Verify(verifier, Past(rectified.AddDays(1)), "现场复查合格，予以销号。");
            return;
        }
        if (t.Grade == HazardGrade.Major)
            t.Supervise(county, Past(found.AddDays(3)), "重大隐患，县教体局挂牌督办，请按治理方案按期完成。", t.Deadline >= today ? t.Deadline : today.AddDays(7), today);
        // Work on a recent ticket happened in the last few days, not the day it was found.
        var recently = ChinaNoon(today.AddDays(-random.Next(0, 4)));
        var worked = Past(recently > found ? recently : found.AddHours(2));
        if (roll < 0.3) t.StartRectifying(officer, worked);
        else if (roll < 0.5) t.Rectify(officer, worked, "已整改完毕，请复查。");
        else if (roll < 0.58) t.RequestExtension(officer, Past(found.AddDays(2)), t.Deadline.AddDays(7), "维修材料需从县城采购，申请延期一周。");
    }

    /// <summary>The bureau's own spot checks of the term (县级抽查): a handful of schools, found by the county officer.</summary>
    private static IEnumerable<HazardTicket> SpotChecks(List<School> schools, List<HazardTicket> numbered, TicketActor county, DateOnly today, DateTime now, Func<int, TicketActor> officerOf)
    {
        (string Description, HazardPlace Place, HazardGrade Grade)[] findings =
        [
            ("学校大门未设置防冲撞硬质隔离设施", HazardPlace.Gatehouse, HazardGrade.General),
            ("保安未配备防刺背心和钢叉", HazardPlace.Gatehouse, HazardGrade.General),
            ("学生宿舍消防通道被自行车堵塞", HazardPlace.Dormitory, HazardGrade.General),
            ("食堂燃气管道老化，有轻微泄漏", HazardPlace.Canteen, HazardGrade.Major),
            ("监控录像保存不足30天", HazardPlace.Gatehouse, HazardGrade.General),
            ("教学楼后山体有落石迹象", HazardPlace.Perimeter, HazardGrade.Major),
        ];
        var random = new Random(today.DayNumber);
        for (var i = 0; i < findings.Length; i++)
        {
            var school = schools[(i * 17 + 3) % schools.Count];
            var (description, place, grade) = findings[i];
            var foundOn = today.AddDays(-5 - i * 6);
            var foundAt = ChinaNoon(foundOn);
            var prefix = $"{school.Code}-{foundAt.Year}-";
            var ticket = new HazardTicket
            {
                Number = $"{prefix}{numbered.Count(t => t.SchoolId == school.Id && t.Number.StartsWith(prefix, StringComparison.Ordinal)) + 1:0000}", SchoolId = school.Id, Source = HazardSource.CountyCheck,
                SourceReference = "县教体局秋季学期学校安全抽查", Place = place, Description = description, Grade = grade,
                FoundById = county.UserId, FoundAt = foundAt, ResponsibleName = school.PrincipalName ?? "校长",
                ResponsiblePhone = school.PrincipalPhone, Deadline = HazardRules.DefaultDeadline(grade, foundOn),
                InterimMeasures = grade == HazardGrade.Major ? "已停止使用相关设施，设置警戒线和警示标志，安排专人看守" : null,
                Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = foundAt, UserId = county.UserId, UserName = county.UserName, Note = "县教体局秋季学期学校安全抽查" }],
            };
            Lifecycle(ticket, random, today, now, officerOf(school.Id), null, county);
            yield return ticket;
        }
    }

    private static DateTime ChinaNoon(DateOnly day) => ToUtc(day, 12);

    /// <summary>Nothing generated happens in the future: what would has happened half an hour ago.</summary>
    private static DateTime NotAfter(DateTime now, DateTime at) => at <= now ? at : now.AddMinutes(-30);

    private static string? NotApplicable(string key, School school) => key switch
    {
        "I16" when school.Type is SchoolType.Kindergarten || school.BoardingStudents == 0 => "本校无校车",
        "I18" when school.Type is SchoolType.Kindergarten or SchoolType.Primary => "本校无化学实验室",
        "I20" when school.BoardingStudents == 0 => "本校无住校生",
        _ => null,
    };

    private static DateTime ToUtc(DateOnly day, int hourChina) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hourChina, 0)), ChinaTime.Offset).UtcDateTime;
}
