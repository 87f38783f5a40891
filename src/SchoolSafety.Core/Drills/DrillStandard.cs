using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Drills;

/// <summary>How one drill measures up (中小学幼儿园应急疏散演练指南, design §4).</summary>
public sealed record DrillAssessment(int? TargetSeconds, bool WithinTarget, bool HeadcountComplete, bool NoInjuries, bool Evaluated)
{
    public bool MeetsStandard => WithinTarget && HeadcountComplete && NoInjuries && Evaluated;
}

/// <summary>
/// The drill standard: evacuation within 120 s for buildings of up to 4 floors (above that, within the
/// school's own recorded target), every student counted, nobody hurt, and an evaluation written.
/// </summary>
public static class DrillStandard
{
    public const int LowBuildingMaxFloors = 4;
    public const int LowBuildingTargetSeconds = 120;

    public static int? TargetFor(int floors, int? schoolTarget) =>
        floors <= LowBuildingMaxFloors ? LowBuildingTargetSeconds : schoolTarget;

    public static DrillAssessment Assess(Drill d)
    {
        var target = TargetFor(d.Floors, d.TargetSeconds);
        return new DrillAssessment(target, target is int t && d.DurationSeconds <= t, d.StudentsCounted == d.StudentsExpected,
            d.Injuries == 0, !string.IsNullOrWhiteSpace(d.Evaluation));
    }

    /// <summary>What is wrong with a drill record: field → message key. Empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string> Validate(DrillForm f, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (f.Date is not { } date) errors[nameof(f.Date)] = "Drill.DateRequired";
        else if (date > today) errors[nameof(f.Date)] = "Drill.DateFuture";
        if (f.Type is null) errors[nameof(f.Type)] = "Drill.TypeRequired";
        if (string.IsNullOrWhiteSpace(f.Buildings)) errors[nameof(f.Buildings)] = "Drill.BuildingsRequired";
        if (f.Floors is not (>= 1 and <= 60)) errors[nameof(f.Floors)] = "Drill.FloorsInvalid";
        else if (f.Floors > LowBuildingMaxFloors && f.TargetSeconds is not (> 0 and <= 3600)) errors[nameof(f.TargetSeconds)] = "Drill.TargetRequired";
        if (f.SignalAt is null) errors[nameof(f.SignalAt)] = "Drill.TimeRequired";
        if (f.AllClearAt is null) errors[nameof(f.AllClearAt)] = "Drill.TimeRequired";
        else if (f.SignalAt is { } s && f.AllClearAt <= s) errors[nameof(f.AllClearAt)] = "Drill.TimesOutOfOrder";
        if (f.StudentsExpected is not (>= 0)) errors[nameof(f.StudentsExpected)] = "Drill.CountInvalid";
        if (f.StudentsCounted is not (>= 0)) errors[nameof(f.StudentsCounted)] = "Drill.CountInvalid";
        else if (f.StudentsExpected is { } e && f.StudentsCounted > e) errors[nameof(f.StudentsCounted)] = "Drill.CountedAboveExpected";
        if (f.StaffTakingPart is not (>= 0)) errors[nameof(f.StaffTakingPart)] = "Drill.CountInvalid";
        if (f.Injuries is not (>= 0)) errors[nameof(f.Injuries)] = "Drill.CountInvalid";
        if (string.IsNullOrWhiteSpace(f.Evaluator)) errors[nameof(f.Evaluator)] = "Drill.EvaluatorRequired";
        return errors;
    }
}

/// <summary>The drill form as typed; nullable so that a missing value is reported, not defaulted.</summary>
public sealed class DrillForm
{
    public DateOnly? Date { get; set; }
    public DrillType? Type { get; set; }
    public bool Announced { get; set; } = true;
    public string? Buildings { get; set; }
    public int? Floors { get; set; }
    public int? TargetSeconds { get; set; }
    public TimeOnly? SignalAt { get; set; }
    public TimeOnly? AllClearAt { get; set; }
    public int? StudentsExpected { get; set; }
    public int? StudentsCounted { get; set; }
    public int? StaffTakingPart { get; set; }
    public int? Injuries { get; set; }
    public string? Problems { get; set; }
    public string? Actions { get; set; }
    public string? Evaluator { get; set; }
    public string? Evaluation { get; set; }
    public string? RowVersion { get; set; }

