using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Demo;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>Two web instances on one database, each with its own key folder, clock and memory, as behind a load balancer.</summary>
public abstract class TwoInstances(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSafetyApp First { get; } = new(provider);
    public SchoolSafetyApp? Second { get; private set; }

    public async Task InitializeAsync()
    {
        await First.InitializeAsync();
        Second = new SchoolSafetyApp(provider, sharing: First);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Second is not null) await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}

public sealed class TwoInstancesOnSqlite() : TwoInstances(DatabaseProvider.Sqlite);

public sealed class TwoInstancesOnPostgreSql() : TwoInstances(DatabaseProvider.PostgreSql);

/// <summary>The data protection keys are in the database, so cookies and forms from one instance are good on the other.</summary>
public abstract class TwoInstanceTests(TwoInstances instances)
{
    /// <summary>One browser (one cookie jar) talking to either instance.</summary>
    private static (AppClient First, AppClient Second) OneBrowser(TwoInstances apps)
    {
        var cookies = new CookieContainer();
        var https = new Uri("https://localhost");
        return (new AppClient(apps.First.CreateDefaultClient(https, new CookieContainerHandler(cookies))),
                new AppClient(apps.Second!.CreateDefaultClient(https, new CookieContainerHandler(cookies))));
    }

    [Fact]
    public async Task A_form_from_one_instance_is_accepted_by_the_other_and_the_sign_in_holds_on_both()
    {
        var (first, second) = OneBrowser(instances);
        using (first)
        using (second)
        {
            // The sign-in form (and its antiforgery cookie) comes from the first instance, the post goes to the second.
            var form = await first.PageAsync("/Account/Login");
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var login = await second.Http.PostAsync("/Account/Login", new FormUrlEncodedContent([
                new("UserName", "county"), new("Password", DemoCounty.DefaultPassword), new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

            // The sign-in cookie the second instance issued is good on the first.
            var page = await first.PageAsync("/Account/ChangePassword");
            Assert.Contains("李明", page.QuerySelector("#userMenu")!.TextContent);

            // A form the first instance rendered for the signed-in user is accepted by the second.
            var signedInToken = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var english = await second.Http.PostAsync("/Culture/Set", new FormUrlEncodedContent([
                new("culture", "en-US"), new("returnUrl", "/Schools"), new("__RequestVerificationToken", signedInToken)]));
            Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
            Assert.Equal("en-US", (await first.PageAsync("/Schools")).DocumentElement.GetAttribute("lang"));

            // A forged token is still refused: the second instance does check what it is given.
            var forged = await second.Http.PostAsync("/Culture/Set", new FormUrlEncodedContent([
                new("culture", "zh-CN"), new("returnUrl", "/"), new("__RequestVerificationToken", signedInToken[..^4] + "AAAA")]));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
    }

    [Fact]
    public async Task The_key_ring_is_one_set_of_rows_in_the_database_and_never_copied_into_the_audit_trail()
    {
        using var client = instances.First.NewClient();
        await client.PageAsync("/Account/Login"); // makes sure a key exists
        await using var db = instances.Second!.Db();
        var keys = await db.Context.DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml));
        Assert.False(await db.Context.AuditEntries.AnyAsync(a => a.EntityType == "DataProtectionKey"));
    }
}

public sealed class TwoInstanceTestsOnSqlite(TwoInstancesOnSqlite apps) : TwoInstanceTests(apps), IClassFixture<TwoInstancesOnSqlite>;

public sealed class TwoInstanceTestsOnPostgreSql(TwoInstancesOnPostgreSql apps) : TwoInstanceTests(apps), IClassFixture<TwoInstancesOnPostgreSql>;
