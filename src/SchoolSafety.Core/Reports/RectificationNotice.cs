using SchoolSafety.Common;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;

namespace SchoolSafety.Reports;

/// <summary>
/// The rectification notice (隐患整改通知书) for one hazard ticket: what is wrong, where, how
/// serious, by when and who answers for it, the interim measures and (重大) the treatment plan,
/// the requirement, a place for the seal and a receipt slip the school signs and returns.
/// </summary>
public static class RectificationNotice
{
    public static string SourcePhrase(HazardSource source) => source switch
    {
        HazardSource.Inspection => "学校周检月查",
        HazardSource.Drill => "应急演练",
        HazardSource.CountyCheck => "县级安全抽查",
        HazardSource.Report => "群众举报核查",
        HazardSource.Campaign => "专项检查",
        _ => "安全检查",
    };

    public static string PlacePhrase(HazardPlace place) => place switch
    {
        HazardPlace.Dormitory => "学生宿舍",
        HazardPlace.Canteen => "食堂",
        HazardPlace.Laboratory => "实验室",
        HazardPlace.Gatehouse => "门卫室",
        HazardPlace.TeachingBuilding => "教学楼",
        HazardPlace.SportsGround => "运动场",
        HazardPlace.Perimeter => "围墙周边",
        _ => "其他",
    };

    public static string GradePhrase(HazardGrade grade) => grade == HazardGrade.Major ? NoticePhrases.Grade_Major : NoticePhrases.Grade_General;

    /// <param name="ticket">With its <see cref="HazardTicket.School"/> and <see cref="HazardTicket.ChecklistItem"/> loaded.</param>
    public static PdfReport Build(HazardTicket ticket, ReportFont font, DateTimeOffset now)
    {
        var school = ticket.School?.Name ?? throw new ArgumentException("Load the ticket's school.", nameof(ticket));
        var found = ChinaTime.DateOf(ticket.FoundAt);
        var pdf = new PdfReportBuilder(font, $"{NoticePhrases.Title} {ticket.Number}", now);
        pdf.Title(NoticePhrases.Title, 20)
            .Paragraph(NoticePhrases.Number(ticket.Number), indent: false, alignRight: true)
            .Paragraph(NoticePhrases.Salutation(school), indent: false)
            .Paragraph(NoticePhrases.Opening(SourcePhrase(ticket.Source)));

        var responsible = ticket.ResponsibleName + (string.IsNullOrWhiteSpace(ticket.ResponsiblePhone) ? "" : $"（{ticket.ResponsiblePhone}）");
        var fields = new List<(string, string)>
        {
            (NoticePhrases.School, school),
            (NoticePhrases.TicketNumber, ticket.Number),
            (NoticePhrases.Description, ticket.Description),
        };
        if (ticket.ChecklistItem is { } item) fields.Add((NoticePhrases.Item, $"{item.Number}. {item.NameZh}"));
        fields.Add((NoticePhrases.Place, PlacePhrase(ticket.Place)));
        fields.Add((NoticePhrases.Grade, GradePhrase(ticket.Grade) + (ticket.IsSupervised ? $"（{NoticePhrases.Supervised}）" : "")));
        fields.Add((NoticePhrases.FoundOn, ReportPhrases.Date(found)));
        fields.Add((NoticePhrases.Deadline, ReportPhrases.Date(ticket.Deadline)));
        fields.Add((NoticePhrases.Responsible, responsible));
        if (!string.IsNullOrWhiteSpace(ticket.InterimMeasures) || ticket.Grade == HazardGrade.Major)
            fields.Add((NoticePhrases.Interim, ticket.InterimMeasures ?? ""));
        pdf.Fields(fields);

        if (ticket.Grade == HazardGrade.Major)
        {
            pdf.Heading(NoticePhrases.PlanHeading, 13);
            if (ticket.HasPlan)
                pdf.Fields([
                    (NoticePhrases.PlanGoal, ticket.PlanGoal ?? ""),
                    (NoticePhrases.PlanMeasures, ticket.PlanMeasures ?? ""),
                    (NoticePhrases.PlanFunds, ticket.PlanFunds ?? ""),
                    (NoticePhrases.PlanPeople, ticket.PlanPeople ?? ""),
                    (NoticePhrases.PlanTimeLimit, ticket.PlanTimeLimit is { } limit ? ReportPhrases.Date(limit) : ""),
                    (NoticePhrases.PlanSafety, ticket.PlanSafety ?? ""),
                ]);
            else
                pdf.Paragraph(NoticePhrases.NoPlanYet, indent: false);
        }

        pdf.Paragraph(NoticePhrases.Requirement + NoticePhrases.RequirementText(ticket.Deadline), indent: false);
        var closed = NoticePhrases.Status(ticket.Status == HazardStatus.Closed, ticket.ClosedAt is { } c ? ChinaTime.FromUtc(c) : null);
        if (closed.Length > 0) pdf.Paragraph(closed, indent: false);

        pdf.Space(6).Signature([NoticePhrases.Issuer, NoticePhrases.Signer, NoticePhrases.BlankDate]);

        // The receipt slip stays in one piece: the school cuts it off, signs, seals and returns it.
        pdf.KeepTogether(190)
            .CutLine(NoticePhrases.CutLine)
            .Title(NoticePhrases.ReceiptTitle, 14)
            .Paragraph(NoticePhrases.ReceiptText(school, ticket.Number, ticket.Deadline))
            .Signature([NoticePhrases.Receiver, NoticePhrases.ReceiptSeal, NoticePhrases.BlankDate]);
        return pdf.Build();
    }
}
