using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;
using static SchoolSafety.Schools.SchoolType;
using SchoolRow = (string Name, SchoolSafety.Schools.SchoolType Type, int Students, string Place);

namespace SchoolSafety.Demo;

/// <summary>A demo account: user name, role, display name and where it sits (school or jurisdiction).</summary>
public sealed record DemoLogin(string UserName, string Role, string DisplayName, string Where);

/// <summary>
/// The demo deployment: 新平县 (the county of the seed report) with its 12 townships and about 120
/// schools and kindergartens, the small county 元江县 beside it to show that one county never sees
/// the other, and one login per role. Schools come from the fixed tables below; the figures the
/// tables leave out (boarders, staff, floors, contacts) come from a random generator with a fixed
/// seed, so every run on every machine produces the same data.
/// </summary>
public static class DemoCounty
{
    public const string DefaultPassword = "Demo@12345";

    public const string ProvinceCode = "530000";
    public const string CityCode = "530400";
    public const string CountyCode = "530427";
    public const string SecondCountyCode = "530428";

    /// <summary>新平县第四小学 (新平四小 of the seed report): the school of <c>leader</c> and <c>officer</c>.</summary>
    public const string OfficerSchoolCode = "XP004";
    public const string OfficerSchoolName = "新平县第四小学";

    /// <summary>新平县第一中学: the school of <c>officer2</c>.</summary>
    public const string Officer2SchoolCode = "XP005";
    public const string Officer2SchoolName = "新平县第一中学";

    private const int RandomSeed = 530427;

    /// <summary>Each login and where it sits: a school code for school roles, a jurisdiction code for bureau roles.</summary>
    private static readonly (DemoLogin Login, string Place)[] Users =
    [
        (new("admin", Roles.Administrator, "系统管理员", "云南省"), ProvinceCode),
        (new("county", Roles.CountyStaff, "李明（县教体局安全股）", "新平县"), CountyCode),
        (new("city", Roles.CountyStaff, "赵丽萍（市教体局安全科）", "玉溪市"), CityCode),
        (new("leader", Roles.SchoolLeader, "王建华（新平四小分管安全副校长）", OfficerSchoolName), OfficerSchoolCode),
        (new("officer", Roles.SafetyOfficer, "杨晓梅（新平四小安全处主任）", OfficerSchoolName), OfficerSchoolCode),
        (new("officer2", Roles.SafetyOfficer, "普志强（新平一中安全处主任）", Officer2SchoolName), Officer2SchoolCode),
    ];

    public static IReadOnlyList<DemoLogin> Logins { get; } = Users.Select(u => u.Login).ToArray();

    /// <summary>Townships whose schools are town schools: their primaries have no boarders.</summary>
    private static readonly HashSet<string> UrbanTownships = ["桂山街道", "古城街道", "澧江街道"];

