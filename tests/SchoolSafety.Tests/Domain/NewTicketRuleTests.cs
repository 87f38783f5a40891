using SchoolSafety.Hazards;
using SchoolSafety.Inspections;

namespace SchoolSafety.Tests.Domain;

public class NewTicketRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static NewTicket Valid() => new()
    {
        SchoolId = 1, Source = HazardSource.CountyCheck, SourceReference = "11月县级安全抽查", Place = HazardPlace.Perimeter,
        Description = "北侧围墙有缺口", Grade = HazardGrade.General, FoundOn = Today, ResponsibleName = "李建国",
        ResponsiblePhone = "13987712345", Deadline = Today.AddDays(7),
    };

    private static IReadOnlyDictionary<string, string> Errors(Action<NewTicket> change, bool bureau = true)
    {
        var t = Valid();
        change(t);
        return HazardRules.Validate(t, Today, bureau);
    }

    [Fact]
    public void A_complete_spot_check_is_valid()
    {
        Assert.Empty(HazardRules.Validate(Valid(), Today, bureau: true));
    }

    [Fact]
    public void A_deadline_before_the_finding_day_is_refused_beside_the_deadline()
    {
        Assert.Equal("Ticket.DeadlineBeforeFound", Errors(t => t.Deadline = Today.AddDays(-1))[nameof(NewTicket.Deadline)]);
        Assert.Empty(Errors(t => t.Deadline = Today));
        Assert.Equal("Ticket.FoundOnFuture", Errors(t => t.FoundOn = Today.AddDays(1))[nameof(NewTicket.FoundOn)]);
    }

    [Fact]
    public void A_major_hazard_needs_interim_measures()
    {
        Assert.Equal("Inspection.InterimRequired", Errors(t => t.Grade = HazardGrade.Major)[nameof(NewTicket.InterimMeasures)]);
        Assert.Empty(Errors(t => { t.Grade = HazardGrade.Major; t.InterimMeasures = "设置围挡和警示标志"; }));
    }

    [Theory]
    [InlineData("13987712345", true)]
    [InlineData("0877-7012345", true)]
    [InlineData("08777012345", true)]
    [InlineData("1398771234", false)]
    [InlineData("电话", false)]
    public void A_named_person_needs_a_phone_that_reads_as_one(string phone, bool valid)
    {
        Assert.Equal(valid, !Errors(t => t.ResponsiblePhone = phone).ContainsKey(nameof(NewTicket.ResponsiblePhone)));
    }

    [Fact]
    public void A_responsible_account_needs_no_name_or_phone()
    {
        Assert.Equal("Ticket.PhoneRequired", Errors(t => t.ResponsiblePhone = null)[nameof(NewTicket.ResponsiblePhone)]);
        Assert.Empty(Errors(t => { t.ResponsibleUserId = "user-1"; t.ResponsibleName = null; t.ResponsiblePhone = null; }));
    }

    [Fact]
    public void Only_the_bureau_opens_spot_checks_and_nobody_opens_an_inspection_ticket_by_hand()
    {
        Assert.Equal("Ticket.SourceInvalid", Errors(_ => { }, bureau: false)[nameof(NewTicket.Source)]);
        Assert.Empty(Errors(t => t.Source = HazardSource.Report, bureau: false));
        Assert.Equal("Ticket.SourceInvalid", Errors(t => t.Source = HazardSource.Inspection)[nameof(NewTicket.Source)]);
        Assert.Equal("Ticket.SourceReferenceRequired", Errors(t => t.SourceReference = "")[nameof(NewTicket.SourceReference)]);
    }
}
