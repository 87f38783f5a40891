using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using SchoolSafety.Files;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>
/// The one count rule for every photo field (Storage:MaxPhotosPerRecord): the photos a record already
/// holds and those being added together may not exceed the limit. A drill is one record, an inspection
/// item's answer is one record (each checklist item has its own photo field), a hazard ticket's
/// rectification evidence is one record. Checked before any file is written, so a refusal stores nothing.
/// </summary>
public sealed class PhotoLimit(FileStorageOptions options, IStringLocalizer<SharedResource> l)
{
    public int Max => options.MaxPhotosPerRecord;

    /// <summary>The non-empty files among those posted.</summary>
    public static int Count(IEnumerable<IFormFile>? photos) => photos?.Count(p => p.Length > 0) ?? 0;

    /// <summary>
    /// Whether <paramref name="photos"/> may be added to a record holding <paramref name="stored"/> files;
    /// if not, the message goes into <paramref name="modelState"/> beside <paramref name="field"/>.
    /// </summary>
    public bool Allows(ModelStateDictionary modelState, string field, IEnumerable<IFormFile>? photos, int stored)
    {
        var adding = Count(photos);
        if (adding == 0 || stored + adding <= Max) return true;
        modelState.AddModelError(field, Message(adding, stored));
        return false;
    }

    public string Message(int adding, int stored) => l["Upload.TooManyPhotos", Max, adding, stored].Value;
}
