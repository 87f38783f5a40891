using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Data;
using SchoolSafety.Inspections;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Terms;

public sealed class TermForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Term.Jurisdiction")]
    public int? JurisdictionId { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(50, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Term.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Term.Start")]
    public DateOnly? Start { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Term.End")]
    public DateOnly? End { get; set; }
}

public sealed record TermRow(Term Term, int Weeks);

public sealed record TermsViewModel(IReadOnlyList<TermRow> Terms, TermForm Form, IReadOnlyList<SelectListItem> Jurisdictions);

/// <summary>
/// The term calendar: bureau staff set the terms of the nodes they sit at or above; a term set at a
/// city or province applies to every county below it. Weeks outside every term expect no inspection.
/// </summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class TermsController(AppDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? id, CancellationToken ct)
    {
        var form = new TermForm();
        if (id is int termId)
        {
            var term = await Visible().FirstOrDefaultAsync(t => t.Id == termId, ct);
            if (term is null) return NotFound();
            form = new TermForm { Id = term.Id, JurisdictionId = term.JurisdictionId, Name = term.Name, Start = term.Start, End = term.End };
        }
        return View(await ModelAsync(form, ct));
    }

    [HttpPost]
    public async Task<IActionResult> Save([Bind(Prefix = "Form")] TermForm form, CancellationToken ct)
    {
        var scope = User.GetScope();
        Term? term = null;
        if (form.Id is int id)
        {
            term = await Visible().FirstOrDefaultAsync(t => t.Id == id, ct);
            if (term is null) return NotFound();
        }
        if (form.JurisdictionId is int node && !await db.Jurisdictions.VisibleTo(scope).AnyAsync(j => j.Id == node, ct))
            ModelState.AddModelError("Form.JurisdictionId", l["Validation.Invalid"]);
        if (form.Start is { } start && form.End is { } end)
        {
            if (end <= start) ModelState.AddModelError("Form.End", l["Term.EndBeforeStart"]);
            else if ((end.DayNumber - start.DayNumber) > 250) ModelState.AddModelError("Form.End", l["Term.TooLong"]);
            else if (await db.Terms.AnyAsync(t => t.JurisdictionId == form.JurisdictionId && t.Id != form.Id && t.Start <= end && t.End >= start, ct))
                ModelState.AddModelError("Form.Start", l["Term.Overlaps"]);
        }
        if (!ModelState.IsValid) return View(nameof(Index), await ModelAsync(form, ct));

        term ??= db.Terms.Add(new Term()).Entity;
        term.JurisdictionId = form.JurisdictionId!.Value;
        term.Name = form.Name.Trim();
        term.Start = form.Start!.Value;
        term.End = form.End!.Value;
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Term.Saved", term.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Terms of the user's node and the nodes below it.</summary>
    private IQueryable<Term> Visible()
    {
        var nodes = db.Jurisdictions.VisibleTo(User.GetScope()).Select(j => j.Id);
        return db.Terms.Include(t => t.Jurisdiction).Where(t => nodes.Contains(t.JurisdictionId));
    }

    private async Task<TermsViewModel> ModelAsync(TermForm form, CancellationToken ct)
    {
        var terms = await Visible().OrderByDescending(t => t.Start).ToListAsync(ct);
        var nodes = await db.Jurisdictions.VisibleTo(User.GetScope()).OrderBy(j => j.Path).ToListAsync(ct);
        form.JurisdictionId ??= nodes.FirstOrDefault()?.Id;
        return new TermsViewModel(terms.Select(t => new TermRow(t, t.Weeks().Count())).ToList(), form,
            nodes.Select(j => new SelectListItem(new string('　', (int)j.Level - 1) + j.Name, j.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());
    }
}