    /// <summary>
    /// 新平县, township by township. Codes are XP001, XP002, ... in table order, so add new schools at
    /// the end. The student numbers are chosen so that the default guard rule (design §4: under 100
    /// students 1, under 1000 2, then 3 plus 1 per further full 500) asks 232 guards of the county,
    /// the figure of the seed report.
    /// </summary>
    private static readonly (string Township, SchoolRow[] Schools)[] Xinping =
    [
        ("桂山街道",
        [
            ("新平县第一小学", Primary, 1860, "桂山路"),
            ("新平县第二小学", Primary, 1640, "平甸河路"),
            ("新平县第三小学", Primary, 1280, "康平路"),
            ("新平县第四小学", Primary, 2160, "玉台路"),
            ("新平县第一中学", Senior, 3260, "磨盘山路"),
            ("新平县民族中学", Complete, 2380, "新兴路"),
            ("新平县第二中学", Junior, 1860, "文昌路"),
            ("新平县职业高级中学", Vocational, 1560, "工业园区路"),
            ("新平县特殊教育学校", Special, 128, "文昌路"),
            ("新平县幼儿园", Kindergarten, 390, "桂山路"),
            ("新平县第二幼儿园", Kindergarten, 360, "康平路"),
            ("桂山街道中心幼儿园", Kindergarten, 260, "平甸河路"),
            ("新平县童心幼儿园", Kindergarten, 210, "新兴路"),
            ("新平县蓓蕾幼儿园", Kindergarten, 180, "玉台路"),
            ("新平县阳光幼儿园", Kindergarten, 150, "磨盘山路"),
            ("新平县启智幼儿园", Kindergarten, 120, "文昌路"),
            ("桂山街道亚尼村完小", Primary, 140, "亚尼村"),
        ]),
        ("古城街道",
        [
            ("新平县古城中学", Junior, 1180, "古城社区"),
            ("古城街道中心小学", Primary, 860, "古城社区"),
            ("古城街道他拉村完小", Primary, 170, "他拉村"),
            ("古城街道马鹿村完小", Primary, 120, "马鹿村"),
            ("古城街道布都村完小", Primary, 115, "布都村"),
            ("古城街道中心幼儿园", Kindergarten, 220, "古城社区"),
            ("古城街道他拉村幼儿园", Kindergarten, 60, "他拉村"),
        ]),
        ("扬武镇",
        [
            ("扬武镇中学", Junior, 1520, "扬武社区"),
            ("扬武镇中心小学", Primary, 1240, "扬武社区"),
            ("扬武镇青龙厂村完小", Primary, 310, "青龙厂村"),
            ("扬武镇坝多村完小", Primary, 230, "坝多村"),
            ("扬武镇大寨村完小", Primary, 180, "大寨村"),
            ("扬武镇邦迈村完小", Primary, 140, "邦迈村"),
            ("扬武镇鲁奎山村完小", Primary, 95, "鲁奎山村"),
            ("扬武镇中心幼儿园", Kindergarten, 320, "扬武社区"),
            ("扬武镇小太阳幼儿园", Kindergarten, 140, "扬武社区"),
            ("扬武镇青龙厂村幼儿园", Kindergarten, 70, "青龙厂村"),
            ("扬武镇坝多村幼儿园", Kindergarten, 55, "坝多村"),
            ("扬武镇大寨村幼儿园", Kindergarten, 62, "大寨村"),
            ("扬武镇鲁奎山村幼儿园", Kindergarten, 42, "鲁奎山村"),
        ]),
        ("漠沙镇",
        [
            ("漠沙镇中学", Junior, 1340, "漠沙社区"),
            ("漠沙镇中心小学", Primary, 1080, "漠沙社区"),
            ("漠沙镇曼线村完小", Primary, 260, "曼线村"),
            ("漠沙镇龙河村完小", Primary, 220, "龙河村"),
            ("漠沙镇大沐浴村完小", Primary, 190, "大沐浴村"),
            ("漠沙镇曼勒村完小", Primary, 170, "曼勒村"),
            ("漠沙镇仁和村完小", Primary, 150, "仁和村"),
            ("漠沙镇南蚌村完小", Primary, 120, "南蚌村"),
            ("漠沙镇小红山村完小", Primary, 124, "小红山村"),
            ("漠沙镇坡头村完小", Primary, 88, "坡头村"),
            ("漠沙镇中心幼儿园", Kindergarten, 280, "漠沙社区"),
            ("漠沙镇曼线村幼儿园", Kindergarten, 64, "曼线村"),
            ("漠沙镇龙河村幼儿园", Kindergarten, 48, "龙河村"),
            ("漠沙镇大沐浴村幼儿园", Kindergarten, 56, "大沐浴村"),
            ("漠沙镇曼勒村幼儿园", Kindergarten, 50, "曼勒村"),
            ("漠沙镇仁和村幼儿园", Kindergarten, 44, "仁和村"),
        ]),
        ("戛洒镇",
        [
            ("戛洒镇中学", Junior, 1680, "戛洒社区"),
            ("戛洒镇中心小学", Primary, 1420, "戛洒社区"),
            ("戛洒镇曼蚌村完小", Primary, 280, "曼蚌村"),
            ("戛洒镇平寨村完小", Primary, 210, "平寨村"),
            ("戛洒镇耀南村完小", Primary, 160, "耀南村"),
            ("戛洒镇新寨村完小", Primary, 130, "新寨村"),
            ("戛洒镇大平掌村完小", Primary, 110, "大平掌村"),
            ("戛洒镇腰村完小", Primary, 75, "腰村"),
            ("戛洒镇中心幼儿园", Kindergarten, 360, "戛洒社区"),
            ("戛洒镇花腰幼儿园", Kindergarten, 160, "戛洒社区"),
            ("戛洒镇曼蚌村幼儿园", Kindergarten, 72, "曼蚌村"),
            ("戛洒镇平寨村幼儿园", Kindergarten, 58, "平寨村"),
            ("戛洒镇耀南村幼儿园", Kindergarten, 44, "耀南村"),
            ("戛洒镇新寨村幼儿园", Kindergarten, 46, "新寨村"),
        ]),
        ("水塘镇",
        [
            ("水塘镇中学", Junior, 820, "水塘社区"),
            ("水塘镇中心小学", Primary, 760, "水塘社区"),
            ("水塘镇旧哈村完小", Primary, 180, "旧哈村"),
            ("水塘镇南昌村完小", Primary, 140, "南昌村"),
            ("水塘镇腊味村完小", Primary, 102, "腊味村"),
            ("水塘镇金厂村完小", Primary, 90, "金厂村"),
            ("水塘镇中心幼儿园", Kindergarten, 190, "水塘社区"),
            ("水塘镇旧哈村幼儿园", Kindergarten, 46, "旧哈村"),
            ("水塘镇南昌村幼儿园", Kindergarten, 41, "南昌村"),
        ]),
        ("者竜乡",
        [
            ("者竜乡九年一贯制学校", NineYear, 980, "者竜村"),
            ("者竜乡帽盒村完小", Primary, 120, "帽盒村"),
            ("者竜乡峨德村完小", Primary, 96, "峨德村"),
            ("者竜乡中心幼儿园", Kindergarten, 140, "者竜村"),
            ("者竜乡帽盒村幼儿园", Kindergarten, 40, "帽盒村"),
            ("者竜乡峨德村幼儿园", Kindergarten, 40, "峨德村"),
        ]),
        ("新化乡",
        [
            ("新化乡中学", Junior, 720, "新化村"),
            ("新化乡中心小学", Primary, 640, "新化村"),
            ("新化乡白达母村完小", Primary, 150, "白达母村"),
            ("新化乡龙泉村完小", Primary, 110, "龙泉村"),
            ("新化乡舍郎村完小", Primary, 90, "舍郎村"),
            ("新化乡中心幼儿园", Kindergarten, 150, "新化村"),
            ("新化乡白达母村幼儿园", Kindergarten, 52, "白达母村"),
            ("新化乡龙泉村幼儿园", Kindergarten, 40, "龙泉村"),
        ]),
        ("建兴乡",
        [
            ("建兴乡九年一贯制学校", NineYear, 1130, "建兴村"),
            ("建兴乡马鹿寨村完小", Primary, 160, "马鹿寨村"),
            ("建兴乡磨味村完小", Primary, 98, "磨味村"),
            ("建兴乡中心幼儿园", Kindergarten, 130, "建兴村"),
            ("建兴乡马鹿寨村幼儿园", Kindergarten, 45, "马鹿寨村"),
            ("建兴乡磨味村幼儿园", Kindergarten, 43, "磨味村"),
        ]),
        ("平掌乡",
        [
            ("平掌乡中学", Junior, 680, "平掌村"),
            ("平掌乡中心小学", Primary, 580, "平掌村"),
            ("平掌乡曼干村完小", Primary, 130, "曼干村"),
            ("平掌乡丫勒村完小", Primary, 85, "丫勒村"),
            ("平掌乡柏木村完小", Primary, 108, "柏木村"),
            ("平掌乡中心幼儿园", Kindergarten, 120, "平掌村"),
            ("平掌乡曼干村幼儿园", Kindergarten, 42, "曼干村"),
            ("平掌乡丫勒村幼儿园", Kindergarten, 40, "丫勒村"),
        ]),
        ("老厂乡",
        [
            ("老厂乡中学", Junior, 740, "老厂村"),
            ("老厂乡中心小学", Primary, 620, "老厂村"),
            ("老厂乡竹园村完小", Primary, 170, "竹园村"),
            ("老厂乡尖山村完小", Primary, 105, "尖山村"),
            ("老厂乡河口村完小", Primary, 78, "河口村"),
            ("老厂乡中心幼儿园", Kindergarten, 140, "老厂村"),
            ("老厂乡竹园村幼儿园", Kindergarten, 50, "竹园村"),
            ("老厂乡尖山村幼儿园", Kindergarten, 45, "尖山村"),
        ]),
        ("平甸乡",
        [
            ("平甸乡中学", Junior, 860, "平甸村"),
            ("平甸乡中心小学", Primary, 720, "平甸村"),
            ("平甸乡磨皮村完小", Primary, 190, "磨皮村"),
            ("平甸乡李冲村完小", Primary, 140, "李冲村"),
            ("平甸乡打坪村完小", Primary, 82, "打坪村"),
            ("平甸乡中心幼儿园", Kindergarten, 180, "平甸村"),
            ("平甸乡磨皮村幼儿园", Kindergarten, 54, "磨皮村"),
            ("平甸乡李冲村幼儿园", Kindergarten, 48, "李冲村"),
        ]),
    ];

