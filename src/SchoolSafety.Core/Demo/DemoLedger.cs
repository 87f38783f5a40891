using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Auditing;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Files;
using SchoolSafety.Identity;
using SchoolSafety.Ledger;
using SchoolSafety.Schools;
using static SchoolSafety.Ledger.ReportedAgency;
using static SchoolSafety.Ledger.SurroundingsKind;
using static SchoolSafety.Ledger.SurroundingsStatus;

namespace SchoolSafety.Demo;

/// <summary>
/// The demo's ledger records, relative to today and the same on every run: most schools keep all
/// required documents (some revised this year) and signed this year's letters; some miss a document
/// or a letter, a few schools have staff still to sign; and a few dozen problems around schools,
/// some of them recurring. Every document and scan is a small real PDF, so downloads work.
/// </summary>
public static class DemoLedger
{
    /// <summary>Problems around schools: school code, kind, days ago, where, what, reported to, status, outcome.</summary>
    private static readonly (string School, SurroundingsKind Kind, int DaysAgo, string Location, string Description, ReportedAgency? ReportedTo, SurroundingsStatus Status, string? Outcome)[] Problems =
    [
        ("XP004", TrafficCongestion, 320, "校门口玉台路路段", "放学时段接送车辆与行人混行，校门口拥堵约20分钟", Police, Resolved, "桂山派出所安排交警上下学时段疏导，设置临时隔离栏"),
        ("XP004", TrafficCongestion, 18, "校门口玉台路路段", "放学时段再次出现拥堵，临时隔离栏被移走", Police, InProgress, null),
        ("XP004", UnlicensedVendors, 45, "校门东侧人行道", "流动摊贩无证销售油炸食品", MarketRegulation, Resolved, "市场监管所已劝离并加强巡查"),
        ("XP001", ParentParking, 200, "桂山路校门两侧", "家长车辆占用消防通道停放", Police, Resolved, "交警划定临时停车区"),
        ("XP001", ParentParking, 30, "桂山路校门两侧", "家长车辆再次占道停放", TownGovernment, Open, null),
        ("XP002", InternetCafe, 150, "平甸河路“极速网咖”", "发现网吧接纳本校未成年学生上网", CultureTourism, Resolved, "文旅局执法大队立案处罚，责令整改"),
        ("XP002", InternetCafe, 40, "平甸河路“极速网咖”", "再次发现学生在该网吧上网", CultureTourism, InProgress, null),
        ("XP005", Harassment, 60, "学校后门小巷", "校外青年在放学路上拦截学生索要财物", Police, Resolved, "派出所已训诫相关人员，护学岗延伸至小巷"),
        ("XP006", UnlicensedVendors, 90, "新兴路校门口", "无证流动摊点售卖“三无”零食", MarketRegulation, Resolved, "已取缔"),
        ("XP007", TrafficCongestion, 12, "文昌路与学府路交叉口", "上学时段车辆拥堵，学生横穿马路", Police, Open, null),
        ("XP018", ParentParking, 75, "古城社区校门口", "接送车辆停放不规范，堵塞校门", TownGovernment, Resolved, "街道办设置接送车辆停放区"),
        ("XP019", UnlicensedVendors, 400, "他拉村村口", "流动摊贩售卖过期食品", MarketRegulation, Resolved, "已劝离"),
        ("XP019", UnlicensedVendors, 25, "他拉村村口", "流动摊贩售卖散装饮料", MarketRegulation, Open, null),
        ("XP025", Harassment, 110, "扬武社区校门外", "社会青年在校门口聚集，言语骚扰女生", Police, Resolved, "扬武派出所加强上下学时段巡逻"),
        ("XP026", TrafficCongestion, 8, "扬武镇中心小学门前国道", "国道过境车辆多，放学时段无减速设施", TownGovernment, InProgress, null),
        ("XP038", InternetCafe, 55, "漠沙社区街边网吧", "网吧未严格查验身份证，有未成年人出入", CultureTourism, InProgress, null),
        ("XP039", SurroundingsKind.Other, 70, "学校围墙外山坡", "围墙外有村民堆放柴草，存在火灾隐患", TownGovernment, Resolved, "村委会已组织清理"),
        ("XP054", TrafficCongestion, 95, "戛洒社区校门口", "赶集日校门口交通拥堵", Police, Resolved, "赶集日安排护学岗和交警疏导"),
        ("XP055", UnlicensedVendors, 33, "校门口", "摊贩售卖仿真玩具刀具", MarketRegulation, Open, null),
        ("XP068", Harassment, 140, "水塘社区上学路段", "有醉酒人员在上学路上纠缠学生", Police, Resolved, "派出所已处理"),
        ("XP075", ParentParking, 20, "幼儿园门口", "摩托车接送幼儿乱停乱放", null, Open, null),
        ("XP081", SurroundingsKind.Other, 160, "校门口河道", "河道无防护栏，雨季水位上涨", TownGovernment, InProgress, null),
        ("XP093", InternetCafe, 210, "磨味村街边", "黑网吧接纳学生", CultureTourism, Resolved, "已查封"),
        ("YJ001", TrafficCongestion, 50, "东门路校门口", "上学时段车辆拥堵", Police, InProgress, null),
    ];

