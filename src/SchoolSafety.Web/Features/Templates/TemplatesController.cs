using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SchoolSafety.Data;
using SchoolSafety.Inspections;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Web.Features.Templates;

/// <summary>
/// Versions of the county checklist. Administrators copy the current version into a draft, edit,
/// reorder, add or retire items, and publish it; a published version is never edited again.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TemplatesController(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private const int MaxCheckPoints = 6;

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await db.ChecklistTemplates.Where(t => t.Status != TemplateStatus.Campaign).OrderByDescending(t => t.Version)
            .Select(t => new { Template = t, Items = t.Items.Count, Inspections = db.Inspections.Count(i => i.TemplateId == t.Id) })
            .ToListAsync(ct);
        return View(rows.Select(r => new TemplateRow(r.Template, r.Items, r.Inspections)).ToList());
    }

    /// <summary>Starts a new version from the newest published one (or opens the draft already started).</summary>
    [HttpPost]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        var draft = await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Status == TemplateStatus.Draft, ct);
        if (draft is null)
        {
            var current = await db.ChecklistTemplates.Where(t => t.Status == TemplateStatus.Published)
                .OrderByDescending(t => t.Version).Include(t => t.Items).ThenInclude(i => i.CheckPoints).AsSplitQuery().FirstAsync(ct);
            var version = await db.ChecklistTemplates.MaxAsync(t => t.Version, ct) + 1;
            draft = current.CopyAsDraft(version, clock.GetUtcNow().UtcDateTime);
            db.ChecklistTemplates.Add(draft);
            await db.SaveChangesAsync(ct);
            TempData["Success"] = l["Template.DraftCreated", version].Value;
        }
        return RedirectToAction(nameof(Edit), new { id = draft.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var template = await LoadAsync(id, ct);
        if (template is null) return NotFound();
        var form = new TemplateForm
        {
            RowVersion = Convert.ToBase64String(template.RowVersion),
            Items = template.Items.OrderBy(i => i.Number).Select(ItemForm.From).ToList(),
        };
        return View(new TemplateEditViewModel(template, form, await db.Inspections.CountAsync(i => i.TemplateId == id, ct)));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, TemplateForm form, string? command, CancellationToken ct)
    {
        var template = await LoadAsync(id, ct);
        if (template is null) return NotFound();
        if (!template.IsEditable)
        {
            ModelState.AddModelError("", l["Template.Published"]);
            return await EditViewAsync(template, form, ct);
        }
        if (command == "add")
        {
            ModelState.Clear();
            form.Items.Add(new ItemForm { Number = form.Items.Count + 1 });
            return await EditViewAsync(template, form, ct);
        }

        Validate(form);
        if (!ModelState.IsValid) return await EditViewAsync(template, form, ct);

        var keysEverUsed = await db.ChecklistItems.Select(i => i.Key).Distinct().ToListAsync(ct);
        var kept = form.Items.Where(f => !f.Retire).OrderBy(f => f.Number).ToList();
        foreach (var retired in template.Items.Where(i => !kept.Any(f => f.Id == i.Id)).ToList())
            template.Items.Remove(retired);
        for (var n = 0; n < kept.Count; n++)
        {
            var f = kept[n];
            var item = template.Items.FirstOrDefault(i => f.Id is not null && i.Id == f.Id);
            if (item is null)
            {
                item = new ChecklistItem { Key = template.NextKey(keysEverUsed) };
                template.Items.Add(item);
            }
            item.Number = n + 1;
            item.NameZh = f.NameZh.Trim();
            item.NameEn = f.NameEn.Trim();
            item.Group = f.Group;
            item.Frequency = f.Frequency;
            item.SeasonStartMonth = f.Frequency == ItemFrequency.Seasonal ? f.SeasonStartMonth : null;
            item.SeasonEndMonth = f.Frequency == ItemFrequency.Seasonal ? f.SeasonEndMonth : null;
            var zh = ItemForm.Lines(f.CheckPointsZh);
            var en = ItemForm.Lines(f.CheckPointsEn);
            item.CheckPoints.Clear();
            item.CheckPoints.AddRange(zh.Select((t, k) => new CheckPoint { Order = k + 1, TextZh = t, TextEn = en[k] }));
        }
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(template).Property(t => t.UpdatedAt).IsModified = true;
        db.Entry(template).Property(t => t.RowVersion).OriginalValue = Convert.FromBase64String(form.RowVersion ?? "");
        if (command == "publish") template.Publish(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Template.Conflict"]);
            var fresh = (await LoadAsync(id, ct))!;
            return await EditViewAsync(fresh, form, ct);
        }
        TempData["Success"] = command == "publish" ? l["Template.PublishedDone", template.Version].Value : l["Saved"].Value;
        return RedirectToAction(command == "publish" ? nameof(Index) : nameof(Edit), new { id });
    }

    private void Validate(TemplateForm form)
    {
        if (form.Items.All(f => f.Retire)) ModelState.AddModelError("", l["Template.NoItems"]);
        for (var i = 0; i < form.Items.Count; i++)
        {
            var f = form.Items[i];
            if (f.Retire) continue;
            if (f.Frequency == ItemFrequency.Seasonal && (f.SeasonStartMonth is null || f.SeasonEndMonth is null))
                ModelState.AddModelError($"Items[{i}].SeasonStartMonth", l["Template.SeasonRequired"]);
            var zh = ItemForm.Lines(f.CheckPointsZh ?? "");
            var en = ItemForm.Lines(f.CheckPointsEn ?? "");
            if (zh.Length > MaxCheckPoints)
                ModelState.AddModelError($"Items[{i}].CheckPointsZh", l["Template.TooManyPoints", MaxCheckPoints]);
            if (zh.Length != en.Length)
                ModelState.AddModelError($"Items[{i}].CheckPointsEn", l["Template.PointsMismatch", zh.Length, en.Length]);
            if (zh.Any(t => t.Length > 200) || en.Any(t => t.Length > 300))
                ModelState.AddModelError($"Items[{i}].CheckPointsZh", l["Template.PointTooLong"]);
        }
    }

    private async Task<IActionResult> EditViewAsync(ChecklistTemplate template, TemplateForm form, CancellationToken ct) =>
        View(nameof(Edit), new TemplateEditViewModel(template, form, await db.Inspections.CountAsync(i => i.TemplateId == template.Id, ct)));

    private Task<ChecklistTemplate?> LoadAsync(int id, CancellationToken ct) =>
        db.ChecklistTemplates.Include(t => t.Items).ThenInclude(i => i.CheckPoints).AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == id && t.Status != TemplateStatus.Campaign, ct);
}
