namespace SchoolSafety.Web.Features.Shared;

/// <summary>
/// One step of the breadcrumb trail (partial <c>_Breadcrumb</c>). Steps with a link lead back up; the last step,
/// without a link, is the page itself (when every step has a link, the page's title closes the trail).
/// </summary>
public sealed record Crumb(string? Text, string? Url = null);