    /// <summary>元江县: a handful of schools, there to show that one county never sees the other.</summary>
    private static readonly (string Township, SchoolRow[] Schools)[] Yuanjiang =
    [
        ("澧江街道",
        [
            ("元江县第一中学", Senior, 2680, "东门路"),
            ("元江县第一小学", Primary, 1560, "南门路"),
            ("元江县幼儿园", Kindergarten, 360, "东门路"),
        ]),
        ("因远镇", [("元江县因远镇中学", Junior, 980, "因远社区")]),
        ("甘庄街道", [("甘庄街道干坝村完小", Primary, 210, "干坝村")]),
    ];

    private static readonly string[] Surnames =
        ["李", "王", "张", "杨", "刘", "陈", "赵", "普", "白", "刀", "罗", "何", "周", "施", "方", "马", "黄", "龙", "鲁", "许"];

    private static readonly string[] GivenNameChars =
        ["建", "华", "国", "丽", "芳", "志", "强", "云", "红", "明", "琼", "兰", "海", "文", "玉", "春", "德", "林", "秀", "梅", "俊", "涛", "平", "燕", "荣", "雪", "斌", "静"];

    private static readonly string[] MobilePrefixes = ["139", "138", "137", "150", "158", "187", "188"];

    /// <summary>
    /// Seeds jurisdictions, schools and demo users if the database has no jurisdiction yet; returns
    /// true if it seeded. The four roles must exist already.
    /// </summary>
    public static async Task<bool> SeedAsync(
        AppDbContext db, UserManager<AppUser> users, string password, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Jurisdictions.AnyAsync(ct)) return false;

