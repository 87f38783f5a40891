using SchoolSafety.Schools;

namespace SchoolSafety.Defences;

public enum DefenceSection
{
    Personnel = 1, // 人防
    Physical = 2,  // 物防
    Technical = 3, // 技防
}

/// <summary>The ways a school can fall short of the standards. The county's lists are filtered by these.</summary>
public enum GapKind
{
    NoRecord = 1,
    GuardsShort = 10,
    GuardsOverAge = 11,
    GuardsUnderAge = 12,
    GuardsUndereducated = 13,
    GuardsUncertified = 14,
    GuardsPartTime = 15,
    NoDormitoryManager = 16,
    TeachersStandIn = 17,
    NoSchoolPost = 18,
    NoPatrolTeam = 19,
    NoGateDuty = 20,
    NotClosed = 30,
    NoWall = 31,
    WallTooLow = 32,
    NoAntiCollision = 33,
    UnsafeBuildingsInUse = 34,
    FireNeverServiced = 35,
    FireServiceOverdue = 36,
    GearMissing = 37,
    NoCameras = 50,
    NotRecording24h = 51,
    KeyPlacesUncovered = 52,
    BlindSpots = 53,
    RetentionShort = 54,
    NoAlarm = 55,
    AlarmNotLinked = 56,
}

/// <summary>
/// One shortfall: its kind, how many (guards short, guards too old, blind spots...; 1 when it is a
/// yes/no), the values its message shows (resource <c>DefenceGap.{Kind}</c>) and the rule's source.
/// </summary>
public sealed record DefenceGap(GapKind Kind, int Count, string Source, params object?[] Args)
{
    public DefenceSection Section => DefenceRules.SectionOf(Kind);
}

/// <summary>A field of the form and what is wrong with it: a resource key and its values.</summary>
public sealed record FieldError(string MessageKey, params object[] Args);

/// <summary>What a school is asked for on a day, what it has, and where it falls short.</summary>
public sealed record SchoolDefenceStatus(
    School School, DefenceRecord? Record, StandardRuleSet Rules, int GuardsRequired, int GuardsPresent, IReadOnlyList<DefenceGap> Gaps)
{
    public int GuardsShort => Math.Max(0, GuardsRequired - GuardsPresent);
    public DefenceGap? Gap(GapKind kind) => Gaps.FirstOrDefault(g => g.Kind == kind);
    public bool Has(GapKind kind) => Gaps.Any(g => g.Kind == kind);

    /// <summary>What the county's figures count of this school.</summary>
    public DefenceTally Tally => new(School, GuardsRequired, GuardsPresent, Gaps.Select(g => (g.Kind, g.Count)).ToList(),
        Record is { Cameras: > 0 } record ? record.RetentionDays : null);
}

/// <summary>
/// The three-defences standards applied to one school's record (design §4). Plain functions of
/// the record, the school and the rule set in force: nothing here is stored, so a changed rule
/// changes every figure at once.
/// </summary>
public static class DefenceRules
{
    public const decimal WallMinPlausible = 0.5m;
    public const decimal WallMaxPlausible = 6m;
    public const int GuardMinPlausibleAge = 16;
    public const int GuardMaxPlausibleAge = 80;
    public const int MaxRetentionDays = 3650;

    public static DefenceSection SectionOf(GapKind kind) => (int)kind switch
    {
        < 30 => DefenceSection.Personnel,
        < 50 => DefenceSection.Physical,
        _ => DefenceSection.Technical,
    };

    /// <summary>Guards a school of this size needs: the student brackets, plus the boarder option when it is on.</summary>
    public static int GuardsRequired(StandardRuleSet r, int students, int boarders)
    {
        var byStudents = students < r.MediumFromStudents ? r.GuardsSmall
            : students < r.LargeFromStudents ? r.GuardsMedium
            : r.GuardsLarge + (r.ExtraGuardPerStudents > 0 ? (students - r.LargeFromStudents) / r.ExtraGuardPerStudents : 0);
        var forBoarders = r.BoardersPerExtraGuard is > 0 and var per ? boarders / per : 0;
        return byStudents + forBoarders;
    }

