using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSafety.Demo;
using SchoolSafety.Identity;
using SchoolSafety.Tests.Infrastructure;
using SchoolSafety.Web.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>What an id-like parameter of an action is filled with: a record of the other county's school.</summary>
public enum Target { School, Jurisdiction, Inspection, Ticket, File, Drill, Training, Surroundings, Campaign, CampaignAtSchool, Term, Notification, User }

/// <summary>
/// Every controller action (found from the running app's endpoints, so new actions are included on their own), called by
/// anonymous visitors and by each role from outside the school of the records it names: an administrator and a county
/// officer of 新平县, a school leader and a safety officer of 新平县第四小学, all against 元江县's school YJ001 and its
/// records. GET and POST (with a valid antiforgery token and a plausible form). The answer must be 404 or the
/// sign-in/access-denied redirect for actions addressing a record by its path; for the rest (lists, forms carrying ids
/// in fields), the page must not show the other school, and in every case no row of any table may change.
/// </summary>
public abstract class AuthorizationMatrixTests(SchoolSafetyApp app)
{
    /// <summary>The route value map: what `id` means in each controller, when it is not the controller's only meaning.</summary>
    public static readonly IReadOnlyDictionary<string, Target> IdMeaning = new Dictionary<string, Target>
    {
        ["SchoolsController"] = Target.School,
        ["TicketsController"] = Target.Ticket,
        ["DrillsController"] = Target.Drill,
        ["TrainingController"] = Target.Training,
        ["SurroundingsController"] = Target.Surroundings,
        ["CampaignsController"] = Target.Campaign,
        ["NotificationsController"] = Target.Notification,
        ["UsersController"] = Target.User,
        ["TermsController"] = Target.Term,
        ["InspectionsController.Revise"] = Target.Inspection,
        ["InspectionsController.SignOff"] = Target.Inspection,
        ["InspectionsController.Campaign"] = Target.CampaignAtSchool,
        ["InspectionsController.Photo"] = Target.File,
        ["ReportsController.DrillRecord"] = Target.Drill,
        ["ReportsController.Closing"] = Target.Ticket,
    };

    /// <summary>Other id-like names, whatever the controller (parameters and form/query properties).</summary>
    public static readonly IReadOnlyDictionary<string, Target> NamedIds = new Dictionary<string, Target>(StringComparer.OrdinalIgnoreCase)
    {
        ["schoolId"] = Target.School, ["schoolIds"] = Target.School,
        ["jurisdictionId"] = Target.Jurisdiction, ["parentId"] = Target.Jurisdiction, ["nodeId"] = Target.Jurisdiction,
        ["inspectionId"] = Target.Inspection, ["ticketId"] = Target.Ticket, ["drillId"] = Target.Drill,
        ["trainingId"] = Target.Training, ["campaignId"] = Target.Campaign, ["termId"] = Target.Term,
        ["userId"] = Target.User, ["userIds"] = Target.User, ["fileId"] = Target.File, ["photoId"] = Target.File,
        ["responsibleUserId"] = Target.User, ["createdById"] = Target.User,
    };

