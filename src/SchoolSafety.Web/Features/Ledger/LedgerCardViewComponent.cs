using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Common;
using SchoolSafety.Data;
using SchoolSafety.Ledger;
using SchoolSafety.Schools;

namespace SchoolSafety.Web.Features.Ledger;

public sealed record LedgerCardViewModel(School School, SchoolDocumentStatus Documents, SchoolLetterStatus Letters, int Year, int OpenProblems);

/// <summary>The “台账” card of the school file: documents, this year's letters and open surroundings problems, each a link.</summary>
public sealed class LedgerCardViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    /// <param name="school">A school the page already checked the user may read.</param>
    public async Task<IViewComponentResult> InvokeAsync(School school)
    {
        var year = ChinaTime.Today(clock).Year;
        var one = db.Schools.Where(s => s.Id == school.Id);
        var documents = (await LedgerStatus.DocumentsAsync(db, one)).Single();
        var letters = (await LedgerStatus.LettersAsync(db, one, year)).Single();
        var open = await db.SurroundingsIssues.CountAsync(i => i.SchoolId == school.Id && i.Status != SurroundingsStatus.Resolved);
        return View("~/Features/Ledger/_LedgerCard.cshtml", new LedgerCardViewModel(school, documents, letters, year, open));
    }
}
