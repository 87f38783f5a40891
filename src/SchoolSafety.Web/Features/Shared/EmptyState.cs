using Microsoft.AspNetCore.Http;

namespace SchoolSafety.Web.Features.Shared;

/// <summary>
/// What an empty list says (rendered by <c>_EmptyState</c>): why it is empty and what to do next.
/// The texts come from the resources through the view's localizer; nothing is built here.
/// When the page's filters matched nothing, the partial says so instead and offers to clear them.
/// </summary>
public sealed record EmptyState(string Message)
{
    /// <summary>A second sentence: why the list is empty, or what the user may do.</summary>
    public string? Hint { get; init; }

    /// <summary>The next step, shown as a button when the user may take it.</summary>
    public string? ActionText { get; init; }
    public string? ActionUrl { get; init; }
    public string? ActionId { get; init; }

    /// <summary>True when filters of the page narrowed the list; null lets the partial tell from the query string.</summary>
    public bool? Filtered { get; init; }

    /// <summary>Where "clear the filters" leads; by default the same page without its query string (keeping <see cref="KeepKeys"/>).</summary>
    public string? ClearUrl { get; init; }

    /// <summary>Query keys that set the page's context rather than filter it (e.g. the term or the school), kept when clearing.</summary>
    public string[] KeepKeys { get; init; } = [];

    /// <summary>When set, the state is a table row spanning this many columns.</summary>
    public int Colspan { get; init; }

    public string Id { get; init; } = "empty-state";

    /// <summary>Query keys that never filter: paging and sorting.</summary>
    private static readonly string[] NotFilters = ["page", "sort", "desc", "returnUrl"];

    public bool IsFiltered(HttpRequest request) => Filtered ?? HasFilters(request, KeepKeys);

    /// <summary>True when the query string narrows the page: a non-empty value other than paging, sorting and the context keys.</summary>
    public static bool HasFilters(HttpRequest request, params string[] keepKeys) =>
        request.Query.Any(kv => !NotFilters.Contains(kv.Key, StringComparer.OrdinalIgnoreCase)
                                && !keepKeys.Contains(kv.Key, StringComparer.OrdinalIgnoreCase)
                                && kv.Value.Any(v => !string.IsNullOrEmpty(v) && v != "false"));

    public string ClearLink(HttpRequest request)
    {
        if (ClearUrl is not null) return ClearUrl;
        var kept = request.Query.Where(kv => KeepKeys.Contains(kv.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => new KeyValuePair<string, string?>(kv.Key, v)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.PathBase + request.Path, kept);
    }
}
