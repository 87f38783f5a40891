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
        var officers = await db.Users.Where(u => u.SchoolId != null).ToListAsync(ct);
        var bureau = await db.Users.Where(u => u.JurisdictionId != null).OrderBy(u => u.UserName).FirstOrDefaultAsync(ct);
        var schools = await db.Schools.Where(s => s.IsActive).OrderBy(s => s.Id).ToListAsync(ct);

        var terms = counties.Select(c => CurrentTerm(c, today)).ToList();
        db.Terms.AddRange(terms);
        var thisWeek = SchoolWeek.Of(today);
        var weeks = terms[0].Weeks().Where(w => w.Number < thisWeek.Number).ToList();

        var inspections = new List<Inspection>();
        var tickets = new List<HazardTicket>();
        foreach (var school in schools)
        {
            var random = new Random(school.Id * 7919 + today.DayNumber);
            var laggard = school.Id % 29 == 7;     // a few schools fall behind for weeks
            var done = new Dictionary<(int, int), HashSet<string>>();
            var officerUser = officers.FirstOrDefault(o => o.SchoolId == school.Id);
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
                var submittedAt = ToUtc(week.Monday.AddDays(4), 9 + random.Next(8));
                var inspection = new Inspection
                {
                    SchoolId = school.Id, TemplateId = template.Id, WeekNumber = week.Number,
                    CreatedAt = ToUtc(week.Monday.AddDays(random.Next(4)), 8 + random.Next(3)), CreatedById = officerId,
                    UpdatedAt = ToUtc(week.Monday.AddDays(4), 18), UpdatedById = officerId,
                    Status = draft ? InspectionStatus.Draft : random.NextDouble() < 0.6 ? InspectionStatus.SignedOff : InspectionStatus.Submitted,
                };
                if (!draft)
                {
                    inspection.SubmittedAt = submittedAt;
                    inspection.SubmittedById = officerId;
                    if (inspection.Status == InspectionStatus.SignedOff) inspection.SignedOffAt = submittedAt.AddDays(1);
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
                            // Older tickets went round the loop: rectified by the school, verified by the bureau.
                            if (result.Deadline.Value < today.AddDays(-random.Next(0, 10)) && bureau is not null)
                            {
                                var officer = new TicketActor(officerId ?? "", officerUser?.UserName ?? "", false, false);
                                ticket.Rectify(officer, submittedAt.AddDays(random.Next(1, 6)), "已按要求整改完毕，附整改后照片。");
                                ticket.Verify(new TicketActor(bureau.Id, bureau.UserName!, true, false), ticket.RectifiedAt!.Value.AddDays(1), "现场复查合格，予以销号。");
                            }
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

        db.AuditSuppressedForGeneratedData = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Inspections.AddRange(inspections);
            db.HazardTickets.AddRange(tickets);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.AuditSuppressedForGeneratedData = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, UserName = SystemUser.Instance.UserName, EntityType = nameof(Inspection), EntityKey = "demo",
            Action = AuditAction.Added,
            Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Generated"] = new { Old = (string?)null, New = $"{inspections.Count} inspections, {tickets.Count} tickets" },
            }),
        });
        await db.SaveChangesAsync(ct);
    }

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
