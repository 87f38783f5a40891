using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchoolSafety.Tests.Infrastructure;
using SchoolSafety.Tests.Web;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Tests.Conventions;

/// <summary>Security conventions that every controller action must follow, checked by reflection.</summary>
public class ControllerConventionTests
{
    /// <summary>The reviewed list of actions open to anonymous visitors. Adding to it needs a reason.</summary>
    private static readonly HashSet<string> ReviewedAnonymous =
    [
        "AccountController.Login",   // the sign-in page and form
        "CultureController.Set",     // the language switch is on the sign-in page too
        "ErrorsController.Show",     // error pages must render for anyone
    ];

    /// <summary>Actions that skip antiforgery validation. Only the error page: it changes nothing and must render after a failed POST.</summary>
    private static readonly HashSet<string> ReviewedNoAntiforgery = ["ErrorsController.Show"];

    private static readonly string[] KnownPolicies = [Policies.AnyUser, Policies.SchoolStaff, Policies.Bureau, Policies.Admin];

    public static IEnumerable<(Type Controller, MethodInfo Action)> Actions() =>
        typeof(Policies).Assembly.GetTypes()
            .Where(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.GetCustomAttribute<NonActionAttribute>() is null)
                .Select(m => (t, m)));

    [Fact]
    public void There_are_controllers_to_check()
    {
        Assert.True(Actions().Count() > 20);
    }

    [Fact]
    public void Every_action_names_a_policy_or_is_on_the_reviewed_anonymous_list()
    {
        var offenders = new List<string>();
        foreach (var (controller, action) in Actions())
        {
            var name = $"{controller.Name}.{action.Name}";
            var anonymous = action.GetCustomAttribute<AllowAnonymousAttribute>() ?? controller.GetCustomAttribute<AllowAnonymousAttribute>();
            if (anonymous is not null)
            {
                if (!ReviewedAnonymous.Contains(name)) offenders.Add($"{name} is anonymous but not on the reviewed list");
                continue;
            }
            var policies = action.GetCustomAttributes<AuthorizeAttribute>().Concat(controller.GetCustomAttributes<AuthorizeAttribute>())
                .Select(a => a.Policy).ToList();
            if (policies.Count == 0 || policies.Any(p => !KnownPolicies.Contains(p)))
                offenders.Add($"{name} has no known policy");
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public void Antiforgery_is_validated_globally_and_no_unreviewed_action_opts_out()
    {
        var offenders = Actions()
            .Where(a => a.Action.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null
                        || a.Controller.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null)
            .Select(a => $"{a.Controller.Name}.{a.Action.Name}")
            .Where(n => !ReviewedNoAntiforgery.Contains(n));
        Assert.Empty(offenders);
    }

    [Fact]
    public async Task The_running_app_has_the_global_antiforgery_filter()
    {
        await using var app = new SqliteApp();
        await app.InitializeAsync();
        var mvc = app.Services.GetRequiredService<IOptions<MvcOptions>>().Value;
        Assert.Contains(mvc.Filters, f => f is AutoValidateAntiforgeryTokenAttribute);
        await app.DisposeAsync();
    }

    [Fact]
    public void Every_action_that_takes_a_school_id_is_proved_to_answer_404_for_another_school()
    {
        var covered = ScopingTests.SchoolScopedRoutes.Cast<object[]>().Select(r => (string)r[2])
            .Concat(ScopingTests.SchoolIdInFormRoutes.Cast<object[]>().Select(r => (string)r[0])
                .Select(route => route.Trim('/').Split('/'))
                .Select(parts => $"{parts[0]}Controller.{parts[1]}"))
            .ToHashSet();

        static bool TakesSchoolId(Type controller, MethodInfo action) =>
            action.GetParameters().Any(p =>
                (p.Name == "id" && p.ParameterType == typeof(int) && controller.Name == "SchoolsController")
                || string.Equals(p.Name, "schoolId", StringComparison.OrdinalIgnoreCase)
                || p.ParameterType == typeof(Guid)
                || p.ParameterType.GetProperty("SchoolId") is not null && p.ParameterType.Namespace!.StartsWith("SchoolSafety.Web"));

        var missing = Actions().Where(a => TakesSchoolId(a.Controller, a.Action))
            .Select(a => $"{a.Controller.Name}.{a.Action.Name}")
            .Where(n => !covered.Contains(n))
            .Distinct();
        Assert.Empty(missing);
    }
}
