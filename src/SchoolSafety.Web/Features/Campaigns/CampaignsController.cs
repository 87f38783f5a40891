using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Data;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;
using SchoolSafety.Security;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Campaigns;

public sealed class ExtraItem
{
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public string? CheckPointZh { get; set; }
    public string? CheckPointEn { get; set; }
}

public sealed class CampaignForm
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(Campaign.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Campaign.Name")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Campaign.Start")]
    public DateOnly? Start { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Term.End")]
    public DateOnly? End { get; set; }

    /// <summary>School types to include; none means every school of the jurisdiction.</summary>
    public List<SchoolType> Types { get; set; } = [];
    public string? Township { get; set; }

    /// <summary>Items of the current county checklist to include.</summary>
    public List<int> ItemIds { get; set; } = [];
    public List<ExtraItem> Extra { get; set; } = [new(), new(), new()];
}

public sealed record CampaignRow(Campaign Campaign, int Schools, int Submitted);

public sealed record CampaignFormViewModel(CampaignForm Form, ChecklistTemplate Current, IReadOnlyList<string> Townships);

public sealed record CampaignSchoolRow(School School, InspectionStatus? Status);

public sealed record CampaignDetailsViewModel(Campaign Campaign, IReadOnlyList<CampaignSchoolRow> Schools);