    public void ApplyTo(Drill d)
    {
        d.Date = Date!.Value;
        d.Type = Type!.Value;
        d.Announced = Announced;
        d.Buildings = Buildings!.Trim();
        d.Floors = Floors!.Value;
        d.TargetSeconds = Floors > DrillStandard.LowBuildingMaxFloors ? TargetSeconds : null;
        d.SignalAt = SignalAt!.Value;
        d.AllClearAt = AllClearAt!.Value;
        d.StudentsExpected = StudentsExpected!.Value;
        d.StudentsCounted = StudentsCounted!.Value;
        d.StaffTakingPart = StaffTakingPart!.Value;
        d.Injuries = Injuries!.Value;
        d.Problems = Clean(Problems);
        d.Actions = Clean(Actions);
        d.Evaluator = Evaluator!.Trim();
        d.Evaluation = Clean(Evaluation);
    }

    public static DrillForm Of(Drill d) => new()
    {
        Date = d.Date, Type = d.Type, Announced = d.Announced, Buildings = d.Buildings, Floors = d.Floors, TargetSeconds = d.TargetSeconds,
        SignalAt = d.SignalAt, AllClearAt = d.AllClearAt, StudentsExpected = d.StudentsExpected, StudentsCounted = d.StudentsCounted,
        StaffTakingPart = d.StaffTakingPart, Injuries = d.Injuries, Problems = d.Problems, Actions = d.Actions, Evaluator = d.Evaluator,
        Evaluation = d.Evaluation, RowVersion = Convert.ToBase64String(d.RowVersion),
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public enum PeriodStatus { Done, Missing, Current, Upcoming, NotRequired }

/// <summary>One month (or, for a kindergarten, one quarter) of a term and the drills held in it.</summary>
public sealed record DrillPeriod(DateOnly Start, DateOnly End, int Drills, PeriodStatus Status);

/// <summary>
/// How often a school must drill: primary and secondary schools at least once a calendar month in term,
/// kindergartens at least once a quarter (three-month blocks from the term's first month). A period the
/// term covers only in part requires a drill when the term covers at least half of it: a term starting
/// on 20 February asks nothing of February.
/// </summary>
public static class DrillFrequency
{
    public static bool ByQuarter(SchoolType type) => type == SchoolType.Kindergarten;

    public static IReadOnlyList<DrillPeriod> Periods(SchoolType type, Term term, IEnumerable<DateOnly> drillDays, DateOnly today)
    {
        var days = drillDays.Where(d => d >= term.Start && d <= term.End).ToList();
        var months = ByQuarter(type) ? 3 : 1;
        var periods = new List<DrillPeriod>();
        for (var start = new DateOnly(term.Start.Year, term.Start.Month, 1); start <= term.End; start = start.AddMonths(months))
        {
            var end = start.AddMonths(months).AddDays(-1);
            var from = start > term.Start ? start : term.Start;
            var to = end < term.End ? end : term.End;
            var covered = to.DayNumber - from.DayNumber + 1;
            var held = days.Count(d => d >= from && d <= to);
            var required = covered * 2 >= end.DayNumber - start.DayNumber + 1;
            var status = held > 0 ? PeriodStatus.Done
                : !required ? PeriodStatus.NotRequired
                : to < today ? PeriodStatus.Missing
                : from <= today ? PeriodStatus.Current
                : PeriodStatus.Upcoming;
            periods.Add(new DrillPeriod(from, to, held, status));
        }
        return periods;
    }

    /// <summary>Compliant so far: no period of the term that has ended without a drill.</summary>
    public static bool Compliant(IEnumerable<DrillPeriod> periods) => periods.All(p => p.Status != PeriodStatus.Missing);
}
