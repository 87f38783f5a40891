using System.Text.RegularExpressions;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Conventions;

/// <summary>
/// What every page must do so that a new page cannot forget it: set its title (the browser tab, the history, the
/// printed page), use the one breadcrumb partial, ask before an action that cannot easily be undone, and let the one
/// empty-state partial say what an empty list means.
/// </summary>
public partial class ViewConventionTests
{
    private static readonly string Features = Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Web", "Features");

    private static List<string> AllViews()
    {
        var views = Directory.EnumerateFiles(Features, "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.True(views.Count > 50, $"only {views.Count} views found under {Features}");
        return views;
    }

    /// <summary>Full pages: every view except partials, layouts and the _ViewStart/_ViewImports files, which all start with "_".</summary>
    private static List<string> FullPages() => AllViews().Where(f => !Path.GetFileName(f).StartsWith('_')).ToList();

    private static string Name(string file) => Path.GetRelativePath(Features, file);

    [Fact]
    public void Every_full_page_sets_its_title()
    {
        var pages = FullPages();
        Assert.True(pages.Count > 40, $"only {pages.Count} pages");
        var untitled = pages.Where(f => !TitleAssignment().IsMatch(File.ReadAllText(f))).Select(Name).ToList();
        Assert.Empty(untitled);
    }

    [Fact]
    public void Breadcrumbs_come_from_the_one_partial()
    {
        var handMade = AllViews()
            .Where(f => Path.GetFileName(f) != "_Breadcrumb.cshtml" && File.ReadAllText(f).Contains("class=\"breadcrumb", StringComparison.Ordinal))
            .Select(Name).ToList();
        Assert.Empty(handMade);
        // Inner pages reached from another page (a record, a form, a school's page) show the way back.
        foreach (var page in new[] { "Tickets/Details.cshtml", "Tickets/Create.cshtml", "Drills/Form.cshtml", "Drills/Details.cshtml", "Education/Create.cshtml",
                     "Training/CreateCounty.cshtml", "Training/CreateSchool.cshtml", "Training/Details.cshtml", "Schools/Details.cshtml", "Schools/Edit.cshtml",
                     "Schools/Import.cshtml", "Users/Edit.cshtml", "Campaigns/Create.cshtml", "Campaigns/Details.cshtml", "Templates/Edit.cshtml",
                     "Defences/Edit.cshtml", "Defences/Standards.cshtml", "Inspections/Week.cshtml", "Notifications/Digest.cshtml", "Reports/TermPreview.cshtml" })
            Assert.True(File.ReadAllText(Path.Combine(Features, page)).Contains("<partial name=\"_Breadcrumb\"", StringComparison.Ordinal), $"{page} has no breadcrumb");
    }

    /// <summary>Actions that cannot easily be undone, by the form's action: each form posting to one asks first.</summary>
    private static readonly string[] DestructiveActions = ["Verify", "Reject", "LiftSupervision", "SetActive", "SetDisabled", "ResetPassword", "SignOff"];

    /// <summary>Buttons of forms that also do harmless things: the destructive button itself asks.</summary>
    private static readonly string[] DestructiveButtons = ["refuse-extension", "publish-template", "submit-inspection", "save-standards"];

    [Fact]
    public void Every_destructive_action_asks_for_confirmation_with_text_from_the_resources()
    {
        var missing = new List<string>();
        var found = 0;
        foreach (var file in AllViews())
        {
            var view = File.ReadAllText(file);
            foreach (Match form in Form().Matches(view))
            {
                var action = FormAction().Match(form.Groups["attrs"].Value) is { Success: true } a ? a.Groups["name"].Value : null;
                if (action is null || !DestructiveActions.Contains(action)) continue;
                found++;
                if (!Confirm().IsMatch(form.Value)) missing.Add($"{Name(file)}: form {action}");
            }
            foreach (var id in DestructiveButtons)
            {
                var button = Regex.Match(view, $"<button[^>]*id=\"{id}\"[^>]*>");
                if (!button.Success) continue;
                found++;
                if (!Confirm().IsMatch(button.Value)) missing.Add($"{Name(file)}: button #{id}");
            }
        }
        Assert.True(found >= DestructiveActions.Length + DestructiveButtons.Length, $"only {found} destructive forms and buttons found");
        Assert.Empty(missing);
        // One script handles them all, loaded by the layout on every page.
        var layout = File.ReadAllText(Path.Combine(Features, "Shared", "_Layout.cshtml"));
        Assert.Contains("~/js/confirm.js", layout);
    }

    [Fact]
    public void Lists_say_what_an_empty_list_means_through_the_one_partial()
    {
        // The old one-line "nothing here" rows are gone from the lists; each uses _EmptyState.
        foreach (var page in new[] { "Tickets/Index.cshtml", "Drills/Index.cshtml", "Drills/Compliance.cshtml", "Education/Index.cshtml", "Education/Coverage.cshtml",
                     "Training/Index.cshtml", "Campaigns/Index.cshtml", "Notifications/Index.cshtml", "Audit/Index.cshtml", "Schools/Index.cshtml", "Users/Index.cshtml",
                     "Inspections/Completion.cshtml", "Defences/Schools.cshtml", "Ledger/Documents/Index.cshtml", "Ledger/Letters/Index.cshtml",
                     "Ledger/Surroundings/Index.cshtml", "Ledger/Surroundings/School.cshtml", "Dashboard/Index.cshtml" })
            Assert.True(File.ReadAllText(Path.Combine(Features, page)).Contains("<partial name=\"_EmptyState\"", StringComparison.Ordinal), $"{page} has no empty state");
    }

    [GeneratedRegex("""ViewData\["Title"\]\s*=(?!=)""")]
    private static partial Regex TitleAssignment();

    [GeneratedRegex("""<form(?<attrs>[^>]*)>.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex Form();

    // asp-action="Verify", or action="/Tickets/Verify/..." / Url.Action("Verify", ...)
    [GeneratedRegex("""(asp-action="(?<name>\w+)")|(action="[^"]*?/(?<name>\w+)(/|")|Url\.Action\("(?<name>\w+)")""")]
    private static partial Regex FormAction();

    // The question is a resource: data-confirm="@L["Confirm.…"]" (or .Value of it, chosen by state).
    [GeneratedRegex("""data-confirm="@\(?[^"]*L\["Confirm\.""")]
    private static partial Regex Confirm();
}
