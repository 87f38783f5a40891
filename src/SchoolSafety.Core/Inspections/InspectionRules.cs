using SchoolSafety.Files;
using SchoolSafety.Hazards;

namespace SchoolSafety.Inspections;

/// <summary>One problem with an answer: the item, the field and a resource key for the message.</summary>
public sealed record AnswerError(int ItemId, string Field, string MessageKey, params object[] Args);

/// <summary>The rules an inspection must satisfy to be submitted, and the moves between its states.</summary>
public static class InspectionRules
{
    public const int NoteMaxLength = 500;

    /// <summary>Every due item answered; a reason for 不适用; for 发现隐患 everything the ticket needs and a photo.</summary>
    public static IReadOnlyList<AnswerError> CheckForSubmit(Inspection inspection, DateOnly today)
    {
        var errors = new List<AnswerError>();
        foreach (var r in inspection.Results)
        {
            switch (r.Outcome)
            {
                case null:
                    errors.Add(new(r.ItemId, "Outcome", "Inspection.Unanswered"));
                    break;
                case Outcome.NotApplicable when string.IsNullOrWhiteSpace(r.NotApplicableReason):
                    errors.Add(new(r.ItemId, "NotApplicableReason", "Inspection.ReasonRequired"));
                    break;
                case Outcome.Hazard:
                    if (string.IsNullOrWhiteSpace(r.HazardDescription)) errors.Add(new(r.ItemId, "HazardDescription", "Inspection.DescriptionRequired"));
                    if (r.HazardPlace is null) errors.Add(new(r.ItemId, "HazardPlace", "Inspection.PlaceRequired"));
                    if (r.HazardGrade is null) errors.Add(new(r.ItemId, "HazardGrade", "Inspection.GradeRequired"));
                    if (string.IsNullOrWhiteSpace(r.ResponsiblePerson)) errors.Add(new(r.ItemId, "ResponsiblePerson", "Inspection.ResponsibleRequired"));
                    if (r.Deadline is null) errors.Add(new(r.ItemId, "Deadline", "Inspection.DeadlineRequired"));
                    else if (r.Deadline < today) errors.Add(new(r.ItemId, "Deadline", "Inspection.DeadlinePast"));
                    if (r.Photos.Count == 0) errors.Add(new(r.ItemId, "Photos", "Inspection.PhotoRequired"));
                    if (r.HazardGrade == HazardGrade.Major && string.IsNullOrWhiteSpace(r.InterimMeasures))
                        errors.Add(new(r.ItemId, "InterimMeasures", "Inspection.InterimRequired"));
                    break;
            }
        }
        return errors;
    }

    /// <summary>Submits a complete draft and opens one ticket per hazard found.</summary>
    /// <param name="lastNumber">The school's highest ticket number this year.</param>
    /// <param name="alreadyTicketed">Answers of a superseded revision that already opened a ticket: copies of them open none.</param>
    public static IReadOnlyList<HazardTicket> Submit(Inspection inspection, DateTime now, string userId, string schoolCode, int lastNumber,
        IReadOnlySet<int>? alreadyTicketed = null)
    {
        if (inspection.Status != InspectionStatus.Draft)
            throw new InvalidOperationException("Only a draft can be submitted.");
        inspection.Status = InspectionStatus.Submitted;
        inspection.SubmittedAt = now;
        inspection.SubmittedById = userId;

        var tickets = new List<HazardTicket>();
        foreach (var r in inspection.Results
                     .Where(r => r.Outcome == Outcome.Hazard && !(r.CopiedFromResultId is int from && alreadyTicketed?.Contains(from) == true))
                     .OrderBy(r => r.Item?.Number ?? r.ItemId))
        {
            tickets.Add(new HazardTicket
            {
                Number = $"{schoolCode}-{now.Year}-{lastNumber + tickets.Count + 1:0000}",
                SchoolId = inspection.SchoolId,
                Source = inspection.CampaignId is null ? HazardSource.Inspection : HazardSource.Campaign,
                InspectionResult = r,
                ChecklistItemId = r.ItemId,
                Place = r.HazardPlace!.Value,
                Description = r.HazardDescription!.Trim(),
                Grade = r.HazardGrade!.Value,
                FoundById = userId,
                FoundAt = now,
                ResponsibleName = r.ResponsiblePerson!.Trim(),
                Deadline = r.Deadline!.Value,
                InterimMeasures = r.InterimMeasures?.Trim(),
                Events = [new TicketEvent { Kind = TicketEventKind.Opened, To = HazardStatus.Open, At = now, UserId = userId }],
            });
        }
        return tickets;
    }

    /// <summary>
    /// Corrects a submitted inspection: a new draft revision with a copy of every answer and photo.
    /// The old revision stays in the history, no longer current; its tickets stay open.
    /// </summary>
    public static Inspection Revise(Inspection submitted, DateTime now, string userId)
    {
        if (submitted.Status == InspectionStatus.Draft || !submitted.IsCurrent)
            throw new InvalidOperationException("Only the current submitted inspection can be revised.");
        submitted.IsCurrent = false;
        return new Inspection
        {
            SchoolId = submitted.SchoolId, TemplateId = submitted.TemplateId, WeekNumber = submitted.WeekNumber,
            Revision = submitted.Revision + 1, SupersedesId = submitted.Id, IsCurrent = true,
            CreatedAt = now, CreatedById = userId, UpdatedAt = now, UpdatedById = userId,
            Results = submitted.Results.Select(r => new InspectionResult
            {
                ItemId = r.ItemId, Outcome = r.Outcome, Note = r.Note, NotApplicableReason = r.NotApplicableReason,
                HazardDescription = r.HazardDescription, HazardPlace = r.HazardPlace, HazardGrade = r.HazardGrade,
                ResponsiblePerson = r.ResponsiblePerson, Deadline = r.Deadline, InterimMeasures = r.InterimMeasures, CopiedFromResultId = r.Id,
                Photos = r.Photos.Select(p => new StoredFile
                {
                    Id = Guid.NewGuid(), SchoolId = p.SchoolId, ContentType = p.ContentType, Length = p.Length,
                    StorageKey = p.StorageKey, CreatedAt = p.CreatedAt, CreatedById = p.CreatedById,
                }).ToList(),
            }).ToList(),
        };
    }

    public static void SignOff(Inspection inspection, DateTime now, string userId)
    {
        if (inspection.Status != InspectionStatus.Submitted)
            throw new InvalidOperationException("Only a submitted inspection can be signed off.");
        inspection.Status = InspectionStatus.SignedOff;
        inspection.SignedOffAt = now;
        inspection.SignedOffById = userId;
    }
}