    /// <summary>The key places a camera must see at this school: dormitories only with boarders, laboratories only above primary.</summary>
    public static KeyPlaces RequiredKeyPlaces(School school)
    {
        var places = KeyPlaces.Gate | KeyPlaces.TeachingEntrances | KeyPlaces.Corridors | KeyPlaces.Canteen;
        if (school.BoardingStudents > 0) places |= KeyPlaces.DormitoryEntrances;
        if (school.Type is not (SchoolType.Kindergarten or SchoolType.Primary)) places |= KeyPlaces.Laboratories;
        return places;
    }

    /// <summary>
    /// The rule set a school follows on a day: among the versions in effect that day at its own node or
    /// above, the deepest node's newest; the design §4 defaults when there is none. Each set's
    /// <see cref="StandardRuleSet.Jurisdiction"/> must be loaded.
    /// </summary>
    public static StandardRuleSet RulesFor(string schoolJurisdictionPath, IEnumerable<StandardRuleSet> sets, DateOnly on) =>
        sets.Where(s => s.EffectiveFrom <= on && schoolJurisdictionPath.StartsWith(
                s.Jurisdiction?.Path ?? throw new InvalidOperationException("Load StandardRuleSet.Jurisdiction."), StringComparison.Ordinal))
            .OrderByDescending(s => s.Jurisdiction!.Path.Length).ThenByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Version)
            .FirstOrDefault() ?? StandardRuleSet.Defaults();

    /// <summary>The gaps that are about single guards: the county lists those guards by name.</summary>
    public static readonly GapKind[] GuardKinds =
        [GapKind.GuardsOverAge, GapKind.GuardsUnderAge, GapKind.GuardsUndereducated, GapKind.GuardsUncertified, GapKind.GuardsPartTime];

    /// <summary>The guards of a record that a guard gap is about (none for other kinds).</summary>
    public static IEnumerable<DefenceGuard> MatchingGuards(GapKind kind, DefenceRecord record, StandardRuleSet r, DateOnly on) =>
        record.Guards.Where(g => kind switch
        {
            GapKind.GuardsOverAge => g.AgeIn(on.Year) > r.GuardMaxAge,
            GapKind.GuardsUnderAge => g.AgeIn(on.Year) < r.GuardMinAge,
            GapKind.GuardsUndereducated => g.Education < r.GuardMinEducation,
            GapKind.GuardsUncertified => !g.HasCertificate,
            GapKind.GuardsPartTime => !g.FullTime,
            _ => false,
        });

    /// <summary>The school measured against the rules on a day, from the record in force that day (or none).</summary>
    public static SchoolDefenceStatus Assess(School school, DefenceRecord? record, StandardRuleSet r, DateOnly on)
    {
        var required = GuardsRequired(r, school.Students, school.BoardingStudents);
        if (record is null)
            return new SchoolDefenceStatus(school, null, r, required, 0, [new DefenceGap(GapKind.NoRecord, 1, "")]);

        var gaps = new List<DefenceGap>();
        void Add(GapKind kind, int count, string source, params object?[] args)
        {
            if (count > 0) gaps.Add(new DefenceGap(kind, count, source, args));
        }

        // 人防
        var guards = record.Guards;
        var present = guards.Count;
        Add(GapKind.GuardsShort, required - present, r.GuardsSource, present, required, required - present);
        foreach (var kind in GuardKinds)
        {
            var count = MatchingGuards(kind, record, r, on).Count();
            Add(kind, count, kind is GapKind.GuardsOverAge or GapKind.GuardsUnderAge ? r.AgeSource
                : kind == GapKind.GuardsUndereducated ? r.EducationSource : r.QualificationSource,
                count, kind switch
                {
                    GapKind.GuardsOverAge => r.GuardMaxAge,
                    GapKind.GuardsUnderAge => r.GuardMinAge,
                    GapKind.GuardsUndereducated => r.GuardMinEducation,
                    _ => null,
                });
        }
        if (school.BoardingStudents > 0)
        {
            Add(GapKind.NoDormitoryManager, record.DormitoryManagers == 0 ? 1 : 0, r.PersonnelSource, school.BoardingStudents);
            Add(GapKind.TeachersStandIn, record.TeachersStandIn ? 1 : 0, r.PersonnelSource);
        }
        Add(GapKind.NoSchoolPost, record.SchoolPost ? 0 : 1, r.PersonnelSource);
        Add(GapKind.NoPatrolTeam, record.PatrolTeam ? 0 : 1, r.PersonnelSource);
        Add(GapKind.NoGateDuty, record.GateDuty24h ? 0 : 1, r.PersonnelSource);

        // 物防
        Add(GapKind.NotClosed, record.ClosedCampus ? 0 : 1, r.PhysicalSource);
        if (record.LowestWallHeight is not { } wall) Add(GapKind.NoWall, 1, r.WallSource, r.MinWallHeight);
        else Add(GapKind.WallTooLow, wall < r.MinWallHeight ? 1 : 0, r.WallSource, wall, r.MinWallHeight);
        Add(GapKind.NoAntiCollision, record.AntiCollisionBarrier ? 0 : 1, r.PhysicalSource);
        Add(GapKind.UnsafeBuildingsInUse, record.UnsafeBuildingsInUse ? record.UnsafeBuildings : 0, r.PhysicalSource, record.UnsafeBuildings);
        if (record.FireEquipmentServicedOn is not { } serviced) Add(GapKind.FireNeverServiced, 1, r.FireSource, r.FireServiceMonths);
        else Add(GapKind.FireServiceOverdue, on > serviced.AddMonths(r.FireServiceMonths) ? 1 : 0, r.FireSource, serviced, r.FireServiceMonths);
        var allGear = ProtectiveGear.StabVests | ProtectiveGear.Batons | ProtectiveGear.RestrainingForks;
        var missingGear = allGear & ~record.Gear;
        Add(GapKind.GearMissing, missingGear == ProtectiveGear.None ? 0 : 1, r.PhysicalSource, missingGear);

        // 技防
        if (record.Cameras == 0)
        {
            Add(GapKind.NoCameras, 1, r.CctvSource);
        }
        else
        {
            Add(GapKind.NotRecording24h, record.Recording24h ? 0 : 1, r.CctvSource);
            var uncovered = RequiredKeyPlaces(school) & ~record.KeyPlacesCovered;
            Add(GapKind.KeyPlacesUncovered, uncovered == KeyPlaces.None ? 0 : 1, r.CctvSource, uncovered);
            Add(GapKind.BlindSpots, record.BlindSpots, r.CctvSource, record.BlindSpots, record.BlindSpotsDescription ?? "");
            Add(GapKind.RetentionShort, record.RetentionDays < r.MinRetentionDays ? 1 : 0, r.RetentionSource, record.RetentionDays, r.MinRetentionDays);
        }
        Add(GapKind.NoAlarm, record.Alarm == AlarmState.None ? 1 : 0, r.AlarmSource);
        Add(GapKind.AlarmNotLinked, record.Alarm == AlarmState.Local ? 1 : 0, r.AlarmSource);

        return new SchoolDefenceStatus(school, record, r, required, present, gaps);
    }

    /// <summary>
    /// What is wrong with the form: field (as named in the form, e.g. <c>Guards[2].BirthYear</c>) →
    /// message. Empty when the record may be saved. Implausible values (a wall of 25 m, a guard aged
    /// 3 or 130, 24-hour recording kept for 0 days) are refused; values that merely fall short of a
    /// rule are saved and shown as gaps.
    /// </summary>
    public static IReadOnlyDictionary<string, FieldError> Validate(DefenceInput input, DateOnly today, DateOnly? previousEffectiveFrom)
    {
        var errors = new Dictionary<string, FieldError>();
        const string required = "Defence.Required";

        if (input.EffectiveFrom is not { } from) errors[nameof(input.EffectiveFrom)] = new(required);
        else if (from > today) errors[nameof(input.EffectiveFrom)] = new("Defence.DateInFuture");
        else if (previousEffectiveFrom is { } previous && from < previous)
            errors[nameof(input.EffectiveFrom)] = new("Defence.EffectiveBeforePrevious", previous.ToString("yyyy-MM-dd"));
        if (input.Note?.Trim().Length > DefenceRecord.NoteMaxLength)
            errors[nameof(input.Note)] = new("Defence.TooLong", DefenceRecord.NoteMaxLength);

        void Count(string field, int? value, int max)
        {
            if (value is null) errors[field] = new(required);
            else if (value < 0) errors[field] = new("Defence.Negative");
            else if (value > max) errors[field] = new("Defence.TooMany", max);
        }
        Count(nameof(input.DormitoryManagers), input.DormitoryManagers, 500);
        Count(nameof(input.PatrolsPerDay), input.PatrolsPerDay, 48);
        Count(nameof(input.UnsafeBuildings), input.UnsafeBuildings, 500);
        Count(nameof(input.Cameras), input.Cameras, 5000);
        Count(nameof(input.BlindSpots), input.BlindSpots, 1000);
        Count(nameof(input.RetentionDays), input.RetentionDays, MaxRetentionDays);

        if (input.PatrolsPerDay > 0 && !input.PatrolTeam && !errors.ContainsKey(nameof(input.PatrolsPerDay)))
            errors[nameof(input.PatrolsPerDay)] = new("Defence.PatrolsWithoutTeam");
        if (!input.NoWall)
        {
            if (input.LowestWallHeight is not { } wall) errors[nameof(input.LowestWallHeight)] = new("Defence.WallRequired");
            else if (wall is < WallMinPlausible or > WallMaxPlausible)
                errors[nameof(input.LowestWallHeight)] = new("Defence.WallImplausible", wall, WallMinPlausible, WallMaxPlausible);
        }
        if (input.UnsafeBuildingsInUse && input.UnsafeBuildings == 0 && !errors.ContainsKey(nameof(input.UnsafeBuildings)))
            errors[nameof(input.UnsafeBuildings)] = new("Defence.InUseWithoutUnsafe");
        if (input.FireEquipmentServicedOn > today) errors[nameof(input.FireEquipmentServicedOn)] = new("Defence.DateInFuture");

        if (input.Recording24h && input.Cameras == 0 && !errors.ContainsKey(nameof(input.Cameras)))
            errors[nameof(input.Cameras)] = new("Defence.RecordingWithoutCameras");
        if (input.Recording24h && input.RetentionDays == 0 && !errors.ContainsKey(nameof(input.RetentionDays)))
            errors[nameof(input.RetentionDays)] = new("Defence.RetentionZero");
        if (input.BlindSpots > 0 && string.IsNullOrWhiteSpace(input.BlindSpotsDescription))
            errors[nameof(input.BlindSpotsDescription)] = new("Defence.BlindSpotsDescribe");
        else if (input.BlindSpotsDescription?.Trim().Length > DefenceRecord.BlindSpotsMaxLength)
            errors[nameof(input.BlindSpotsDescription)] = new("Defence.TooLong", DefenceRecord.BlindSpotsMaxLength);
        if (input.Alarm is null || !Enum.IsDefined(input.Alarm.Value)) errors[nameof(input.Alarm)] = new(required);
        if (input.Gear.Any(g => !Enum.IsDefined(g)) ) errors[nameof(input.Gear)] = new("Defence.Invalid");
        if (input.KeyPlacesCovered.Any(p => !Enum.IsDefined(p))) errors[nameof(input.KeyPlacesCovered)] = new("Defence.Invalid");

        var guards = input.FilledGuards().ToList();
        if (guards.Count > DefenceInput.MaxGuards) errors[nameof(input.Guards)] = new("Defence.TooMany", DefenceInput.MaxGuards);
        foreach (var (i, g) in guards)
        {
            var prefix = $"{nameof(input.Guards)}[{i}].";
            if (string.IsNullOrWhiteSpace(g.Name)) errors[prefix + nameof(g.Name)] = new(required);
            else if (g.Name.Trim().Length > DefenceGuard.NameMaxLength) errors[prefix + nameof(g.Name)] = new("Defence.TooLong", DefenceGuard.NameMaxLength);
            if (g.BirthYear is not { } born) errors[prefix + nameof(g.BirthYear)] = new(required);
            else if (today.Year - born is var age && age is < GuardMinPlausibleAge or > GuardMaxPlausibleAge)
                errors[prefix + nameof(g.BirthYear)] = new("Defence.AgeImplausible", born, today.Year - born);
            if (g.Education is null || !Enum.IsDefined(g.Education.Value)) errors[prefix + nameof(g.Education)] = new(required);
            if (g.Employment is null || !Enum.IsDefined(g.Employment.Value)) errors[prefix + nameof(g.Employment)] = new(required);
            if (g.StartedOn > today) errors[prefix + nameof(g.StartedOn)] = new("Defence.DateInFuture");
        }
        return errors;
    }

    /// <summary>
    /// What is wrong with a new rule-set version: field → message. The values must describe a rule a
    /// school can meet (brackets in order, an age range, a wall a person can build).
    /// </summary>
    public static IReadOnlyDictionary<string, FieldError> Validate(StandardRuleSet r, DateOnly? latestEffectiveFrom)
    {
        var errors = new Dictionary<string, FieldError>();
        if (latestEffectiveFrom is { } latest && r.EffectiveFrom < latest)
            errors[nameof(r.EffectiveFrom)] = new("Defence.EffectiveBeforePrevious", latest.ToString("yyyy-MM-dd"));
        void Range(string field, decimal value, decimal min, decimal max)
        {
            if (value < min || value > max) errors[field] = new("Defence.OutOfRange", min, max);
        }
        Range(nameof(r.GuardsSmall), r.GuardsSmall, 0, 20);
        Range(nameof(r.GuardsMedium), r.GuardsMedium, 0, 20);
        Range(nameof(r.GuardsLarge), r.GuardsLarge, 0, 50);
        Range(nameof(r.MediumFromStudents), r.MediumFromStudents, 1, 100_000);
        Range(nameof(r.LargeFromStudents), r.LargeFromStudents, 1, 100_000);
        Range(nameof(r.ExtraGuardPerStudents), r.ExtraGuardPerStudents, 0, 100_000);
        if (r.BoardersPerExtraGuard is { } per) Range(nameof(r.BoardersPerExtraGuard), per, 1, 100_000);
        Range(nameof(r.GuardMinAge), r.GuardMinAge, GuardMinPlausibleAge, GuardMaxPlausibleAge);
        Range(nameof(r.GuardMaxAge), r.GuardMaxAge, GuardMinPlausibleAge, GuardMaxPlausibleAge);
        Range(nameof(r.MinWallHeight), r.MinWallHeight, WallMinPlausible, WallMaxPlausible);
        Range(nameof(r.FireServiceMonths), r.FireServiceMonths, 1, 120);
        Range(nameof(r.MinRetentionDays), r.MinRetentionDays, 1, MaxRetentionDays);
        if (!errors.ContainsKey(nameof(r.LargeFromStudents)) && r.LargeFromStudents <= r.MediumFromStudents)
            errors[nameof(r.LargeFromStudents)] = new("Standards.BracketsOrder");
        if (!errors.ContainsKey(nameof(r.GuardMaxAge)) && r.GuardMaxAge < r.GuardMinAge)
            errors[nameof(r.GuardMaxAge)] = new("Standards.AgeOrder");
        if (!Enum.IsDefined(r.GuardMinEducation)) errors[nameof(r.GuardMinEducation)] = new("Defence.Invalid");
        foreach (var (field, text) in new[]
                 {
                     (nameof(r.GuardsSource), r.GuardsSource), (nameof(r.BoardersSource), r.BoardersSource), (nameof(r.AgeSource), r.AgeSource),
                     (nameof(r.EducationSource), r.EducationSource), (nameof(r.QualificationSource), r.QualificationSource),
                     (nameof(r.PersonnelSource), r.PersonnelSource), (nameof(r.WallSource), r.WallSource), (nameof(r.PhysicalSource), r.PhysicalSource),
                     (nameof(r.FireSource), r.FireSource), (nameof(r.RetentionSource), r.RetentionSource), (nameof(r.CctvSource), r.CctvSource),
                     (nameof(r.AlarmSource), r.AlarmSource),
                 })
        {
            if (string.IsNullOrWhiteSpace(text)) errors[field] = new("Standards.SourceRequired");
            else if (text.Length > StandardRuleSet.SourceMaxLength) errors[field] = new("Defence.TooLong", StandardRuleSet.SourceMaxLength);
        }
        return errors;
    }
}
