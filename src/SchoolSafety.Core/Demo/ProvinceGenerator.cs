using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Dashboard;
using SchoolSafety.Data;
using SchoolSafety.Defences;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Demo;

/// <summary>What <see cref="ProvinceGenerator"/> added.</summary>
public sealed record GeneratedProvince(int Cities, int Counties, int Schools, int Inspections, int Tickets, int Drills, TimeSpan Elapsed);

/// <summary>
/// Fills the demo province (云南省) with generated cities, counties and schools until it holds the number of
/// schools asked for — up to the 20,000 of a real province — each with the current term so far as the demo
/// county has it: weekly inspections with their answers, tickets in every state, drills, education records
/// and a three-defences record. Deterministic for a day; written in batches with change tracking off and
/// the rows' own audit suppressed (one audit entry per county says what was generated).
/// Used to try the application at province scale and by the dashboard benchmark.
/// </summary>
public static class ProvinceGenerator
{
    public const int SchoolsPerCounty = 154;
    public const int CountiesPerCity = 17;
    public const string ProvinceUserName = "province";

    private static readonly string[] CityNames =
        ["昆明市", "曲靖市", "保山市", "昭通市", "丽江市", "普洱市", "临沧市", "楚雄州", "红河州", "文山州", "西双版纳州", "大理州", "德宏州", "怒江州", "迪庆州"];

    private static readonly string[] Syllables =
        ["安", "宁", "富", "民", "宜", "良", "石", "林", "嵩", "明", "禄", "劝", "寻", "甸", "陆", "罗", "平", "马", "龙", "会", "泽", "施", "华",
         "坪", "昌", "源", "云", "盛", "永", "德", "镇", "雄", "兰", "祥", "弥", "勒", "江", "川", "峨", "山", "通", "海", "澄", "易", "门"];

    private static readonly (SchoolType Type, string Suffix, int MinStudents, int MaxStudents, int Weight)[] Mix =
    [
        (SchoolType.Kindergarten, "幼儿园", 60, 420, 34),
        (SchoolType.Primary, "小学", 90, 1800, 44),
        (SchoolType.Junior, "中学", 400, 2200, 10),
        (SchoolType.NineYear, "九年一贯制学校", 300, 1500, 6),
        (SchoolType.Senior, "高级中学", 800, 3000, 3),
        (SchoolType.Vocational, "职业高级中学", 600, 2500, 2),
        (SchoolType.Special, "特殊教育学校", 40, 160, 1),
    ];

