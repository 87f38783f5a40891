using SchoolSafety.Hazards;
using SchoolSafety.Inspections;

namespace SchoolSafety.Tests.Domain;

public class HazardTicketTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc);
    private static readonly TicketActor Officer = new("officer", "officer", false, false);
    private static readonly TicketActor Leader = new("leader", "leader", false, true);
    private static readonly TicketActor County = new("county", "county", true, false);

    private static HazardTicket Ticket(HazardGrade grade = HazardGrade.General) =>
        new() { Grade = grade, Deadline = new DateOnly(2026, 12, 2), Status = HazardStatus.Open };

    private static readonly TreatmentPlan Plan = new("拆除重建北侧围墙", "先设围挡，再拆除重建", "县财政安排8万元", "总务处牵头，施工单位实施", new DateOnly(2026, 12, 20), "施工区域封闭，专人值守");

    private static string Refused(Action move) => Assert.Throws<TicketRuleException>(move).MessageKey;

    [Fact]
    public void Open_can_start_or_be_rectified_but_not_verified_or_rejected()
    {
        var t = Ticket();
        Assert.Equal("Ticket.NotAwaiting", Refused(() => t.Verify(County, Now, "ok")));
        Assert.Equal("Ticket.NotAwaiting", Refused(() => t.Reject(County, Now, "no")));
        t.StartRectifying(Officer, Now);
        Assert.Equal(HazardStatus.Rectifying, t.Status);
        Assert.Equal("Ticket.NotOpen", Refused(() => t.StartRectifying(Officer, Now)));
    }

    [Fact]
    public void Rectifying_needs_a_description_of_what_was_done()
    {
        var t = Ticket();
        Assert.Equal("Ticket.NoteRequired", Refused(() => t.Rectify(Officer, Now, " ")));
        Assert.Equal(HazardStatus.Open, t.Status);
        t.Rectify(Officer, Now, "已整改");
        Assert.Equal((HazardStatus.AwaitingVerification, "officer"), (t.Status, t.RectifiedById));
        Assert.Equal("Ticket.NotRectifiable", Refused(() => t.Rectify(Officer, Now, "again")));
    }

    [Fact]
    public void The_rectifier_never_verifies_and_a_major_hazard_needs_the_bureau()
    {
        var general = Ticket();
        general.Rectify(Leader, Now, "校长亲自整改");
        Assert.Equal("Ticket.VerifierIsRectifier", Refused(() => general.Verify(Leader, Now, "ok")));
        Assert.Equal("Ticket.NotVerifier", Refused(() => general.Verify(new TicketActor("other", "other", false, false), Now, "ok")));
        general.Verify(County, Now, "合格");
        Assert.Equal(HazardStatus.Closed, general.Status);

        var major = Ticket(HazardGrade.Major);
        major.RecordPlan(Officer, Now, Plan);
        major.Rectify(Officer, Now, "已整改");
        Assert.False(major.CanVerify(Leader));
        Assert.Equal("Ticket.MajorNeedsCounty", Refused(() => major.Verify(Leader, Now, "ok")));
        Assert.True(major.CanVerify(County));
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_returns_the_ticket_to_rectifying_then_the_loop_closes()
    {
        var t = Ticket();
        t.Rectify(Officer, Now, "第一次");
        Assert.Equal("Ticket.ReasonRequired", Refused(() => t.Reject(Leader, Now, "")));
        t.Reject(Leader, Now, "未完全整改");
        Assert.Equal(HazardStatus.Rectifying, t.Status);
        Assert.Equal("Ticket.ConclusionRequired", Refused(() => { t.Rectify(Officer, Now, "第二次"); t.Verify(Leader, Now, null); }));
        t.Verify(Leader, Now, "合格");
        Assert.Equal(HazardStatus.Closed, t.Status);
        Assert.Equal(1, t.Rejections);
        Assert.Equal([TicketEventKind.Rectified, TicketEventKind.Rejected, TicketEventKind.Rectified, TicketEventKind.Closed], t.Events.Select(e => e.Kind));
        Assert.All(t.Events.Zip(t.Events.Skip(1)), p => Assert.Equal(p.First.To, p.Second.From));
        Assert.Equal("Ticket.NotAwaiting", Refused(() => t.Reject(County, Now, "再退")));
    }

    [Fact]
    public void Only_the_bureau_supervises_an_unclosed_ticket_with_a_note_and_a_due_date()
    {
        var today = new DateOnly(2026, 11, 25);
        var t = Ticket(HazardGrade.Major);
        Assert.Equal("Ticket.SuperviseNeedsCounty", Refused(() => t.Supervise(Leader, Now, "督办", today, today)));
        Assert.Equal("Ticket.SupervisionNoteRequired", Refused(() => t.Supervise(County, Now, "", today, today)));
        Assert.Equal("Ticket.SupervisionDueInvalid", Refused(() => t.Supervise(County, Now, "督办", today.AddDays(-1), today)));
        t.Supervise(County, Now, "督办", today.AddDays(5), today);
        Assert.True(t.IsSupervised);
        Assert.Equal("Ticket.AlreadySupervised", Refused(() => t.Supervise(County, Now, "again", today, today)));
        t.LiftSupervision(County, Now);
        Assert.Equal("Ticket.NotSupervised", Refused(() => t.LiftSupervision(County, Now)));
        t.RecordPlan(Officer, Now, Plan);
        t.Rectify(Officer, Now, "x");
        t.Verify(County, Now, "y");
        Assert.Equal("Ticket.AlreadyClosed", Refused(() => t.Supervise(County, Now, "late", today, today)));
    }

    [Fact]
    public void An_extension_must_be_later_is_decided_by_someone_else_and_a_major_one_by_the_bureau()
    {
        var t = Ticket(HazardGrade.Major);
        Assert.Equal("Ticket.ExtensionNotLater", Refused(() => t.RequestExtension(Officer, Now, t.Deadline, "x")));
        Assert.Equal("Ticket.NoExtensionPending", Refused(() => t.DecideExtension(County, Now, true, null)));
        t.RequestExtension(Officer, Now, t.Deadline.AddDays(10), "等材料");
        Assert.Equal("Ticket.ExtensionPending", Refused(() => t.RequestExtension(Officer, Now, t.Deadline.AddDays(20), "again")));
        Assert.Equal("Ticket.MajorNeedsCounty", Refused(() => t.DecideExtension(Leader, Now, true, null)));
        t.DecideExtension(County, Now, false, "不同意");
        Assert.Equal(new DateOnly(2026, 12, 2), t.Deadline);
        t.RequestExtension(Officer, Now, new DateOnly(2026, 12, 9), "再次申请");
        t.DecideExtension(County, Now, true, null);
        Assert.Equal(new DateOnly(2026, 12, 9), t.Deadline);
    }

    [Fact]
    public void Overdue_starts_the_day_after_the_deadline_and_ends_when_closed()
    {
        var t = Ticket();
        Assert.False(t.IsOverdue(new DateOnly(2026, 12, 2)));
        Assert.True(t.IsOverdue(new DateOnly(2026, 12, 3)));
        t.Rectify(Officer, Now, "x");
        t.Verify(County, Now, "y");
        Assert.False(t.IsOverdue(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_major_hazard_is_rectified_only_with_a_complete_treatment_plan_and_the_plan_is_in_the_timeline()
    {
        var t = Ticket(HazardGrade.Major);
        Assert.Equal("Ticket.PlanRequired", Refused(() => t.Rectify(Officer, Now, "已整改")));
        Assert.Equal("Ticket.PlanIncomplete", Refused(() => t.RecordPlan(Officer, Now, Plan with { Funds = " " })));
        Assert.Equal(["Funds", "TimeLimit"], (Plan with { Funds = null, TimeLimit = null }).MissingFields());
        Assert.False(t.HasPlan);
        t.RecordPlan(Officer, Now, Plan);
        Assert.Equal(("县财政安排8万元", new DateOnly(2026, 12, 20)), (t.PlanFunds, t.PlanTimeLimit));
        t.Rectify(Officer, Now, "已整改");
        Assert.Equal([TicketEventKind.PlanRecorded, TicketEventKind.Rectified], t.Events.Select(e => e.Kind));
        Assert.Equal("Ticket.PlanOnlyForMajor", Refused(() => Ticket().RecordPlan(Officer, Now, Plan)));
    }

    [Fact]
    public void Verification_is_due_ten_days_after_rectification_in_China_time_and_late_the_day_after()
    {
        var t = Ticket();
        Assert.Null(t.VerificationDue);
        // 2026-11-25 17:00 UTC is already 26 November in China.
        t.Rectify(Officer, new DateTime(2026, 11, 25, 17, 0, 0, DateTimeKind.Utc), "已整改");
        Assert.Equal(new DateOnly(2026, 12, 6), t.VerificationDue);
        Assert.False(t.IsVerificationLate(new DateOnly(2026, 12, 6)));
        Assert.True(t.IsVerificationLate(new DateOnly(2026, 12, 7)));
        t.Verify(County, Now, "合格");
        Assert.False(t.IsVerificationLate(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void The_days_found_and_closed_are_the_days_in_China()
    {
        var t = new HazardTicket { FoundAt = new DateTime(2026, 11, 30, 16, 30, 0, DateTimeKind.Utc) };   // 00:30 on 1 December in China
        Assert.Equal(new DateOnly(2026, 12, 1), t.FoundOn);
        Assert.Null(t.ClosedOn);
        t.ClosedAt = new DateTime(2026, 12, 3, 15, 59, 0, DateTimeKind.Utc);                                  // 23:59 on 3 December
        Assert.Equal(new DateOnly(2026, 12, 3), t.ClosedOn);
    }
}