        var province = Jurisdiction.Create(ProvinceCode, "云南省", JurisdictionLevel.Province, null);
        var city = Jurisdiction.Create(CityCode, "玉溪市", JurisdictionLevel.City, province);
        var county = Jurisdiction.Create(CountyCode, "新平县", JurisdictionLevel.County, city);
        var secondCounty = Jurisdiction.Create(SecondCountyCode, "元江县", JurisdictionLevel.County, city);
        Jurisdiction[] jurisdictions = [province, city, county, secondCounty];
        db.Jurisdictions.AddRange(jurisdictions);

        var rng = new Random(RandomSeed);
        List<School> schools = [.. BuildSchools(county, "XP", Xinping, rng), .. BuildSchools(secondCounty, "YJ", Yuanjiang, rng)];
        db.Schools.AddRange(schools);
        await db.SaveChangesAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (login, place) in Users)
        {
            var isSchoolRole = Roles.IsSchoolRole(login.Role);
            var user = new AppUser
            {
                UserName = login.UserName,
                Email = $"{login.UserName}@example.com",
                EmailConfirmed = true,
                DisplayName = login.DisplayName,
                SchoolId = isSchoolRole ? schools.Single(s => s.Code == place).Id : null,
                JurisdictionId = isSchoolRole ? null : jurisdictions.Single(j => j.Code == place).Id,
                MustChangePassword = false,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, password), login.UserName);
            Check(await users.AddToRoleAsync(user, login.Role), login.UserName);
        }
        return true;
    }

    private static IEnumerable<School> BuildSchools(
        Jurisdiction county, string codePrefix, (string Township, SchoolRow[] Schools)[] table, Random rng)
    {
        var number = 0;
        foreach (var (township, rows) in table)
        {
            foreach (var row in rows)
            {
                number++;
                yield return NewSchool(county, $"{codePrefix}{number:D3}", township, row, rng);
            }
        }
    }

    private static School NewSchool(Jurisdiction county, string code, string township, SchoolRow row, Random rng)
    {
        var urban = UrbanTownships.Contains(township);
        var studentsPerStaff = row.Type switch
        {
            Kindergarten => rng.Next(8, 11),
            Special => 4,
            _ => rng.Next(15, 21),
        };
        return new School
        {
            Code = code,
            Name = row.Name,
            Type = row.Type,
            Jurisdiction = county,
            Township = township,
            Address = $"云南省玉溪市{county.Name}{township}{row.Place}",
            Students = row.Students,
            BoardingStudents = row.Students * BoardingPercent(row.Type, urban, rng) / 100,
            Staff = Math.Max(3, row.Students / studentsPerStaff),
            TallestBuildingFloors = row.Type == Kindergarten ? rng.Next(1, 4)
                : row.Students < 400 ? rng.Next(2, 4)
                : rng.Next(4, 7),
            PrincipalName = PersonName(rng),
            PrincipalPhone = $"0877-7{rng.Next(0, 1_000_000):D6}",
            SafetyContactName = PersonName(rng),
            SafetyContactPhone = $"{MobilePrefixes[rng.Next(MobilePrefixes.Length)]}{rng.Next(0, 100_000_000):D8}",
            IsActive = true,
        };
    }

    /// <summary>Kindergartens and town primaries have no boarders; rural secondary schools board most pupils.</summary>
    private static int BoardingPercent(SchoolType type, bool urban, Random rng) => type switch
    {
        Kindergarten => 0,
        Primary => urban ? 0 : rng.Next(20, 61),
        Junior or NineYear => urban ? rng.Next(15, 36) : rng.Next(70, 96),
        Senior or Complete or Vocational => rng.Next(75, 96),
        Special => rng.Next(50, 81),
        _ => 0,
    };

    internal static string PersonName(Random rng)
    {
        var given = GivenNameChars[rng.Next(GivenNameChars.Length)];
        if (rng.Next(3) > 0) given += GivenNameChars[rng.Next(GivenNameChars.Length)];
        return Surnames[rng.Next(Surnames.Length)] + given;
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Demo user '{userName}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