    /// <summary>Ids of configuration shared by every school (checklist items, topics, document types): any existing one will do.</summary>
    public static readonly IReadOnlySet<string> SharedConfigurationIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "itemId", "itemIds", "topicId", "topicIds", "checklistItemId", "templateId", "documentTypeId",
    };

    /// <summary>Form fields named like ids that the action overwrites whatever is posted, with the reason; the probe posts 1.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServerSetFields = new Dictionary<string, string>
    {
        ["DefencesController.NewStandards.Id"] = "the posted rule set is copied as a new version (CopyAsNewVersion); its Id is never used",
    };

    /// <summary>
    /// Actions not run for the roles their policy admits, each with the reason. They are still run for anonymous
    /// visitors and for the roles the policy refuses (which must be turned away with nothing changed).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Exempt = new Dictionary<string, string>
    {
        ["AccountController.Logout"] = "ends the caller's own session; takes no id",
        ["AccountController.ChangePassword"] = "changes the caller's own password; takes no id",
        ["NotificationsController.MarkAllRead"] = "marks the caller's own notifications read (WHERE UserId = caller); takes no id",
        ["CampaignsController.Create"] = "targets schools by township and type inside the caller's scope; the form has no school or node id",
        ["TemplatesController.Create"] = "the checklist template is county-wide configuration (Admin), owned by no school",
        ["TemplatesController.Edit"] = "the checklist template is county-wide configuration (Admin), owned by no school",
        ["DocumentsController.AddType"] = "required document types are system-wide configuration (Admin), owned by no school",
        ["DocumentsController.EditType"] = "required document types are system-wide configuration (Admin), owned by no school",
        ["EducationController.AddTopic"] = "education topics are system-wide configuration (Admin), owned by no school",
        ["EducationController.SetRequired"] = "education topics are system-wide configuration (Admin), owned by no school",
        ["SchoolsController.Create"] = "creates a school under a node chosen from the administrator's own scope (form field checked by ScopingTests)",
        ["SchoolsController.ImportConfirm"] = "imports CSV text into the administrator's own scope; covered by ImportExportTests",
        ["CultureController.Set"] = "sets the caller's language cookie; no database access",
    };

    private static readonly ConcurrentDictionary<SchoolSafetyApp, Task<Targets>> Arranged = new();

    public sealed record Targets(int SchoolId, string SchoolName, string SchoolCode, string Marker, int JurisdictionId, int InspectionId,
        int TicketId, Guid FileId, int DrillId, int TrainingId, int SurroundingsId, int CampaignId, int CampaignAtSchoolId, int TermId,
        long NotificationId, string UserId, int DefenceRevision)
    {
        /// <summary>The current row versions (base64, as forms carry them), so a probe is not stopped by the concurrency check before the scope check.</summary>
        public Dictionary<Target, string> RowVersions { get; } = [];
        public string? DefenceRowVersion { get; set; }

        public string? Of(Target target) => target switch
        {
            Target.School => SchoolId.ToString(), Target.Jurisdiction => JurisdictionId.ToString(),
            Target.Inspection => InspectionId.ToString(), Target.Ticket => TicketId.ToString(), Target.File => FileId.ToString(),
            Target.Drill => DrillId.ToString(), Target.Training => TrainingId.ToString(), Target.Surroundings => SurroundingsId.ToString(),
            Target.Campaign => CampaignId.ToString(), Target.CampaignAtSchool => CampaignAtSchoolId.ToString(), Target.Term => TermId.ToString(),
            Target.Notification => NotificationId.ToString(), Target.User => UserId, _ => null,
        };
    }

    /// <summary>One request to make: an action, its method, URL and form, and whether its path names a record of the other school.</summary>
    public sealed record Probe(string Action, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Form, bool PathNamesRecord,
        bool Anonymous, string? Policy, ControllerActionDescriptor Descriptor);

    [Fact]
    public Task Anonymous_visitors_are_sent_to_sign_in_and_change_nothing() => RunAsync(null, null);

    [Fact]
    public Task An_administrator_of_another_county_gets_404_and_changes_nothing() => RunAsync("xpadmin", Roles.Administrator);

    [Fact]
    public Task A_county_officer_of_another_county_gets_404_and_changes_nothing() => RunAsync("county", Roles.CountyStaff);

    [Fact]
    public Task A_school_leader_of_another_school_gets_404_and_changes_nothing() => RunAsync("leader", Roles.SchoolLeader);

    [Fact]
    public Task A_safety_officer_of_another_school_gets_404_and_changes_nothing() => RunAsync("officer", Roles.SafetyOfficer);

    [Fact]
    public async Task Every_action_is_covered_by_the_id_map_or_exempted_with_a_reason()
    {
        var targets = await ArrangeAsync();
        var unmapped = new List<string>();
        var probes = ProbesFor(targets, unmapped);
        Assert.True(unmapped.Count == 0, "Actions with an id-like parameter the matrix cannot fill; add its meaning to AuthorizationMatrixTests.IdMeaning/NamedIds, or an exemption with its reason:\n" + string.Join("\n", unmapped));
        // The table of exemptions names real actions only.
        var names = probes.Select(p => p.Action).ToHashSet();
        Assert.DoesNotContain(Exempt.Keys, k => !names.Contains(k));
        // A sanity floor: the matrix really enumerates the application.
        Assert.True(probes.Count > 90, $"only {probes.Count} probes");
        Assert.True(probes.Count(p => p.PathNamesRecord) > 35, $"only {probes.Count(p => p.PathNamesRecord)} record-addressed probes");
    }

    private async Task RunAsync(string? userName, string? role)
    {
        var targets = await ArrangeAsync();
        var probes = ProbesFor(targets, []);
        using var routed = new RouteRecorder(app.Services.GetRequiredService<DiagnosticListener>());
        using var client = userName is null ? app.NewClient() : await LoginAsync(userName);
        var token = await TokenAsync(client, userName is null ? "/Account/Login" : "/Account/ChangePassword");

        var failures = new List<string>();
        var run = 0;
        foreach (var probe in probes)
        {
            var allowedByPolicy = role is not null && PolicyAdmits(probe.Policy, role);
            if (Exempt.ContainsKey(probe.Action) && (allowedByPolicy || probe.Anonymous)) continue;
            // Login is for anonymous visitors; signed-in users posting it would sign in as the form says.
            if (probe.Action == "AccountController.Login" && role is not null) continue;
            run++;

            var before = await SnapshotAsync();
            var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
            var probeId = Guid.NewGuid().ToString("N");
            request.Headers.Add(RouteRecorder.Header, probeId);
            if (probe.Method == "POST")
                request.Content = new FormUrlEncodedContent(probe.Form.Append(new("__RequestVerificationToken", token)));
            var response = await client.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var after = await SnapshotAsync();
            var what = $"{probe.Method} {probe.Url} ({probe.Action})";
            if (Environment.GetEnvironmentVariable("SCHOOLSAFETY_MATRIX_LOG") is { Length: > 0 } log)
                await File.AppendAllTextAsync(log, $"{app.Provider}\t{role ?? "anonymous"}\t{probe.Method}\t{probe.Url}\t{probe.Action}\t{(int)response.StatusCode}\t{response.Headers.Location?.OriginalString}\n");

            if (routed.Matched(probeId) is not { } matched || matched != probe.Descriptor.Id)
                failures.Add($"{what}: the request did not reach the action (matched {routed.Name(probeId) ?? "nothing"})");
            var status = (int)response.StatusCode;
            var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
            if (status >= 500) failures.Add($"{what}: {status}");
            else if (status == 400) failures.Add($"{what}: 400 (antiforgery or binding refused the probe before the action)");
            else if (role is null && !probe.Anonymous)
            {
                if (!(status == 302 && location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase)))
                    failures.Add($"{what}: anonymous got {status} {location}, not the sign-in redirect");
            }
            else if (probe.PathNamesRecord && role is not null)
            {
                if (!(status == 404 || status == 302 && location.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)))
                    failures.Add($"{what}: {role} got {status} {location}, not 404 or access denied");
            }
            var media = response.Content.Headers.ContentType?.MediaType ?? "";
            if (media == "application/pdf") body = PdfText(await response.Content.ReadAsByteArrayAsync());
            if (status is >= 200 and < 300 && (media.StartsWith("text/") || media == "application/pdf") && Leaks(body, targets) is { } leak)
                failures.Add($"{what}: {role ?? "anonymous"} was shown {leak} of the other county's school");
            if (!before.SequenceEqual(after))
                failures.Add($"{what}: rows changed: {Difference(before, after)}");
        }
        Assert.True(run > 40, $"only {run} probes were run");
        Assert.True(failures.Count == 0, $"{failures.Count} of {run} probes failed for {role ?? "anonymous"}:\n" + string.Join("\n", failures));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }

    private static string? Leaks(string body, Targets t)
    {
        // The search box and the paging links echo the code the probe searched for: that is the caller's own input.
        body = body.Replace($"value=\"{t.SchoolCode}\"", "").Replace($"={t.SchoolCode}", "");
        return body.Contains(t.Marker) ? "a record marked " + t.Marker
            : body.Contains(t.SchoolName) ? "the name " + t.SchoolName
            : body.Contains(t.SchoolCode) ? "the code " + t.SchoolCode
            : null;
    }

    private static bool PolicyAdmits(string? policy, string role) => policy switch
    {
        Policies.Admin => role == Roles.Administrator,
        Policies.Bureau => role is Roles.Administrator or Roles.CountyStaff,
        Policies.SchoolStaff => role is Roles.SafetyOfficer or Roles.SchoolLeader,
        _ => true,
    };

    /// <summary>Every (action, method) of the running application as a request naming the other school's records.</summary>
    private List<Probe> ProbesFor(Targets targets, List<string> unmapped)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null)
            .ToList();
        var probes = new List<Probe>();
        foreach (var (endpoint, descriptor) in endpoints)
        {
            var name = $"{descriptor!.ControllerTypeInfo.Name}.{descriptor.MethodInfo.Name}";
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["GET", "POST"];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            foreach (var method in methods.Where(x => x is "GET" or "POST"))
            {
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var form = new List<KeyValuePair<string, string>>();
                var query = new List<KeyValuePair<string, string>>();
                var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var parameter in descriptor.MethodInfo.GetParameters())
                {
                    var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                    if (type == typeof(CancellationToken) || typeof(IFormFile).IsAssignableFrom(type) || type == typeof(List<IFormFile>)) continue;
                    var fromQuery = parameter.GetCustomAttribute<FromQueryAttribute>() is not null;
                    if (IsSimple(type))
                    {
                        var optional = Nullable.GetUnderlyingType(parameter.ParameterType) is not null || parameter.ParameterType == typeof(string);
                        if (method == "GET" && optional && !Narrowing(parameter.Name!, type) && !routeNames.Contains(parameter.Name!)) continue;
                        var value = ValueFor(name, descriptor.ControllerTypeInfo.Name, parameter.Name!, type, targets, unmapped);
                        if (value is null) continue;
                        if (routeNames.Contains(parameter.Name!)) values[parameter.Name!] = value;
                        else (method == "GET" || fromQuery ? query : form).Add(new(parameter.Name!, value));
                        continue;
                    }
                    var prefix = parameter.GetCustomAttribute<BindAttribute>()?.Prefix ?? "";
                    foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                    {
                        var propertyType = property.PropertyType;
                        var element = propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>) ? propertyType.GetGenericArguments()[0] : null;
                        var simple = Nullable.GetUnderlyingType(element ?? propertyType) ?? element ?? propertyType;
                        if (!IsSimple(simple)) continue;
                        // A list asked for with GET keeps its other filters at their defaults, so it shows all it may show.
                        if (method == "GET" && !Narrowing(property.Name, simple)) continue;
                        var value = ValueFor(name, descriptor.ControllerTypeInfo.Name, property.Name, simple, targets, unmapped);
                        if (value is null) continue;
                        var key = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                        (method == "GET" || fromQuery ? query : form).Add(new(key, value));
                    }
                }
                var path = Fill(endpoint.RoutePattern, values, out var pathNamesRecord);
                if (path is null) { unmapped.Add($"{method} {endpoint.RoutePattern.RawText} ({name}): a route value has no filling"); continue; }
                var url = query.Count == 0 ? path : path + "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
                probes.Add(new Probe(name, method, url, form, pathNamesRecord, anonymous, policy, descriptor));
            }
        }
        return probes.DistinctBy(p => (p.Method, p.Url, p.Descriptor.Id)).OrderBy(p => p.Action).ThenBy(p => p.Method).ToList();
    }

    /// <summary>Query values a GET probe sends: ids, the search box (the other school's code) and the year.</summary>
    private static bool Narrowing(string name, Type type) => IdLike(name, type) || name is "q" or "Q" or "year" or "Year";

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(TimeOnly)
        || type == typeof(DateTime) || type == typeof(decimal);

    private static bool IdLike(string name, Type type) =>
        type == typeof(Guid) || name.Equals("id", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("Ids", StringComparison.Ordinal);

    /// <summary>The value a probe sends for a parameter or form field: the other school's record for an id, something plausible otherwise.</summary>
    private static string? ValueFor(string action, string controller, string name, Type type, Targets t, List<string> unmapped)
    {
        if (name.Equals("id", StringComparison.OrdinalIgnoreCase) || type == typeof(Guid))
        {
            if (IdMeaning.TryGetValue(action, out var a) || IdMeaning.TryGetValue(controller, out a)) return t.Of(a);
            if (Exempt.ContainsKey(action)) return "1";
        }
        if (NamedIds.TryGetValue(name, out var target)) return t.Of(target);
        if (name.Equals("revision", StringComparison.OrdinalIgnoreCase)) return t.DefenceRevision.ToString();
        if (IdLike(name, type))
        {
            if (Exempt.ContainsKey(action) || SharedConfigurationIds.Contains(name) || ServerSetFields.ContainsKey($"{action}.{name}")) return "1";
            unmapped.Add($"{action}: parameter or field '{name}'");
            return null;
        }
        return name.ToLowerInvariant() switch
        {
            "year" => "2026",
            "q" => t.SchoolCode,
            "rowversion" => (IdMeaning.TryGetValue(action, out var v) || IdMeaning.TryGetValue(controller, out v)) && t.RowVersions.TryGetValue(v, out var version) ? version
                : controller == "DefencesController" ? t.DefenceRowVersion
                : t.RowVersions[Target.School],
            "week" => "202647",   // a week of the demo term that is over
            "page" or "returnurl" or "command" => null,
            "culture" => "zh-CN",
            "code" when type == typeof(int) => "404",
            _ when type == typeof(string) => "越权探测",
            _ when type == typeof(bool) => "true",
            _ when type == typeof(DateOnly) => "2026-11-20",
            _ when type == typeof(TimeOnly) => "10:00",
            _ when type == typeof(DateTime) => "2026-11-20T10:00",
            _ when type.IsEnum => Enum.GetNames(type)[0],
            _ => "1",
        };
    }

    /// <summary>The endpoint's path with the values; null when a required value is missing.</summary>
    private static string? Fill(RoutePattern pattern, Dictionary<string, string> values, out bool namesRecord)
    {
        namesRecord = false;
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal: text.Append(literal.Content); break;
                    case RoutePatternSeparatorPart separator: text.Append(separator.Content); break;
                    case RoutePatternParameterPart parameter:
                        if (pattern.RequiredValues.TryGetValue(parameter.Name, out var required) && required is string r) text.Append(r);
                        else if (values.TryGetValue(parameter.Name, out var value)) { text.Append(value); namesRecord = true; }
                        else if (parameter.IsOptional || parameter.Default is not null) { if (parameter.Default is { } d) text.Append(d); }
                        else return null;
                        break;
                }
            }
            if (text.Length > 0) path.Append('/').Append(text);
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>The row count of every table and the newest audit entry: any write through the application moves one of them.</summary>
    private async Task<List<(string Table, long Count)>> SnapshotAsync()
    {
        await using var db = app.Db();
        var tables = db.Context.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null)
            .Select(e => e.GetTableName()!).Distinct().OrderBy(t => t).ToList();
        // A download the caller may make (an export of their own schools) is recorded by design (AuditAction.Download);
        // what it contains is checked by the leak check, and ExportTests prove a refused download records nothing.
        var notDownloads = $" WHERE \"Action\" <> {(int)SchoolSafety.Auditing.AuditAction.Download}";
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\"{(t == "AuditEntries" ? notDownloads : "")}"))
                  + $" UNION ALL SELECT 'AuditEntries.MaxId', COALESCE(MAX(\"Id\"), 0) FROM \"AuditEntries\"{notDownloads}";
        var connection = db.Context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var result = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1))));
        return result;
    }

    private static string Difference(List<(string Table, long Count)> before, List<(string Table, long Count)> after) =>
        string.Join(", ", before.Zip(after).Where(p => p.First != p.Second).Select(p => $"{p.First.Table} {p.First.Count}→{p.Second.Count}"));

    private static async Task<string> TokenAsync(AppClient client, string page)
    {
        var html = await client.PageAsync(page);
        return html.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private async Task<AppClient> LoginAsync(string userName)
    {
        if (userName == "xpadmin")
        {
            await using var db = app.Db();
            if (!await db.Context.Users.AnyAsync(u => u.UserName == userName))
            {
                var county = await db.Context.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.CountyCode);
                var users = db.Get<UserManager<AppUser>>();
                var admin = new AppUser { UserName = userName, DisplayName = "县管理员", JurisdictionId = county.Id, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
                var created = await users.CreateAsync(admin, DemoCounty.DefaultPassword);
                // Another class of the collection may have created it in between.
                if (created.Succeeded) Assert.True((await users.AddToRoleAsync(admin, Roles.Administrator)).Succeeded);
            }
        }
        return await app.LoginAsync(userName);
    }

    private Task<Targets> ArrangeAsync() => Arranged.GetOrAdd(app, a => ArrangeCoreAsync(a));

    /// <summary>元江县's school YJ001 with one record of every kind, each carrying a marker no 新平县 page may show.</summary>
    private static async Task<Targets> ArrangeCoreAsync(SchoolSafetyApp app)
    {
        var marker = $"越界标记{Guid.NewGuid():N}"[..16];
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = app.Db();
        var c = db.Context;
        var school = await c.Schools.SingleAsync(s => s.Code == "YJ001");
        var county = await c.Jurisdictions.SingleAsync(j => j.Code == DemoCounty.SecondCountyCode);

        var inspectionId = await c.Inspections.Where(i => i.SchoolId == school.Id).Select(i => i.Id).FirstAsync();
        var ticket = new Hazards.HazardTicket
        {
            Number = $"AZ-{Guid.NewGuid():N}"[..30], SchoolId = school.Id, Source = Hazards.HazardSource.CountyCheck,
            Place = Inspections.HazardPlace.Other, Description = marker, Grade = Inspections.HazardGrade.General,
            FoundAt = now, ResponsibleName = marker, Deadline = new DateOnly(2026, 12, 31), Status = Hazards.HazardStatus.AwaitingVerification,
        };
        var file = new Files.StoredFile
        {
            Id = Guid.NewGuid(), SchoolId = school.Id, ContentType = "image/png", Length = 1, StorageKey = "none.png", CreatedAt = now,
        };
        var drill = new Drills.Drill
        {
            SchoolId = school.Id, Date = new DateOnly(2026, 11, 20), Type = Drills.DrillType.Fire, Buildings = marker, Floors = 3,
            SignalAt = new TimeOnly(10, 0), AllClearAt = new TimeOnly(10, 2), StudentsExpected = 10, StudentsCounted = 10, Evaluator = marker,
            CreatedAt = now,
        };
        var training = new Training.TrainingSession
        {
            Level = Training.TrainingLevel.School, SchoolId = school.Id, Date = new DateOnly(2026, 11, 20), Title = marker, Venue = marker,
            AttendeeCount = 5, CreatedAt = now,
        };
        var surroundings = new Ledger.SurroundingsIssue
        {
            SchoolId = school.Id, Kind = Ledger.SurroundingsKind.Other, Location = marker, Description = marker,
            ObservedOn = new DateOnly(2026, 11, 1), RecordedAt = now,
        };
        var template = new Inspections.ChecklistTemplate
        {
            Name = marker, Version = 0, Status = Inspections.TemplateStatus.Campaign,
            Items = [new() { Key = "C01", Number = 1, NameZh = marker, NameEn = marker }],
        };
        var campaign = new Inspections.Campaign
        {
            JurisdictionId = county.Id, Title = marker, Start = new DateOnly(2026, 11, 1), End = new DateOnly(2026, 12, 31),
            Template = template, Schools = [new() { SchoolId = school.Id }], CreatedAt = now,
        };
        var term = new Inspections.Term { JurisdictionId = county.Id, Name = marker, Start = new DateOnly(2027, 3, 1), End = new DateOnly(2027, 7, 10) };
        c.AddRange(ticket, file, drill, training, surroundings, campaign, term);
        await c.SaveChangesAsync();

        var users = db.Get<UserManager<AppUser>>();
        var user = new AppUser { UserName = $"yj{Guid.NewGuid():N}"[..12], DisplayName = marker, SchoolId = school.Id, CreatedAt = now };
        Assert.True((await users.CreateAsync(user, DemoCounty.DefaultPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.SafetyOfficer)).Succeeded);
        var notification = new Notifications.Notification
        {
            UserId = user.Id, Kind = "probe", Key = marker, SchoolId = school.Id, MessageKey = "Notification.Probe", Args = marker,
            Link = $"/Tickets/Details/{ticket.Id}", CreatedAt = now,
        };
        c.Notifications.Add(notification);
        var revision = await c.DefenceRecords.Where(r => r.SchoolId == school.Id).Select(r => (int?)r.Revision).MaxAsync();
        if (revision is null)
        {
            c.DefenceRecords.Add(new Defences.DefenceRecord { SchoolId = school.Id, Revision = 1, IsCurrent = true, EffectiveFrom = new DateOnly(2026, 11, 1), RecordedAt = now });
            revision = 1;
        }
        await c.SaveChangesAsync();
        var targets = new Targets(school.Id, school.Name, school.Code, marker, county.Id, inspectionId, ticket.Id, file.Id, drill.Id, training.Id,
            surroundings.Id, campaign.Id, campaign.Id, term.Id, notification.Id, user.Id, revision.Value);
        static string B64(byte[] v) => Convert.ToBase64String(v);
        targets.RowVersions[Target.School] = B64(await c.Schools.Where(x => x.Id == school.Id).Select(x => x.RowVersion).SingleAsync());
        targets.RowVersions[Target.Ticket] = B64(await c.HazardTickets.Where(x => x.Id == ticket.Id).Select(x => x.RowVersion).SingleAsync());
        targets.RowVersions[Target.Surroundings] = B64(await c.SurroundingsIssues.Where(x => x.Id == surroundings.Id).Select(x => x.RowVersion).SingleAsync());
        targets.RowVersions[Target.Inspection] = B64(await c.Inspections.Where(x => x.Id == inspectionId).Select(x => x.RowVersion).SingleAsync());
        targets.DefenceRowVersion = B64(await c.DefenceRecords.Where(x => x.SchoolId == school.Id && x.Revision == revision).Select(x => x.RowVersion).SingleAsync());
        return targets;
    }

    /// <summary>
    /// Which endpoint each probe request reached, from routing's own diagnostic event (the first match of the request, before an
    /// error page is re-executed), so a 404 from a wrongly filled route cannot pass for a 404 from the action.
    /// </summary>
    private sealed class RouteRecorder : IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        public const string Header = "X-Matrix-Probe";
        private readonly ConcurrentDictionary<string, Endpoint?> _matched = new();
        private readonly IDisposable _subscription;

        public RouteRecorder(DiagnosticListener listener) => _subscription = listener.Subscribe(this, name => name == "Microsoft.AspNetCore.Routing.EndpointMatched");

        public string? Matched(string probe) => _matched.TryGetValue(probe, out var e) ? e?.Metadata.GetMetadata<ControllerActionDescriptor>()?.Id : null;
        public string? Name(string probe) => _matched.TryGetValue(probe, out var e) ? e?.DisplayName : null;

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is HttpContext http && http.Request.Headers.TryGetValue(Header, out var probe))
                _matched.TryAdd(probe.ToString(), http.GetEndpoint());
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void Dispose() => _subscription.Dispose();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuthorizationMatrixOnSqlite(SqliteApp app) : AuthorizationMatrixTests(app);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuthorizationMatrixOnPostgreSql(PostgreSqlApp app) : AuthorizationMatrixTests(app);
