using SchoolSafety.Defences;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Tests.Domain;

public class DefenceRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static School School(int students = 600, int boarders = 0, SchoolType type = SchoolType.Primary) =>
        new() { Id = 1, Code = "T001", Name = "测试小学", Type = type, Students = students, BoardingStudents = boarders, Township = "桂山街道" };

    private static DefenceGuard Guard(int born = 1980, EducationLevel education = EducationLevel.JuniorMiddle, bool certified = true, bool fullTime = true) =>
        new() { Name = "张三", BirthYear = born, Education = education, HasCertificate = certified, FullTime = fullTime, Employment = GuardEmployment.Company };

    /// <summary>A record that meets every default rule for a primary school of 600 day pupils.</summary>
    private static DefenceRecord Good() => new()
    {
        Revision = 1, EffectiveFrom = Today.AddDays(-10), Guards = [Guard(), Guard(1990)],
        SchoolPost = true, PatrolTeam = true, PatrolsPerDay = 2, GateDuty24h = true,
        ClosedCampus = true, LowestWallHeight = 2.5m, AntiCollisionBarrier = true, FireEquipmentServicedOn = Today.AddMonths(-3),
        Gear = ProtectiveGear.StabVests | ProtectiveGear.Batons | ProtectiveGear.RestrainingForks,
        Cameras = 24, Recording24h = true,
        KeyPlacesCovered = KeyPlaces.Gate | KeyPlaces.TeachingEntrances | KeyPlaces.Corridors | KeyPlaces.Canteen,
        RetentionDays = 90, Alarm = AlarmState.LinkedTo110,
    };

    private static IReadOnlyList<GapKind> Gaps(DefenceRecord record, School? school = null, StandardRuleSet? rules = null) =>
        DefenceRules.Assess(school ?? School(), record, rules ?? StandardRuleSet.Defaults(), Today).Gaps.Select(g => g.Kind).ToList();

    [Theory]
    [InlineData(0, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 2)]
    [InlineData(999, 2)]
    [InlineData(1000, 3)]
    [InlineData(1499, 3)]
    [InlineData(1500, 4)]
    [InlineData(1501, 4)]
    [InlineData(1999, 4)]
    [InlineData(2000, 5)]
    [InlineData(3260, 7)]
    public void The_default_guard_rule_at_every_bracket_edge(int students, int guards)
    {
        Assert.Equal(guards, DefenceRules.GuardsRequired(StandardRuleSet.Defaults(), students, boarders: 0));
    }

    [Fact]
    public void Boarders_add_guards_only_when_the_option_is_on()
    {
        var rules = StandardRuleSet.Defaults();
        Assert.Null(rules.BoardersPerExtraGuard);
        Assert.Equal(3, DefenceRules.GuardsRequired(rules, 1200, boarders: 900));
        rules.BoardersPerExtraGuard = 200;
        Assert.Equal(3 + 4, DefenceRules.GuardsRequired(rules, 1200, boarders: 900));
        Assert.Equal(2, DefenceRules.GuardsRequired(rules, 600, boarders: 199));
        Assert.Equal(3, DefenceRules.GuardsRequired(rules, 600, boarders: 200));
    }

    [Fact]
    public void A_record_that_meets_every_rule_has_no_gap()
    {
        Assert.Empty(Gaps(Good()));
    }

    [Fact]
    public void A_guard_short_school_shows_present_required_short_and_the_source()
    {
        var record = Good();
        record.Guards = [Guard()];
        var status = DefenceRules.Assess(School(), record, StandardRuleSet.Defaults(), Today);
        var gap = status.Gap(GapKind.GuardsShort)!;
        Assert.Equal((1, 2, 1), (status.GuardsPresent, status.GuardsRequired, status.GuardsShort));
        Assert.Equal([1, 2, 1], gap.Args.Cast<int>());
        Assert.Contains("中小学幼儿园安全防范工作规范（试行）", gap.Source);
        Assert.Equal(DefenceSection.Personnel, gap.Section);
    }

    [Fact]
    public void Age_limits_are_inclusive_and_counted_per_guard()
    {
        var record = Good();
        // 2026: born 1966 is 60 (allowed), 1965 is 61 (too old), 2008 is 18 (allowed), 2009 is 17 (too young).
        record.Guards = [Guard(1966), Guard(1965), Guard(1958), Guard(2008), Guard(2009)];
        var status = DefenceRules.Assess(School(2500), record, StandardRuleSet.Defaults(), Today);
        Assert.Equal(2, status.Gap(GapKind.GuardsOverAge)!.Count);
        Assert.Equal(1, status.Gap(GapKind.GuardsUnderAge)!.Count);
        var stricter = StandardRuleSet.Defaults();
        stricter.GuardMaxAge = 55;
        Assert.Equal(3, DefenceRules.Assess(School(2500), record, stricter, Today).Gap(GapKind.GuardsOverAge)!.Count);
    }

    [Fact]
    public void Education_below_the_minimum_uncertified_and_part_time_guards_are_gaps()
    {
        var record = Good();
        record.Guards = [Guard(education: EducationLevel.PrimaryOrBelow, certified: false), Guard(education: EducationLevel.JuniorMiddle, fullTime: false)];
        var status = DefenceRules.Assess(School(), record, StandardRuleSet.Defaults(), Today);
        Assert.Equal(1, status.Gap(GapKind.GuardsUndereducated)!.Count);
        Assert.Equal(1, status.Gap(GapKind.GuardsUncertified)!.Count);
        Assert.Equal(1, status.Gap(GapKind.GuardsPartTime)!.Count);
        var senior = StandardRuleSet.Defaults();
        senior.GuardMinEducation = EducationLevel.SeniorMiddle;
        Assert.Equal(2, DefenceRules.Assess(School(), record, senior, Today).Gap(GapKind.GuardsUndereducated)!.Count);
    }

    [Theory]
    [InlineData(2.49, true)]
    [InlineData(2.5, false)]
    [InlineData(3.0, false)]
    public void The_wall_must_reach_the_minimum_height(double height, bool gap)
    {
        var record = Good();
        record.LowestWallHeight = (decimal)height;
        Assert.Equal(gap, Gaps(record).Contains(GapKind.WallTooLow));
        var yunnan = StandardRuleSet.Defaults();
        yunnan.MinWallHeight = 2.0m;
        Assert.DoesNotContain(GapKind.WallTooLow, Gaps(record, rules: yunnan));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(89, true)]
    [InlineData(90, false)]
    [InlineData(180, false)]
    public void Footage_must_be_kept_for_the_minimum_days(int days, bool gap)
    {
        var record = Good();
        record.RetentionDays = days;
        var status = DefenceRules.Assess(School(), record, StandardRuleSet.Defaults(), Today);
        Assert.Equal(gap, status.Has(GapKind.RetentionShort));
        if (gap) Assert.Equal([days, 90], status.Gap(GapKind.RetentionShort)!.Args.Cast<int>());
    }

    [Fact]
    public void Technical_gaps_blind_spots_uncovered_places_alarm_and_no_cameras()
    {
        var record = Good();
        record.BlindSpots = 3;
        record.BlindSpotsDescription = "后操场、围墙西北角";
        record.Alarm = AlarmState.Local;
        record.KeyPlacesCovered = KeyPlaces.Gate;
        var boardingJunior = School(800, 600, SchoolType.Junior);
        var status = DefenceRules.Assess(boardingJunior, record, StandardRuleSet.Defaults(), Today);
        Assert.Equal(3, status.Gap(GapKind.BlindSpots)!.Count);
        Assert.True(status.Has(GapKind.AlarmNotLinked));
        Assert.Equal(KeyPlaces.TeachingEntrances | KeyPlaces.Corridors | KeyPlaces.Canteen | KeyPlaces.DormitoryEntrances | KeyPlaces.Laboratories,
            (KeyPlaces)status.Gap(GapKind.KeyPlacesUncovered)!.Args[0]!);

        record.Cameras = 0;
        record.Recording24h = false;
        Assert.Equal([GapKind.NoCameras, GapKind.AlarmNotLinked],
            Gaps(record, boardingJunior).Where(k => DefenceRules.SectionOf(k) == DefenceSection.Technical));
    }

    [Fact]
    public void Dormitory_rules_apply_only_to_schools_with_boarders()
    {
        var record = Good();
        record.DormitoryManagers = 0;
        record.TeachersStandIn = true;
        Assert.DoesNotContain(GapKind.NoDormitoryManager, Gaps(record, School(600, 0)));
        var boarding = Gaps(record, School(600, 300));
        Assert.Contains(GapKind.NoDormitoryManager, boarding);
        Assert.Contains(GapKind.TeachersStandIn, boarding);
    }

    [Fact]
    public void Physical_gaps_closed_campus_barrier_unsafe_buildings_fire_and_gear()
    {
        var record = Good();
        record.ClosedCampus = false;
        record.AntiCollisionBarrier = false;
        record.UnsafeBuildings = 2;
        record.UnsafeBuildingsInUse = true;
        record.FireEquipmentServicedOn = Today.AddMonths(-12).AddDays(-1);
        record.Gear = ProtectiveGear.StabVests;
        record.LowestWallHeight = null;
        var status = DefenceRules.Assess(School(), record, StandardRuleSet.Defaults(), Today);
        Assert.Equal([GapKind.NotClosed, GapKind.NoWall, GapKind.NoAntiCollision, GapKind.UnsafeBuildingsInUse, GapKind.FireServiceOverdue, GapKind.GearMissing],
            status.Gaps.Select(g => g.Kind));
        Assert.Equal(2, status.Gap(GapKind.UnsafeBuildingsInUse)!.Count);
        record.FireEquipmentServicedOn = Today.AddMonths(-12);
        Assert.DoesNotContain(GapKind.FireServiceOverdue, Gaps(record));
    }

    [Fact]
    public void A_school_without_a_record_is_still_asked_for_its_guards()
    {
        var status = DefenceRules.Assess(School(1600), null, StandardRuleSet.Defaults(), Today);
        Assert.Equal((4, 0, 4), (status.GuardsRequired, status.GuardsPresent, status.GuardsShort));
        Assert.Equal(GapKind.NoRecord, Assert.Single(status.Gaps).Kind);
    }

    private static readonly Jurisdiction Province = Jurisdiction.Create("530000", "云南省", JurisdictionLevel.Province, null);
    private static readonly Jurisdiction City = Jurisdiction.Create("530400", "玉溪市", JurisdictionLevel.City, Province);
    private static readonly Jurisdiction County = Jurisdiction.Create("530427", "新平县", JurisdictionLevel.County, City);
    private static readonly Jurisdiction OtherCounty = Jurisdiction.Create("530428", "元江县", JurisdictionLevel.County, City);

    private static StandardRuleSet Set(Jurisdiction node, int version, DateOnly from, decimal wall) =>
        new() { Jurisdiction = node, Version = version, EffectiveFrom = from, MinWallHeight = wall };

    [Fact]
    public void A_new_version_takes_effect_on_its_date_and_a_lower_node_overrides_a_higher_one()
    {
        var sets = new[]
        {
            Set(Province, 1, new DateOnly(2020, 1, 1), 2.0m),
            Set(County, 1, new DateOnly(2026, 3, 1), 2.5m),
            Set(County, 2, new DateOnly(2026, 12, 1), 2.8m),
        };
        Assert.Equal(2.0m, DefenceRules.RulesFor(County.Path, sets, new DateOnly(2026, 2, 28)).MinWallHeight);
        Assert.Equal(2.5m, DefenceRules.RulesFor(County.Path, sets, new DateOnly(2026, 3, 1)).MinWallHeight);
        Assert.Equal(2.5m, DefenceRules.RulesFor(County.Path, sets, new DateOnly(2026, 11, 30)).MinWallHeight);
        Assert.Equal(2.8m, DefenceRules.RulesFor(County.Path, sets, new DateOnly(2026, 12, 1)).MinWallHeight);
        Assert.Equal(2.0m, DefenceRules.RulesFor(OtherCounty.Path, sets, new DateOnly(2026, 12, 1)).MinWallHeight);
        Assert.Equal(2.5m, DefenceRules.RulesFor(OtherCounty.Path, [], Today).MinWallHeight);

        var record = Good();
        record.LowestWallHeight = 2.6m;
        Assert.DoesNotContain(GapKind.WallTooLow, Gaps(record, rules: DefenceRules.RulesFor(County.Path, sets, new DateOnly(2026, 11, 30))));
        Assert.Contains(GapKind.WallTooLow, Gaps(record, rules: DefenceRules.RulesFor(County.Path, sets, new DateOnly(2026, 12, 1))));
    }

    private static DefenceInput ValidInput() => new()
    {
        EffectiveFrom = Today, DormitoryManagers = 0, PatrolsPerDay = 0, UnsafeBuildings = 0, Cameras = 12, Recording24h = true,
        BlindSpots = 0, RetentionDays = 30, Alarm = AlarmState.LinkedTo110, LowestWallHeight = 2.2m,
        Guards = [new GuardInput { Name = "李国强", BirthYear = 1968, Education = EducationLevel.JuniorMiddle, Employment = GuardEmployment.Direct }, new GuardInput()],
    };

    private static IReadOnlyDictionary<string, FieldError> Errors(Action<DefenceInput> change, DateOnly? previous = null)
    {
        var input = ValidInput();
        change(input);
        return DefenceRules.Validate(input, Today, previous);
    }

    [Fact]
    public void A_plausible_form_is_valid_even_when_it_falls_short_of_the_rules_and_the_blank_row_is_ignored()
    {
        Assert.Empty(Errors(_ => { }));
        var record = ValidInput().ToRecord(1, 1, DateTime.UtcNow, null, null);
        Assert.Single(record.Guards);
    }

    [Theory]
    [InlineData("Cameras", -1, "Defence.Negative")]
    [InlineData("DormitoryManagers", -3, "Defence.Negative")]
    [InlineData("BlindSpots", -1, "Defence.Negative")]
    [InlineData("RetentionDays", 5000, "Defence.TooMany")]
    public void Negative_or_absurd_counts_are_refused(string field, int value, string key)
    {
        var errors = Errors(i => typeof(DefenceInput).GetProperty(field)!.SetValue(i, (int?)value));
        Assert.Equal(key, errors[field].MessageKey);
    }

    [Fact]
    public void A_wall_of_25_metres_is_refused_and_a_missing_height_needs_the_no_wall_box()
    {
        Assert.Equal("Defence.WallImplausible", Errors(i => i.LowestWallHeight = 25m)["LowestWallHeight"].MessageKey);
        Assert.Equal("Defence.WallRequired", Errors(i => i.LowestWallHeight = null)["LowestWallHeight"].MessageKey);
        Assert.Empty(Errors(i => { i.LowestWallHeight = null; i.NoWall = true; }));
    }

    [Theory]
    [InlineData(2023, 3)]
    [InlineData(1896, 130)]
    public void A_birth_year_that_makes_a_guard_3_or_130_is_refused(int born, int age)
    {
        var error = Errors(i => i.Guards[0].BirthYear = born)["Guards[0].BirthYear"];
        Assert.Equal("Defence.AgeImplausible", error.MessageKey);
        Assert.Equal(age, error.Args[1]);
    }

    [Fact]
    public void A_guard_row_needs_a_name_education_and_employer()
    {
        var errors = Errors(i => i.Guards[1] = new GuardInput { BirthYear = 1970 });
        Assert.Equal(["Guards[1].Education", "Guards[1].Employment", "Guards[1].Name"], errors.Keys.Order());
        Assert.Empty(Errors(i => i.Guards[1] = new GuardInput { BirthYear = 1900, Remove = true }));
    }

    [Fact]
    public void Zero_retention_with_24_hour_recording_and_recording_without_cameras_are_refused()
    {
        Assert.Equal("Defence.RetentionZero", Errors(i => i.RetentionDays = 0)["RetentionDays"].MessageKey);
        Assert.Equal("Defence.RecordingWithoutCameras", Errors(i => i.Cameras = 0)["Cameras"].MessageKey);
        Assert.Empty(Errors(i => { i.Cameras = 0; i.Recording24h = false; i.RetentionDays = 0; }));
    }

    [Fact]
    public void Blind_spots_need_a_description_and_unsafe_buildings_in_use_need_a_count()
    {
        Assert.Equal("Defence.BlindSpotsDescribe", Errors(i => i.BlindSpots = 2)["BlindSpotsDescription"].MessageKey);
        Assert.Equal("Defence.InUseWithoutUnsafe", Errors(i => i.UnsafeBuildingsInUse = true)["UnsafeBuildings"].MessageKey);
        Assert.Equal("Defence.PatrolsWithoutTeam", Errors(i => i.PatrolsPerDay = 3)["PatrolsPerDay"].MessageKey);
    }

    [Fact]
    public void The_effective_date_is_not_in_the_future_nor_before_the_previous_record()
    {
        Assert.Equal("Defence.DateInFuture", Errors(i => i.EffectiveFrom = Today.AddDays(1))["EffectiveFrom"].MessageKey);
        Assert.Equal("Defence.EffectiveBeforePrevious", Errors(i => i.EffectiveFrom = Today.AddDays(-5), Today.AddDays(-2))["EffectiveFrom"].MessageKey);
        Assert.Empty(Errors(i => i.EffectiveFrom = Today.AddDays(-2), Today.AddDays(-2)));
    }

    [Fact]
    public void A_rule_set_with_brackets_out_of_order_or_no_source_is_refused()
    {
        var r = StandardRuleSet.Defaults();
        Assert.Empty(DefenceRules.Validate(r, null));
        r.LargeFromStudents = 50;
        r.GuardMaxAge = 17;
        r.WallSource = " ";
        r.MinWallHeight = 25m;
        var errors = DefenceRules.Validate(r, null);
        Assert.Equal("Standards.BracketsOrder", errors["LargeFromStudents"].MessageKey);
        Assert.Equal("Standards.AgeOrder", errors["GuardMaxAge"].MessageKey);
        Assert.Equal("Standards.SourceRequired", errors["WallSource"].MessageKey);
        Assert.Equal("Defence.OutOfRange", errors["MinWallHeight"].MessageKey);
    }
}
