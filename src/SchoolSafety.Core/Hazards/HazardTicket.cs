using SchoolSafety.Common;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;

namespace SchoolSafety.Hazards;

public enum HazardSource
{
    Inspection = 1,   // 周检月查
    Drill = 2,        // 应急演练
    CountyCheck = 3,  // 县级抽查
    Report = 4,       // 举报
    Other = 5,
    Campaign = 6,     // 专项检查
}

public enum HazardStatus
{
    Open = 1,                  // 待整改
    Rectifying = 2,            // 整改中
    AwaitingVerification = 3,  // 待复查
    Closed = 4,                // 已销号
}

/// <summary>
/// A hazard rectification ticket (隐患整改单): who fixes what by when. Opened here when an
/// inspection is submitted; the rectification workflow (closed loop) is built on this record.
/// </summary>
public class HazardTicket : ISchoolOwned, IConcurrencyVersioned
{
    public const int DescriptionMaxLength = 500;
    public const int PersonMaxLength = 50;
    public const int PhoneMaxLength = 20;

    public int Id { get; set; }

    /// <summary>Readable number: school code, year and the school's running number, e.g. <c>XP004-2026-0007</c>.</summary>
    public string Number { get; set; } = "";
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public HazardSource Source { get; set; }
    public int? InspectionResultId { get; set; }
    public InspectionResult? InspectionResult { get; set; }

    /// <summary>Set when the hazard was found in a drill.</summary>
    public int? DrillId { get; set; }
    public int? ChecklistItemId { get; set; }
    public ChecklistItem? ChecklistItem { get; set; }
    public HazardPlace Place { get; set; }
    public string Description { get; set; } = "";
    public HazardGrade Grade { get; set; }
    public string? FoundById { get; set; }
    public DateTime FoundAt { get; set { field = value; FoundOn = ChinaTime.DateOf(value); } }

    /// <summary>The day (China time) the hazard was found: kept with <see cref="FoundAt"/> so figures group by day in SQL.</summary>
    public DateOnly FoundOn { get; private set; }
    /// <summary>The responsible person: a user of the school (<see cref="ResponsibleUserId"/>) or a named person with a phone.</summary>
    public string ResponsibleName { get; set; } = "";
    public string? ResponsibleUserId { get; set; }
    public string? ResponsiblePhone { get; set; }
    public DateOnly Deadline { get; set; }

    /// <summary>Where a ticket not opened by an inspection came from: the spot check, the report's reference, the drill.</summary>
    public string? SourceReference { get; set; }

    /// <summary>The treatment plan a 重大 hazard needs before it can be marked rectified (治理方案).</summary>
    public string? PlanGoal { get; set; }
    public string? PlanMeasures { get; set; }
    public string? PlanFunds { get; set; }
    public string? PlanPeople { get; set; }
    public DateOnly? PlanTimeLimit { get; set; }
    public string? PlanSafety { get; set; }
    public bool HasPlan => PlanGoal is not null;

    /// <summary>Required for 重大: what protects people until the hazard is fixed.</summary>
    public string? InterimMeasures { get; set; }
    public HazardStatus Status { get; set; } = HazardStatus.Open;
    public string? RectificationNote { get; set; }
    public DateTime? RectifiedAt { get; set; }
    public string? RectifiedById { get; set; }
    public DateTime? ClosedAt { get; set { field = value; ClosedOn = value is { } v ? ChinaTime.DateOf(v) : null; } }

    /// <summary>The day (China time) the ticket was closed; null while open.</summary>
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosedById { get; set; }
    public string? VerificationNote { get; set; }

    /// <summary>Under county supervision (挂牌督办), with the bureau's note and the date it expects the hazard fixed by.</summary>
    public bool IsSupervised { get; set; }
    public string? SupervisionNote { get; set; }
    public DateOnly? SupervisionDue { get; set; }
    /// <summary>A pending request to move the deadline: the date asked for and why.</summary>
    public DateOnly? ExtensionRequestedTo { get; set; }
    public string? ExtensionReason { get; set; }
    public string? ExtensionRequestedById { get; set; }
    public List<TicketEvent> Events { get; set; } = [];

    /// <summary>How many times a verifier refused the rectification: counted on write, so the dashboard does not read the events.</summary>
    public int Rejections { get; set; }
    public byte[] RowVersion { get; set; } = [];

    /// <summary>Overdue is derived, never stored: the deadline day itself is not overdue.</summary>
    public bool IsOverdue(DateOnly today) => Status != HazardStatus.Closed && today > Deadline;

    /// <summary>The day by which a rectified ticket must be verified (the county's 10-day rule).</summary>
    public DateOnly? VerificationDue => RectifiedAt is { } r && Status == HazardStatus.AwaitingVerification
        ? ChinaTime.DateOf(r).AddDays(HazardRules.VerificationDays) : null;

    /// <summary>Rectified and still not verified after the verification window: shown on the county's lists.</summary>
    public bool IsVerificationLate(DateOnly today) => VerificationDue is { } due && today > due;

