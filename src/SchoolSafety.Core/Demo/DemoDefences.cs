using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Defences;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Demo;

/// <summary>
/// Three-defences records for every demo school, telling the seed report's story from per-school
/// facts: 新平县 has 125 guards where the rules ask 232 (no school has more than it needs, so the
/// county is 107 short), many guards over 60 or with primary schooling only, several without a
/// certificate; dormitories watched by teachers; footage kept 20-30 days at most schools, about 10
/// at a few and 90 at two; blind spots, low walls and alarms not linked to 110 here and there. About
/// one school in eight, 新平四小 among them, has an older record that the current one superseded.
/// The standards: 云南省 sets a 2 m wall, 新平县 its own stricter version (2.5 m, 90 days).
/// Deterministic for a given day; dates are relative to today.
/// </summary>
public static class DemoDefences
{
    public const int XinpingGuardsPresent = 125;
    private const int Seed = 3;

    private static readonly string[] Surnames = ["李", "王", "张", "杨", "刘", "陈", "赵", "普", "白", "刀", "罗", "何", "周", "施", "方", "马", "鲁", "许"];
    private static readonly string[] Given = ["国", "华", "明", "强", "福", "德", "林", "春", "荣", "海", "文", "正", "永", "发", "富", "贵", "忠", "勇"];