/// <summary>Special inspections (专项检查): the bureau pushes a list of items to some or all of its schools and sees who has done it.</summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class CampaignsController(AppDbContext db, InspectionService inspections, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await Visible().OrderByDescending(c => c.Start)
            .Select(c => new
            {
                Campaign = c, Schools = c.Schools.Count,
                Submitted = db.Inspections.Count(i => i.CampaignId == c.Id && i.IsCurrent && i.Status != InspectionStatus.Draft),
            })
            .ToListAsync(ct);
        return View(rows.Select(r => new CampaignRow(r.Campaign, r.Schools, r.Submitted)).ToList());
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        var today = inspections.Today;
        return View(await FormAsync(new CampaignForm { Start = today, End = today.AddDays(14) }, ct));
    }

    [HttpPost]
    public async Task<IActionResult> Create(CampaignForm form, CancellationToken ct)
    {
        var scope = User.GetScope();
        var current = await inspections.CurrentTemplateAsync(ct);
        var extras = form.Extra.Where(e => !string.IsNullOrWhiteSpace(e.NameZh) || !string.IsNullOrWhiteSpace(e.CheckPointZh)).ToList();
        for (var i = 0; i < form.Extra.Count; i++)
        {
            var e = form.Extra[i];
            if (string.IsNullOrWhiteSpace(e.NameZh) && string.IsNullOrWhiteSpace(e.CheckPointZh)) continue;
            if (string.IsNullOrWhiteSpace(e.NameZh)) ModelState.AddModelError($"Extra[{i}].NameZh", l["Validation.Required", l["Template.NameZh"]]);
            if (string.IsNullOrWhiteSpace(e.CheckPointZh)) ModelState.AddModelError($"Extra[{i}].CheckPointZh", l["Validation.Required", l["Campaign.CheckPoint"]]);
            if ((e.NameZh?.Length ?? 0) > 50 || (e.CheckPointZh?.Length ?? 0) > 200) ModelState.AddModelError($"Extra[{i}].NameZh", l["Template.PointTooLong"]);
        }
        var chosen = current.Items.Where(i => form.ItemIds.Contains(i.Id)).OrderBy(i => i.Number).ToList();
        if (chosen.Count + extras.Count == 0) ModelState.AddModelError("ItemIds", l["Campaign.NoItems"]);
        if (form.Start is { } start && form.End is { } end && end < start) ModelState.AddModelError("End", l["Campaign.EndBeforeStart"]);

        var schools = db.Schools.VisibleTo(scope).Where(s => s.IsActive);
        if (form.Types.Count > 0) schools = schools.Where(s => form.Types.Contains(s.Type));
        if (!string.IsNullOrWhiteSpace(form.Township)) schools = schools.Where(s => s.Township == form.Township);
        var targets = await schools.Select(s => s.Id).ToListAsync(ct);
        if (targets.Count == 0) ModelState.AddModelError("Types", l["Campaign.NoSchools"]);
        if (!ModelState.IsValid) return View(await FormAsync(form, ct));

        var now = clock.GetUtcNow().UtcDateTime;
        var items = chosen.Select(i => (i.NameZh, i.NameEn, i.Group, Points: i.CheckPoints.OrderBy(p => p.Order).Select(p => (p.TextZh, p.TextEn)).ToList()))
            .Concat(extras.Select(e => (e.NameZh!.Trim(), string.IsNullOrWhiteSpace(e.NameEn) ? e.NameZh!.Trim() : e.NameEn.Trim(), ItemGroup.Management,
                new List<(string, string)> { (e.CheckPointZh!.Trim(), string.IsNullOrWhiteSpace(e.CheckPointEn) ? e.CheckPointZh!.Trim() : e.CheckPointEn.Trim()) })))
            .Select((x, n) => new ChecklistItem
            {
                Key = $"C{n + 1:00}", Number = n + 1, NameZh = x.Item1, NameEn = x.Item2, Group = x.Item3, Frequency = ItemFrequency.Weekly,
                CheckPoints = x.Item4.Select((p, k) => new CheckPoint { Order = k + 1, TextZh = p.Item1, TextEn = p.Item2 }).ToList(),
            }).ToList();
        var node = await db.Jurisdictions.VisibleTo(scope).OrderBy(j => j.Path.Length).FirstAsync(ct);
        var campaign = new Campaign
        {
            JurisdictionId = node.Id, Title = form.Title.Trim(), Start = form.Start!.Value, End = form.End!.Value,
            CreatedAt = now, CreatedById = scope.UserId,
            Template = new ChecklistTemplate { Name = form.Title.Trim(), Version = 0, Status = TemplateStatus.Campaign, CreatedAt = now, UpdatedAt = now, PublishedAt = now, Items = items },
            Schools = targets.Select(id => new CampaignSchool { SchoolId = id }).ToList(),
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Campaign.Created", campaign.Title, targets.Count].Value;
        return RedirectToAction(nameof(Details), new { id = campaign.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var campaign = await Visible().Include(c => c.Template).ThenInclude(t => t!.Items).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return NotFound();
        var scope = User.GetScope();
        var schools = await db.Schools.VisibleTo(scope).Where(s => campaign.Schools.Select(x => x.SchoolId).Contains(s.Id))
            .OrderBy(s => s.Code).ToListAsync(ct);
        var status = await db.Inspections.Where(i => i.CampaignId == id && i.IsCurrent)
            .ToDictionaryAsync(i => i.SchoolId, i => i.Status, ct);
        return View(new CampaignDetailsViewModel(campaign,
            schools.Select(s => new CampaignSchoolRow(s, status.TryGetValue(s.Id, out var st) ? st : null)).ToList()));
    }

    /// <summary>Campaigns set at the user's node or below it.</summary>
    private IQueryable<Campaign> Visible()
    {
        var nodes = db.Jurisdictions.VisibleTo(User.GetScope()).Select(j => j.Id);
        return db.Campaigns.Include(c => c.Schools).Where(c => nodes.Contains(c.JurisdictionId));
    }

    private async Task<CampaignFormViewModel> FormAsync(CampaignForm form, CancellationToken ct)
    {
        var townships = await db.Schools.VisibleTo(User.GetScope()).Select(s => s.Township).Distinct().OrderBy(t => t).ToListAsync(ct);
        while (form.Extra.Count < 3) form.Extra.Add(new ExtraItem());
        return new CampaignFormViewModel(form, await inspections.CurrentTemplateAsync(ct), townships);
    }
}