    /// <summary>Records (or replaces) the treatment plan of a 重大 hazard; every field is required.</summary>
    public void RecordPlan(TicketActor actor, DateTime now, TreatmentPlan plan)
    {
        Require(Status != HazardStatus.Closed, "Ticket.AlreadyClosed");
        Require(Grade == HazardGrade.Major, "Ticket.PlanOnlyForMajor");
        Require(plan.MissingFields().Count == 0, "Ticket.PlanIncomplete");
        PlanGoal = plan.Goal!.Trim();
        PlanMeasures = plan.Measures!.Trim();
        PlanFunds = plan.Funds!.Trim();
        PlanPeople = plan.People!.Trim();
        PlanTimeLimit = plan.TimeLimit;
        PlanSafety = plan.Safety!.Trim();
        Events.Add(new TicketEvent { Kind = TicketEventKind.PlanRecorded, From = Status, To = Status, At = now, UserId = actor.UserId, UserName = actor.UserName, Note = $"{PlanGoal}（{PlanTimeLimit:yyyy-MM-dd}）" });
    }

    /// <summary>The responsible side starts work: 待整改 → 整改中.</summary>
    public void StartRectifying(TicketActor actor, DateTime now)
    {
        Require(Status == HazardStatus.Open, "Ticket.NotOpen");
        Move(HazardStatus.Rectifying, TicketEventKind.Started, actor, now, null);
    }

    /// <summary>The work is done and described: → 待复查. Someone else must verify it.</summary>
    public void Rectify(TicketActor actor, DateTime now, string? note)
    {
        Require(Status is HazardStatus.Open or HazardStatus.Rectifying, "Ticket.NotRectifiable");
        Require(Grade != HazardGrade.Major || HasPlan, "Ticket.PlanRequired");
        Require(!string.IsNullOrWhiteSpace(note), "Ticket.NoteRequired");
        RectificationNote = note!.Trim();
        RectifiedAt = now;
        RectifiedById = actor.UserId;
        Move(HazardStatus.AwaitingVerification, TicketEventKind.Rectified, actor, now, RectificationNote);
    }

    /// <summary>An independent verifier accepts: → 已销号.</summary>
    public void Verify(TicketActor actor, DateTime now, string? conclusion)
    {
        RequireVerifier(actor);
        Require(!string.IsNullOrWhiteSpace(conclusion), "Ticket.ConclusionRequired");
        VerificationNote = conclusion!.Trim();
        ClosedAt = now;
        ClosedById = actor.UserId;
        Move(HazardStatus.Closed, TicketEventKind.Closed, actor, now, VerificationNote);
    }

    /// <summary>An independent verifier refuses the rectification, with a reason: back to 整改中.</summary>
    public void Reject(TicketActor actor, DateTime now, string? reason)
    {
        RequireVerifier(actor);
        Require(!string.IsNullOrWhiteSpace(reason), "Ticket.ReasonRequired");
        Move(HazardStatus.Rectifying, TicketEventKind.Rejected, actor, now, reason!.Trim());
        Rejections++;
    }

    /// <summary>The school asks for a later deadline, with a reason; one request at a time.</summary>
    public void RequestExtension(TicketActor actor, DateTime now, DateOnly? to, string? reason)
    {
        Require(Status != HazardStatus.Closed, "Ticket.AlreadyClosed");
        Require(ExtensionRequestedTo is null, "Ticket.ExtensionPending");
        Require(to is { } d && d > Deadline, "Ticket.ExtensionNotLater");
        Require(!string.IsNullOrWhiteSpace(reason), "Ticket.ReasonRequired");
        ExtensionRequestedTo = to;
        ExtensionReason = reason!.Trim();
        ExtensionRequestedById = actor.UserId;
        Events.Add(new TicketEvent { Kind = TicketEventKind.ExtensionRequested, From = Status, To = Status, At = now, UserId = actor.UserId, UserName = actor.UserName, Note = $"{Deadline:yyyy-MM-dd} → {to:yyyy-MM-dd}：{ExtensionReason}" });
    }

    /// <summary>Who decides an extension: a leader of the school for 一般, the bureau for 重大; never the one who asked.</summary>
    public bool CanDecideExtension(TicketActor actor) =>
        ExtensionRequestedTo is not null && actor.UserId != ExtensionRequestedById
        && IsDecider(actor);

    public void DecideExtension(TicketActor actor, DateTime now, bool approve, string? note)
    {
        Require(ExtensionRequestedTo is not null, "Ticket.NoExtensionPending");
        Require(actor.UserId != ExtensionRequestedById, "Ticket.DeciderIsRequester");
        RequireDecider(actor);
        var old = Deadline;
        if (approve) Deadline = ExtensionRequestedTo!.Value;
        Events.Add(new TicketEvent
        {
            Kind = approve ? TicketEventKind.ExtensionApproved : TicketEventKind.ExtensionRefused, From = Status, To = Status, At = now,
            UserId = actor.UserId, UserName = actor.UserName,
            Note = approve ? $"{old:yyyy-MM-dd} → {Deadline:yyyy-MM-dd}" + (string.IsNullOrWhiteSpace(note) ? "" : $"：{note.Trim()}") : note?.Trim(),
        });
        ExtensionRequestedTo = null;
        ExtensionReason = null;
        ExtensionRequestedById = null;
    }