    /// <summary>
    /// Adds schools under the demo province until it holds <paramref name="totalSchools"/> active schools.
    /// Needs the demo county (its province, template, rule sets and users); does nothing when the province
    /// already holds as many. Also creates the <see cref="ProvinceUserName"/> login (county staff at the province).
    /// </summary>
    public static async Task<GeneratedProvince> GenerateAsync(AppDbContext db, UserManager<AppUser> users, string password, TimeProvider clock,
        int totalSchools, Action<string>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var province = await db.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.ProvinceCode, ct);
        await EnsureProvinceUserAsync(db, users, password, province, clock, ct);
        var existing = await db.Schools.CountAsync(s => s.IsActive && s.Jurisdiction!.Path.StartsWith(province.Path), ct);
        var toAdd = totalSchools - existing;
        if (toAdd <= 0) return new GeneratedProvince(0, 0, 0, 0, 0, 0, watch.Elapsed);

        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var template = await db.ChecklistTemplates.AsNoTracking().Include(t => t.Items).Where(t => t.Status == TemplateStatus.Published)
            .OrderByDescending(t => t.Version).FirstAsync(ct);
        var provinceRules = await db.StandardRuleSets.AsNoTracking().Where(r => r.JurisdictionId == province.Id)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct) ?? new StandardRuleSet();
        var bureauUser = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == ProvinceUserName, ct);
        var bureau = new TicketActor(bureauUser.Id, bureauUser.UserName!, true, false);
        var thisWeek = SchoolWeek.Of(today);

        var countyCount = (toAdd + SchoolsPerCounty - 1) / SchoolsPerCounty;
        var cityCount = (countyCount + CountiesPerCity - 1) / CountiesPerCity;
        if (cityCount > CityNames.Length) throw new ArgumentOutOfRangeException(nameof(totalSchools), "At most " + CityNames.Length * CountiesPerCity * SchoolsPerCounty + " schools.");
        var rng = new Random(totalSchools);
        var (inspectionCount, ticketCount, drillCount, added) = (0, 0, 0, 0);
        var bulk = new BulkRows(db);

        for (var c = 0; c < cityCount; c++)
        {
            // Codes of the generated cities start at 5390, away from the demo's 5304.
            var city = Jurisdiction.Create($"53{90 - c:D2}00", CityNames[c], JurisdictionLevel.City, null);
            city.ParentId = province.Id;
            city.Path = province.Path + city.Code + "/";
            db.Jurisdictions.Add(city);
            await db.SaveChangesAsync(ct);
            for (var k = 0; k < CountiesPerCity && added < toAdd; k++)
            {
                var county = Jurisdiction.Create($"53{90 - c:D2}{k + 1:D2}", CountyName(c, k), JurisdictionLevel.County, null);
                county.ParentId = city.Id;
                county.Path = city.Path + county.Code + "/";
                var term = DemoInspections.CurrentTerm(county, today);
                var schools = Schools(county, Math.Min(SchoolsPerCounty, toAdd - added), rng).ToList();
                db.Jurisdictions.Add(county);
                db.Terms.Add(term);
                db.Schools.AddRange(schools);
                await db.SaveChangesAsync(ct);
                added += schools.Count;

                var weeks = term.Weeks().Where(w => w.Number < thisWeek.Number).ToList();
                var (inspections, tickets) = DemoInspections.Generate(schools, template, weeks, thisWeek, today, now, bureau, _ => null, _ => null);
                var drills = schools.SelectMany(s => DemoRecords.Drills(s, term, today, new Random(s.Id * 104729 + today.DayNumber), now, null)).ToList();
                var education = schools.SelectMany(s => DemoRecords.Education(s, term, today, new Random(s.Id * 15485863 + today.DayNumber), now, null)).ToList();
                var defences = schools.Select(s =>
                {
                    var random = new Random(s.Id * 7 + today.DayNumber);
                    var required = DefenceRules.GuardsRequired(provinceRules, s.Students, s.BoardingStudents);
                    var guards = random.Next(5) == 0 ? Math.Max(0, required - 1 - random.Next(2)) : required;
                    return DemoDefences.Record(s, guards, random, today, today.AddDays(-random.Next(5, 90)), now, county.Name + "教体局", improved: true);
                }).ToList();
                await InsertAsync(bulk, inspections, tickets, ct);
                await DemoBulk.SaveUnauditedAsync(db, () =>
                {
                    db.Drills.AddRange(drills);
                    db.EducationRecords.AddRange(education);
                    db.DefenceRecords.AddRange(defences);
                }, ct);
                await SchoolTermSummaries.RebuildAsync(db, db.Schools.Where(s => s.JurisdictionId == county.Id).Select(s => s.Id), ct);
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now, UserName = SystemUser.Instance.UserName, EntityType = nameof(Jurisdiction), EntityKey = county.Id.ToString(),
                    Action = AuditAction.Added,
                    Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
                    {
                        ["Generated"] = new { Old = (string?)null, New = $"{county.Name}: {schools.Count} schools, {inspections.Count} inspections, {tickets.Count} tickets, {drills.Count} drills" },
                    }),
                });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                (inspectionCount, ticketCount, drillCount) = (inspectionCount + inspections.Count, ticketCount + tickets.Count, drillCount + drills.Count);
                progress?.Invoke($"{city.Name}{county.Name}: {added}/{toAdd} schools, {watch.Elapsed.TotalSeconds:F0} s");
            }
        }
        return new GeneratedProvince(cityCount, countyCount, added, inspectionCount, ticketCount, drillCount, watch.Elapsed);
    }

    private static async Task EnsureProvinceUserAsync(AppDbContext db, UserManager<AppUser> users, string password, Jurisdiction province, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(u => u.UserName == ProvinceUserName, ct)) return;
        var user = new AppUser
        {
            UserName = ProvinceUserName, Email = $"{ProvinceUserName}@example.com", EmailConfirmed = true, DisplayName = "省教育厅安全处",
            JurisdictionId = province.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        foreach (var result in new[] { await users.CreateAsync(user, password), await users.AddToRoleAsync(user, Roles.CountyStaff) })
        {
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Inspections with their answers, and tickets with their timelines: keys assigned here, written in bulk.</summary>
    private static async Task InsertAsync(BulkRows bulk, List<Inspection> inspections, List<HazardTicket> tickets, CancellationToken ct)
    {
        var results = new List<InspectionResult>();
        foreach (var inspection in inspections)
        {
            inspection.Id = (int)await bulk.NextIdAsync<Inspection>(ct);
            foreach (var result in inspection.Results)
            {
                result.Id = (int)await bulk.NextIdAsync<InspectionResult>(ct);
                result.InspectionId = inspection.Id;
                results.Add(result);
            }
        }
        var events = new List<TicketEvent>();
        foreach (var ticket in tickets)
        {
            ticket.Id = (int)await bulk.NextIdAsync<HazardTicket>(ct);
            ticket.InspectionResultId = ticket.InspectionResult?.Id;
            foreach (var e in ticket.Events)
            {
                e.Id = await bulk.NextIdAsync<TicketEvent>(ct);
                e.TicketId = ticket.Id;
                events.Add(e);
            }
        }
        await bulk.InsertAsync(inspections, ct);
        await bulk.InsertAsync(results, ct);
        await bulk.InsertAsync(tickets, ct);
        await bulk.InsertAsync(events, ct);
    }

    private static string CountyName(int city, int county) =>
        Syllables[(city * 7 + county * 3) % Syllables.Length] + Syllables[(city * 11 + county * 5 + 1) % Syllables.Length] + "县";

    private static IEnumerable<School> Schools(Jurisdiction county, int count, Random rng)
    {
        var townships = Enumerable.Range(0, 10).Select(i => Syllables[(int.Parse(county.Code) + i * 13) % Syllables.Length]
            + Syllables[(i * 17 + 5) % Syllables.Length] + (i < 6 ? "镇" : "乡")).Distinct().ToList();
        var totalWeight = Mix.Sum(m => m.Weight);
        for (var n = 1; n <= count; n++)
        {
            var township = townships[(n - 1) % townships.Count];
            var pick = rng.Next(totalWeight);
            var kind = Mix.First(m => (pick -= m.Weight) < 0);
            var students = rng.Next(kind.MinStudents, kind.MaxStudents + 1);
            var boarding = kind.Type switch
            {
                SchoolType.Kindergarten => 0,
                SchoolType.Primary => students * rng.Next(0, 50) / 100,
                SchoolType.Special => students * rng.Next(50, 81) / 100,
                _ => students * rng.Next(40, 96) / 100,
            };
            yield return new School
            {
                Code = $"G{county.Code}{n:D3}", Name = $"{county.Name}{township}{(n - 1) / townships.Count + 1}号{kind.Suffix}", Type = kind.Type,
                Jurisdiction = county, Township = township, Address = $"云南省{county.Name}{township}",
                Students = students, BoardingStudents = boarding, Staff = Math.Max(3, students / (kind.Type == SchoolType.Kindergarten ? 9 : 17)),
                TallestBuildingFloors = kind.Type == SchoolType.Kindergarten ? rng.Next(1, 4) : rng.Next(2, 7),
                PrincipalName = DemoCounty.PersonName(rng), SafetyContactName = DemoCounty.PersonName(rng),
                PrincipalPhone = $"0871-6{rng.Next(0, 1_000_000):D6}", SafetyContactPhone = $"139{rng.Next(0, 100_000_000):D8}", IsActive = true,
            };
        }
    }
}
