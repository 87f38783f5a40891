using SchoolSafety.Common;
using SchoolSafety.Hazards;

namespace SchoolSafety.Reports;

/// <summary>
/// The closing record (隐患整改销号记录) of a closed hazard ticket: the hazard, how and when it was
/// rectified, the verification that closed it, whether on time, and every step of the ticket with
/// who took it. The rectification notice only says that the ticket was closed; this is the paper
/// that goes into the ledger with it.
/// </summary>
public static class ClosingRecord
{
    /// <param name="ticket">Closed, with its school, checklist item and events loaded.</param>
    public static PdfReport Build(HazardTicket ticket, ReportFont font, DateTimeOffset now)
    {
        if (ticket.Status != HazardStatus.Closed || ticket.ClosedAt is not { } closedAt)
            throw new InvalidOperationException(ClosingPhrases.NotClosed);
        var school = ticket.School?.Name ?? throw new ArgumentException("Load the ticket's school.", nameof(ticket));
        var closedOn = ChinaTime.DateOf(closedAt);
        var closing = ticket.Events.Where(e => e.Kind == TicketEventKind.Closed).OrderBy(e => e.At).LastOrDefault();
        var pdf = new PdfReportBuilder(font, $"{ClosingPhrases.Title} {ticket.Number}", now);
        pdf.Title(ClosingPhrases.Title, 20)
            .Paragraph(NoticePhrases.Number(ticket.Number), indent: false, alignRight: true);

        var fields = new List<(string, string)>
        {
            (NoticePhrases.School, school),
            (NoticePhrases.Description, ticket.Description),
        };
        if (ticket.ChecklistItem is { } item) fields.Add((NoticePhrases.Item, $"{item.Number}. {item.NameZh}"));
        fields.Add((NoticePhrases.Place, RectificationNotice.PlacePhrase(ticket.Place)));
        fields.Add((NoticePhrases.Grade, RectificationNotice.GradePhrase(ticket.Grade)));
        fields.Add((NoticePhrases.FoundOn, ReportPhrases.Date(ChinaTime.FromUtc(ticket.FoundAt))));
        fields.Add((NoticePhrases.Deadline, ReportPhrases.Date(ticket.Deadline)));
        fields.Add((NoticePhrases.Responsible, ticket.ResponsibleName));
        fields.Add((ClosingPhrases.Rectification, ticket.RectificationNote ?? ""));
        if (ticket.RectifiedAt is { } rectified) fields.Add((ClosingPhrases.RectifiedOn, ReportPhrases.Date(ChinaTime.FromUtc(rectified))));
        fields.Add((ClosingPhrases.Verification, ticket.VerificationNote ?? closing?.Note ?? ""));
        fields.Add((ClosingPhrases.Verifier, closing?.UserName ?? ""));
        fields.Add((ClosingPhrases.ClosedOn, ReportPhrases.Date(closedOn)));
        fields.Add((ClosingPhrases.OnTime, ClosingPhrases.OnTimeText(closedOn <= ticket.Deadline)));
        pdf.Fields(fields);

        pdf.Heading(ClosingPhrases.History, 13)
            .Table(ClosingPhrases.HistoryHeaders, [1.8, 1.4, 1.4, 4.0],
                ticket.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => (IReadOnlyList<string>)[
                    $"{ChinaTime.FromUtc(e.At):yyyy-MM-dd HH:mm}", ClosingPhrases.EventName(e.Kind), e.UserName ?? "", e.Note ?? ""]));

        pdf.Space(6).Signature([ClosingPhrases.SchoolSign, ClosingPhrases.VerifierSign, NoticePhrases.BlankDate]);
        return pdf.Build();
    }
}