    /// <summary>The bureau puts an unclosed ticket under supervision (挂牌督办), with a note and a due date.</summary>
    public void Supervise(TicketActor actor, DateTime now, string? note, DateOnly? due, DateOnly today)
    {
        Require(actor.IsBureau, "Ticket.SuperviseNeedsCounty");
        Require(Status != HazardStatus.Closed, "Ticket.AlreadyClosed");
        Require(!IsSupervised, "Ticket.AlreadySupervised");
        Require(!string.IsNullOrWhiteSpace(note), "Ticket.SupervisionNoteRequired");
        Require(due is { } d && d >= today, "Ticket.SupervisionDueInvalid");
        IsSupervised = true;
        SupervisionNote = note!.Trim();
        SupervisionDue = due;
        Events.Add(new TicketEvent { Kind = TicketEventKind.Supervised, From = Status, To = Status, At = now, UserId = actor.UserId, UserName = actor.UserName, Note = $"{SupervisionNote}（{due:yyyy-MM-dd}）" });
    }

    public void LiftSupervision(TicketActor actor, DateTime now)
    {
        Require(actor.IsBureau, "Ticket.SuperviseNeedsCounty");
        Require(IsSupervised, "Ticket.NotSupervised");
        IsSupervised = false;
        Events.Add(new TicketEvent { Kind = TicketEventKind.SupervisionLifted, From = Status, To = Status, At = now, UserId = actor.UserId, UserName = actor.UserName });
    }

    /// <summary>Who may verify: never the rectifier; 一般 by a leader of the school or the bureau; 重大 by the bureau only.</summary>
    public bool CanVerify(TicketActor actor) =>
        Status == HazardStatus.AwaitingVerification && actor.UserId != RectifiedById
        && IsDecider(actor);

    /// <summary>The one rule for verifying and for deciding extensions: 一般 by a leader of the school or the bureau; 重大 by the bureau.</summary>
    private bool IsDecider(TicketActor actor) => actor.IsBureau || (Grade == HazardGrade.General && actor.IsSchoolLeader);

    private void RequireDecider(TicketActor actor) =>
        Require(IsDecider(actor), Grade == HazardGrade.Major ? "Ticket.MajorNeedsCounty" : "Ticket.NotVerifier");

    private void RequireVerifier(TicketActor actor)
    {
        Require(Status == HazardStatus.AwaitingVerification, "Ticket.NotAwaiting");
        Require(actor.UserId != RectifiedById, "Ticket.VerifierIsRectifier");
        RequireDecider(actor);
    }

    private void Move(HazardStatus to, TicketEventKind kind, TicketActor actor, DateTime now, string? note)
    {
        Events.Add(new TicketEvent { Kind = kind, From = Status, To = to, At = now, UserId = actor.UserId, UserName = actor.UserName, Note = note });
        Status = to;
    }

    private static void Require(bool condition, string messageKey)
    {
        if (!condition) throw new TicketRuleException(messageKey);
    }
}

/// <summary>Who acts on a ticket, as far as its rules care.</summary>
public sealed record TicketActor(string UserId, string UserName, bool IsBureau, bool IsSchoolLeader);

/// <summary>A move the ticket's rules refuse; the key names the message shown to the user.</summary>
public sealed class TicketRuleException(string messageKey) : InvalidOperationException(messageKey)
{
    public string MessageKey { get; } = messageKey;
}

public enum TicketEventKind
{
    Opened = 1,
    Started = 2,
    Rectified = 3,
    Rejected = 4,
    Closed = 5,
    Supervised = 6,
    SupervisionLifted = 7,
    ExtensionRequested = 8,
    ExtensionApproved = 9,
    ExtensionRefused = 10,
    PlanRecorded = 11,
}

/// <summary>The six parts of a 重大 hazard's treatment plan (治理方案), as the county's form asks for them.</summary>
public sealed record TreatmentPlan(string? Goal, string? Measures, string? Funds, string? People, DateOnly? TimeLimit, string? Safety)
{
    public IReadOnlyList<string> MissingFields()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Goal)) missing.Add(nameof(Goal));
        if (string.IsNullOrWhiteSpace(Measures)) missing.Add(nameof(Measures));
        if (string.IsNullOrWhiteSpace(Funds)) missing.Add(nameof(Funds));
        if (string.IsNullOrWhiteSpace(People)) missing.Add(nameof(People));
        if (TimeLimit is null) missing.Add(nameof(TimeLimit));
        if (string.IsNullOrWhiteSpace(Safety)) missing.Add(nameof(Safety));
        return missing;
    }
}

/// <summary>One step of a ticket's timeline: who moved it from which state to which, when, and why.</summary>
public class TicketEvent
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public TicketEventKind Kind { get; set; }
    public HazardStatus? From { get; set; }
    public HazardStatus To { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Note { get; set; }
}
