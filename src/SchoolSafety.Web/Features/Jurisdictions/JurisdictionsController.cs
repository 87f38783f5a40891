using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Data;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Jurisdictions;

public sealed class NodeForm
{
    [Required(ErrorMessage = "Validation.Required")]
    public int? ParentId { get; set; }

    [Required(ErrorMessage = "Validation.Required"), RegularExpression("^[0-9]{6}$", ErrorMessage = "Jurisdiction.CodeFormat")]
    [Display(Name = "Jurisdiction.Code")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(50, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Jurisdiction.Name")]
    public string Name { get; set; } = "";
}

public sealed record JurisdictionRow(Jurisdiction Node, int Schools);

public sealed record JurisdictionsViewModel(IReadOnlyList<JurisdictionRow> Nodes, NodeForm Form);

/// <summary>The administrative tree below the administrator's node: add a city under a province, a county under a city.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class JurisdictionsController(AppDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await ModelAsync(new NodeForm(), ct));

    [HttpPost]
    public async Task<IActionResult> Add([Bind(Prefix = "Form")] NodeForm form, CancellationToken ct)
    {
        var parent = form.ParentId is int id
            ? await db.Jurisdictions.VisibleTo(User.GetScope()).FirstOrDefaultAsync(j => j.Id == id, ct)
            : null;
        if (form.ParentId is not null && parent is null) return NotFound();
        if (parent is { Level: JurisdictionLevel.County })
            ModelState.AddModelError("Form.ParentId", l["Jurisdiction.CountyHasNoChildren"]);
        if (!string.IsNullOrWhiteSpace(form.Code) && await db.Jurisdictions.AnyAsync(j => j.Code == form.Code.Trim(), ct))
            ModelState.AddModelError("Form.Code", l["Jurisdiction.CodeTaken", form.Code]);
        if (!ModelState.IsValid) return View(nameof(Index), await ModelAsync(form, ct));

        var node = Jurisdiction.Create(form.Code.Trim(), form.Name.Trim(), parent!.Level + 1, parent);
        db.Jurisdictions.Add(node);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Jurisdiction.Added", node.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<JurisdictionsViewModel> ModelAsync(NodeForm form, CancellationToken ct)
    {
        var nodes = await db.Jurisdictions.VisibleTo(User.GetScope()).OrderBy(j => j.Path)
            .Select(j => new { Node = j, Schools = db.Schools.Count(s => s.JurisdictionId == j.Id) })
            .ToListAsync(ct);
        form.ParentId ??= nodes.FirstOrDefault(n => n.Node.Level != JurisdictionLevel.County)?.Node.Id;
        return new JurisdictionsViewModel(nodes.Select(n => new JurisdictionRow(n.Node, n.Schools)).ToList(), form);
    }
}
