namespace SchoolSafety.Defences;

/// <summary>
/// What a person types into the three-defences form. Everything is nullable so that a blank or a
/// wrong value comes back to the form as typed; <see cref="DefenceRules.Validate"/> says what is
/// wrong, and <see cref="ToRecord"/> turns a valid input into the next record.
/// </summary>
public sealed class DefenceInput
{
    public const int MaxGuards = 100;

    /// <summary>The revision the form was opened on (null: the school had none), and that record's row version.</summary>
    public int? BaseRevision { get; set; }
    public string? RowVersion { get; set; }

    public DateOnly? EffectiveFrom { get; set; }
    public string? Note { get; set; }

    public List<GuardInput> Guards { get; set; } = [];
    public int? DormitoryManagers { get; set; }
    public bool TeachersStandIn { get; set; }
    public bool SchoolPost { get; set; }
    public bool PatrolTeam { get; set; }
    public int? PatrolsPerDay { get; set; }
    public bool GateDuty24h { get; set; }

    public bool ClosedCampus { get; set; }
    public bool NoWall { get; set; }
    public decimal? LowestWallHeight { get; set; }
    public bool AntiCollisionBarrier { get; set; }
    public int? UnsafeBuildings { get; set; }
    public bool UnsafeBuildingsInUse { get; set; }
    public DateOnly? FireEquipmentServicedOn { get; set; }
    public List<ProtectiveGear> Gear { get; set; } = [];

    public int? Cameras { get; set; }
    public bool Recording24h { get; set; }
    public List<KeyPlaces> KeyPlacesCovered { get; set; } = [];
    public int? BlindSpots { get; set; }
    public string? BlindSpotsDescription { get; set; }
    public int? RetentionDays { get; set; }
    public AlarmState? Alarm { get; set; }
    public bool NetworkedToPolice { get; set; }

    /// <summary>The guards that count: rows left blank or marked for removal are ignored.</summary>
    public IEnumerable<(int Index, GuardInput Guard)> FilledGuards() =>
        Guards.Select((g, i) => (i, g)).Where(x => !x.g.Remove && !x.g.IsBlank);

    /// <summary>A form that starts from the school's current record (or from nothing), effective today.</summary>
    public static DefenceInput From(DefenceRecord? r, DateOnly today)
    {
        if (r is null)
            return new DefenceInput
            {
                EffectiveFrom = today, DormitoryManagers = 0, PatrolsPerDay = 0, UnsafeBuildings = 0, Cameras = 0, BlindSpots = 0,
                RetentionDays = 0, Alarm = AlarmState.None, Guards = [new GuardInput()],
            };
        return new DefenceInput
        {
            BaseRevision = r.Revision, RowVersion = Convert.ToBase64String(r.RowVersion), EffectiveFrom = today, Note = r.Note,
            Guards = [.. r.Guards.OrderBy(g => g.Id).Select(GuardInput.From), new GuardInput()],
            DormitoryManagers = r.DormitoryManagers, TeachersStandIn = r.TeachersStandIn, SchoolPost = r.SchoolPost,
            PatrolTeam = r.PatrolTeam, PatrolsPerDay = r.PatrolsPerDay, GateDuty24h = r.GateDuty24h,
            ClosedCampus = r.ClosedCampus, NoWall = r.LowestWallHeight is null, LowestWallHeight = r.LowestWallHeight,
            AntiCollisionBarrier = r.AntiCollisionBarrier, UnsafeBuildings = r.UnsafeBuildings, UnsafeBuildingsInUse = r.UnsafeBuildingsInUse,
            FireEquipmentServicedOn = r.FireEquipmentServicedOn, Gear = Flags(r.Gear),
            Cameras = r.Cameras, Recording24h = r.Recording24h, KeyPlacesCovered = Flags(r.KeyPlacesCovered), BlindSpots = r.BlindSpots,
            BlindSpotsDescription = r.BlindSpotsDescription, RetentionDays = r.RetentionDays, Alarm = r.Alarm, NetworkedToPolice = r.NetworkedToPolice,
        };
    }

    /// <summary>The next record of the school from a valid input (see <see cref="DefenceRules.Validate"/>).</summary>
    public DefenceRecord ToRecord(int schoolId, int revision, DateTime now, string? userId, string? userName) => new()
    {
        SchoolId = schoolId, Revision = revision, EffectiveFrom = EffectiveFrom!.Value, IsCurrent = true,
        RecordedAt = now, RecordedById = userId, RecordedByName = userName,
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        Guards = FilledGuards().Select(x => x.Guard.ToGuard()).ToList(),
        DormitoryManagers = DormitoryManagers!.Value, TeachersStandIn = TeachersStandIn, SchoolPost = SchoolPost,
        PatrolTeam = PatrolTeam, PatrolsPerDay = PatrolsPerDay!.Value, GateDuty24h = GateDuty24h,
        ClosedCampus = ClosedCampus, LowestWallHeight = NoWall ? null : LowestWallHeight, AntiCollisionBarrier = AntiCollisionBarrier,
        UnsafeBuildings = UnsafeBuildings!.Value, UnsafeBuildingsInUse = UnsafeBuildingsInUse,
        FireEquipmentServicedOn = FireEquipmentServicedOn, Gear = Gear.Aggregate(ProtectiveGear.None, (a, b) => a | b),
        Cameras = Cameras!.Value, Recording24h = Recording24h, KeyPlacesCovered = KeyPlacesCovered.Aggregate(KeyPlaces.None, (a, b) => a | b),
        BlindSpots = BlindSpots!.Value,
        BlindSpotsDescription = BlindSpots > 0 && !string.IsNullOrWhiteSpace(BlindSpotsDescription) ? BlindSpotsDescription.Trim() : null,
        RetentionDays = RetentionDays!.Value, Alarm = Alarm!.Value, NetworkedToPolice = NetworkedToPolice,
    };

    private static List<T> Flags<T>(T value) where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt32(f) != 0 && value.HasFlag(f)).ToList();
}

/// <summary>One guard row of the form.</summary>
public sealed class GuardInput
{
    public string? Name { get; set; }
    public int? BirthYear { get; set; }
    public EducationLevel? Education { get; set; }
    public bool HasCertificate { get; set; }
    public bool FullTime { get; set; } = true;
    public GuardEmployment? Employment { get; set; }
    public DateOnly? StartedOn { get; set; }
    /// <summary>Ticked to take the guard off the record (left, retired).</summary>
    public bool Remove { get; set; }

    /// <summary>Nothing typed that identifies a guard: the empty row at the end of the form.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && BirthYear is null;

    public static GuardInput From(DefenceGuard g) => new()
    {
        Name = g.Name, BirthYear = g.BirthYear, Education = g.Education, HasCertificate = g.HasCertificate,
        FullTime = g.FullTime, Employment = g.Employment, StartedOn = g.StartedOn,
    };

    public DefenceGuard ToGuard() => new()
    {
        Name = Name!.Trim(), BirthYear = BirthYear!.Value, Education = Education!.Value, HasCertificate = HasCertificate,
        FullTime = FullTime, Employment = Employment!.Value, StartedOn = StartedOn,
    };
}