    public static async Task SeedAsync(AppDbContext db, FileStorage storage, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.SafetyDocuments.AnyAsync(ct) || await db.ResponsibilityLetters.AnyAsync(ct) || await db.SurroundingsIssues.AnyAsync(ct)) return;
        var types = await db.RequiredDocumentTypes.Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var schools = await db.Schools.Where(s => s.IsActive).OrderBy(s => s.Code.StartsWith("XP") ? 0 : 1).ThenBy(s => s.Code).ToListAsync(ct);
        if (types.Count == 0 || schools.Count == 0) return;
        var officerRole = await db.Roles.Where(r => r.Name == Roles.SafetyOfficer).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var officers = await db.Users.Where(u => u.SchoolId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == officerRole))
            .ToDictionaryAsync(u => u.SchoolId!.Value, ct);
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;

        var files = new List<StoredFile>();
        var documents = new List<SafetyDocument>();
        var letters = new List<ResponsibilityLetter>();
        async Task<StoredFile> PdfAsync(School school, string fileName, string title)
        {
            var pdf = MinimalPdf(title);
            var file = await storage.SaveDocumentAsync(new MemoryStream(pdf), pdf.Length, fileName, school.Id, null, ct);
            files.Add(file);
            return file;
        }

        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            var random = new Random(530427 + i * 7919);
            officers.TryGetValue(school.Id, out var officer);
            var who = (Id: officer?.Id, Name: officer?.DisplayName ?? school.SafetyContactName ?? "安全员");

            // Documents: a few schools miss one, two or all of them; a third revised their emergency plan this year.
            var missing = i % 37 == 20 ? types.Count : i % 23 == 13 ? 2 : i % 9 == 7 ? 1 : 0;
            for (var t = 0; t < types.Count; t++)
            {
                if (missing > 0 && (t + i) % types.Count < missing) continue;
                var type = types[t];
                var first = new DateOnly(today.Year - 2, 9, 1).AddDays(random.Next(0, 20));
                documents.Add(await DocumentAsync(school, type, first, "初版", who, PdfAsync));
                if (t == 1 && i % 3 == 0)
                    documents.Add(await DocumentAsync(school, type, Recent(today, 3, 1 + random.Next(0, 10)), $"{today.Year}年修订版", who, PdfAsync));
            }

            // Letters: last year everyone signed; this year some have not, and some staff are still to sign.
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                var thisYear = year == today.Year;
                var signedOn = Min(new DateOnly(year, 2, 20).AddDays(random.Next(0, 30)), today);
                if (!thisYear || i % 11 != 6)
                {
                    letters.Add(new ResponsibilityLetter
                    {
                        SchoolId = school.Id, Year = year, Level = LetterLevel.CountyToSchool, SignedOn = signedOn,
                        SignerName = school.PrincipalName ?? "校长",
                        ScanFileId = (await PdfAsync(school, $"{year}年安全目标责任书.pdf", $"{school.Code} county letter {year}")).Id,
                        RecordedAt = now, RecordedById = who.Id, RecordedByName = who.Name,
                    });
                }
                if (!thisYear || i % 13 != 9)
                {
                    var total = Math.Max(3, school.Staff);
                    letters.Add(new ResponsibilityLetter
                    {
                        SchoolId = school.Id, Year = year, Level = LetterLevel.SchoolToStaff, SignedOn = Min(signedOn.AddDays(7), today),
                        TotalCount = total, SignedCount = thisYear && i % 7 == 2 ? total - 1 - random.Next(0, Math.Min(5, total - 1)) : total,
                        ScanFileId = i % 2 == 0 ? (await PdfAsync(school, $"{year}年教职工安全责任书.pdf", $"{school.Code} staff letters {year}")).Id : null,
                        RecordedAt = now, RecordedById = who.Id, RecordedByName = who.Name,
                    });
                }
            }
        }

        var byCode = schools.ToDictionary(s => s.Code);
        var problems = Problems.Where(p => byCode.ContainsKey(p.School)).Select(p =>
        {
            var school = byCode[p.School];
            var observed = today.AddDays(-p.DaysAgo);
            return new SurroundingsIssue
            {
                SchoolId = school.Id, Kind = p.Kind, Location = p.Location, ObservedOn = observed, Description = p.Description,
                ReportedTo = p.ReportedTo, Status = p.Status, Outcome = p.Outcome,
                ResolvedOn = p.Status == Resolved ? Min(observed.AddDays(7 + p.DaysAgo % 11), today) : null,
                RecordedAt = DateTime.SpecifyKind(observed.ToDateTime(new TimeOnly(9, 0)), DateTimeKind.Utc),
                RecordedById = officers.TryGetValue(school.Id, out var o) ? o.Id : null,
            };
        }).ToList();

        await DemoBulk.SaveAsync(db, now, nameof(SafetyDocument), $"{documents.Count} documents, {letters.Count} letters, {problems.Count} surroundings problems", () =>
        {
            db.StoredFiles.AddRange(files);
            db.SafetyDocuments.AddRange(documents);
            db.ResponsibilityLetters.AddRange(letters);
            db.SurroundingsIssues.AddRange(problems);
        }, ct);
    }

    private static async Task<SafetyDocument> DocumentAsync(School school, RequiredDocumentType type, DateOnly effective, string title,
        (string? Id, string Name) who, Func<School, string, string, Task<StoredFile>> pdf)
    {
        var file = await pdf(school, $"{type.Name}（{title}）.pdf", $"{school.Code} {type.NameEn} {effective:yyyy-MM-dd}");
        return new SafetyDocument
        {
            SchoolId = school.Id, DocumentTypeId = type.Id, Title = title, EffectiveOn = effective, FileId = file.Id,
            UploadedAt = DateTime.SpecifyKind(effective.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc),
            UploadedById = who.Id, UploadedByName = who.Name,
        };
    }

    /// <summary>This year's day if it is at least a week ago, else last year's.</summary>
    private static DateOnly Recent(DateOnly today, int month, int day)
    {
        var date = new DateOnly(today.Year, month, day);
        return date <= today.AddDays(-7) ? date : date.AddYears(-1);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>A one-page PDF 1.4 with one line of (ASCII) text, with a correct cross-reference table.</summary>
    public static byte[] MinimalPdf(string text)
    {
        var safe = new string(text.Where(c => c is >= ' ' and <= '~' and not ('(' or ')' or '\\')).ToArray());
        var content = $"BT /F1 18 Tf 72 720 Td ({safe}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var n = 0; n < objects.Length; n++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{n + 1} 0 obj\n{objects[n]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