    private static readonly string[] BlindSpotPlaces =
        ["后操场东北角", "宿舍楼后侧通道", "围墙西北角", "食堂后门", "教学楼三楼楼梯间", "自行车棚", "校园东侧小路", "旱厕附近"];

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.StandardRuleSets.AnyAsync(ct) || await db.DefenceRecords.AnyAsync(ct)) return;
        var province = await db.Jurisdictions.FirstOrDefaultAsync(j => j.Code == DemoCounty.ProvinceCode, ct);
        var county = await db.Jurisdictions.FirstOrDefaultAsync(j => j.Code == DemoCounty.CountyCode, ct);
        if (province is null || county is null) return;

        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var provinceRules = new StandardRuleSet
        {
            JurisdictionId = province.Id, Version = 1, EffectiveFrom = new DateOnly(today.Year - 3, 1, 1), CreatedAt = now, CreatedByName = "系统管理员",
            MinWallHeight = 2.0m, WallSource = "云南省中小学幼儿园安全防范要求：围墙（围栏）高度不低于2米",
        };
        var countyRules = new StandardRuleSet
        {
            JurisdictionId = county.Id, Version = 1, EffectiveFrom = new DateOnly(today.Year - 1, 9, 1), CreatedAt = now, CreatedByName = "系统管理员",
        };
        var countyUser = await db.Users.Where(u => u.JurisdictionId == county.Id).OrderBy(u => u.UserName).FirstOrDefaultAsync(ct);

        var schools = await db.Schools.Include(s => s.Jurisdiction).Where(s => s.IsActive).OrderBy(s => s.Code).ToListAsync(ct);
        var rng = new Random(Seed);
        var records = new List<DefenceRecord>();
        var xinping = schools.Where(s => s.JurisdictionId == county.Id).ToList();
        var present = GuardsPresent(xinping, countyRules, rng);
        foreach (var school in schools)
        {
            var inXinping = school.JurisdictionId == county.Id;
            var required = DefenceRules.GuardsRequired(inXinping ? countyRules : provinceRules, school.Students, school.BoardingStudents);
            var guards = inXinping ? present[school.Id] : Math.Max(1, required - 1);
            var who = inXinping ? countyUser?.DisplayName ?? "新平县教体局" : "元江县教体局";
            var current = Record(school, guards, rng, today, today.AddDays(-rng.Next(5, 60)), now, who, improved: true);
            if (school.Code == DemoCounty.OfficerSchoolCode || rng.Next(8) == 0)
            {
                // An older record: fewer guards, shorter retention; the current one closed some of its gaps.
                var old = Record(school, Math.Max(0, guards - 1), rng, today, current.EffectiveFrom.AddDays(-rng.Next(60, 120)), now, who, improved: false);
                old.Revision = 1;
                old.IsCurrent = false;
                old.SupersededAt = now.AddDays(-(today.DayNumber - current.EffectiveFrom.DayNumber));
                old.RetentionDays = Math.Min(old.RetentionDays, 15);
                current.Revision = 2;
                records.Add(old);
            }
            records.Add(current);
        }

        await DemoBulk.SaveAsync(db, now, nameof(DefenceRecord), $"{records.Count} three-defences records, {records.Sum(r => r.Guards.Count)} guards, 2 rule sets", () =>
        {
            db.StandardRuleSets.AddRange(provinceRules, countyRules);
            db.DefenceRecords.AddRange(records);
        }, ct);
    }

    /// <summary>
    /// Guards in post per school: village kindergartens mostly none, small schools one, large
    /// schools one or two short of what they need; then evened out to exactly 125 for the county,
    /// never above what a school needs.
    /// </summary>
    private static Dictionary<int, int> GuardsPresent(List<School> schools, StandardRuleSet rules, Random rng)
    {
        var required = schools.ToDictionary(s => s.Id, s => DefenceRules.GuardsRequired(rules, s.Students, s.BoardingStudents));
        var present = schools.ToDictionary(s => s.Id, s =>
        {
            var need = required[s.Id];
            if (s.Code == DemoCounty.OfficerSchoolCode) return 3;
            if (need == 1) return rng.Next(3) == 0 ? 1 : 0;
            if (need == 2) return rng.Next(5) == 0 ? 0 : 1;
            return need - 1 - rng.Next(2);
        });
        var adjustable = schools.Where(s => s.Code != DemoCounty.OfficerSchoolCode).Select(s => s.Id).ToList();
        for (var i = 0; present.Values.Sum() != XinpingGuardsPresent; i++)
        {
            var id = adjustable[(i * 37) % adjustable.Count];
            if (present.Values.Sum() < XinpingGuardsPresent && present[id] < required[id]) present[id]++;
            else if (present.Values.Sum() > XinpingGuardsPresent && present[id] > 0) present[id]--;
            if (i > 100_000) throw new InvalidOperationException("Demo guards cannot be evened out.");
        }
        return present;
    }

    internal static DefenceRecord Record(School school, int guards, Random rng, DateOnly today, DateOnly effective, DateTime now, string who, bool improved)
    {
        var boarding = school.BoardingStudents > 0;
        var village = school.Students < 300;
        var record = new DefenceRecord
        {
            SchoolId = school.Id, Revision = 1, IsCurrent = true, EffectiveFrom = effective,
            RecordedAt = now.AddDays(-(today.DayNumber - effective.DayNumber)).AddHours(-rng.Next(1, 8)), RecordedByName = who,
            Note = improved ? "县教体局秋季学期三防摸排" : "县教体局春季学期三防摸排",
            Guards = Enumerable.Range(0, guards).Select(_ => Guard(rng, today)).ToList(),
            DormitoryManagers = boarding && rng.Next(100) >= 55 ? rng.Next(1, 4) : 0,
            SchoolPost = rng.Next(100) < 80,
            PatrolTeam = rng.Next(100) < 70,
            GateDuty24h = guards > 0 && rng.Next(100) < 75,
            ClosedCampus = rng.Next(100) < 90,
            LowestWallHeight = village && school.Type == SchoolType.Kindergarten && rng.Next(5) == 0 ? null
                : rng.Next(100) < 30 ? 1.8m + rng.Next(0, 7) / 10m : 2.5m + rng.Next(0, 6) / 10m,
            AntiCollisionBarrier = rng.Next(100) < 70,
            FireEquipmentServicedOn = rng.Next(20) == 0 ? null : today.AddDays(-rng.Next(30, 480)),
            Gear = rng.Next(100) < 65 ? ProtectiveGear.StabVests | ProtectiveGear.Batons | ProtectiveGear.RestrainingForks
                : rng.Next(2) == 0 ? ProtectiveGear.RestrainingForks : ProtectiveGear.StabVests | ProtectiveGear.RestrainingForks,
            Cameras = rng.Next(60) == 0 ? 0 : village ? rng.Next(3, 9) : 8 + school.Students / 60 + rng.Next(0, 10),
            NetworkedToPolice = rng.Next(100) < 40,
        };
        record.TeachersStandIn = boarding && (record.DormitoryManagers == 0 || rng.Next(5) == 0);
        record.PatrolsPerDay = record.PatrolTeam ? rng.Next(1, 4) : 0;
        if (rng.Next(12) == 0)
        {
            record.UnsafeBuildings = rng.Next(1, 3);
            record.UnsafeBuildingsInUse = rng.Next(3) == 0;
        }
        if (record.Cameras > 0)
        {
            record.Recording24h = rng.Next(100) < 90;
            var places = DefenceRules.RequiredKeyPlaces(school) | (rng.Next(2) == 0 ? KeyPlaces.SportsGround : KeyPlaces.None);
            if (rng.Next(4) == 0) places &= ~(rng.Next(2) == 0 ? KeyPlaces.Corridors : KeyPlaces.Canteen);
            record.KeyPlacesCovered = places;
            if (rng.Next(100) < 30)
            {
                record.BlindSpots = rng.Next(1, 5);
                record.BlindSpotsDescription = string.Join("、", Enumerable.Range(0, record.BlindSpots).Select(_ => BlindSpotPlaces[rng.Next(BlindSpotPlaces.Length)]).Distinct());
            }
            var roll = rng.Next(100);
            record.RetentionDays = school.Code == DemoCounty.Officer2SchoolCode || roll < 1 ? 90   // one or two schools meet the rule
                : roll < 12 ? rng.Next(10, 16)                                                       // "部分学校仅10多天"
                : roll < 90 ? rng.Next(20, 31)                                                       // "现保存时间仅20-30天"
                : rng.Next(31, 61);
        }
        record.Alarm = rng.Next(100) switch { < 70 => AlarmState.LinkedTo110, < 90 => AlarmState.Local, _ => AlarmState.None };
        return record;
    }

    /// <summary>A guard as the seed describes them: often over 60, often with primary schooling only.</summary>
    private static DefenceGuard Guard(Random rng, DateOnly today)
    {
        var age = rng.Next(100) switch { < 35 => rng.Next(61, 69), < 80 => rng.Next(50, 61), _ => rng.Next(30, 50) };
        var name = Surnames[rng.Next(Surnames.Length)] + Given[rng.Next(Given.Length)] + (rng.Next(3) > 0 ? Given[rng.Next(Given.Length)] : "");
        return new DefenceGuard
        {
            Name = name, BirthYear = today.Year - age,
            Education = rng.Next(100) switch { < 40 => EducationLevel.PrimaryOrBelow, < 85 => EducationLevel.JuniorMiddle, _ => EducationLevel.SeniorMiddle },
            HasCertificate = rng.Next(100) < 70,
            FullTime = rng.Next(100) < 85,
            Employment = rng.Next(100) < 60 ? GuardEmployment.Direct : GuardEmployment.Company,
            StartedOn = today.AddDays(-rng.Next(100, 3000)),
        };
    }
}
