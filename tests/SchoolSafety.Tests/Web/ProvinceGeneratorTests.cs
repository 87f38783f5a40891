using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSafety.Data;
using SchoolSafety.Demo;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Inspections;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Web;

/// <summary>
/// The province-scale generator, small: the demo's 125 schools plus one generated county of 40, on a database of
/// its own. The rows written in bulk must be what the application itself would read and write after them.
/// </summary>
public abstract class ProvinceGeneratorTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Generated_counties_hold_a_live_term_that_the_province_dashboard_counts()
    {
        await using var app = new SchoolSafetyApp(provider);
        await app.InitializeAsync();
        GeneratedProvince generated;
        await using (var scope = app.Db())
        {
            generated = await ProvinceGenerator.GenerateAsync(scope.Context, scope.Get<UserManager<AppUser>>(), DemoCounty.DefaultPassword, app.Clock, 165);
            Assert.Equal((1, 1, 40), (generated.Cities, generated.Counties, generated.Schools));
            // Asked again for the same size, it adds nothing.
            Assert.Equal(0, (await ProvinceGenerator.GenerateAsync(scope.Context, scope.Get<UserManager<AppUser>>(), DemoCounty.DefaultPassword, app.Clock, 165)).Schools);
        }

        await using (var scope = app.Db())
        {
            var db = scope.Context;
            var county = await db.Jurisdictions.SingleAsync(j => j.Code == "539001");
            var schools = await db.Schools.Where(s => s.JurisdictionId == county.Id).Select(s => s.Id).ToListAsync();
            Assert.Equal(40, schools.Count);
            Assert.Equal(165, await db.Schools.CountAsync(s => s.Jurisdiction!.Path.StartsWith("/530000/")));
            Assert.Single(await db.Terms.Where(t => t.JurisdictionId == county.Id).ToListAsync());

            // Every week of the term so far, most schools submitted, each inspection with its answers.
            var inspections = await db.Inspections.Where(i => schools.Contains(i.SchoolId) && i.Status != InspectionStatus.Draft)
                .Select(i => new { i.WeekNumber, Answers = i.Results.Count }).ToListAsync();
            Assert.Equal(generated.Inspections, await db.Inspections.CountAsync(i => schools.Contains(i.SchoolId)));
            Assert.True(inspections.Select(i => i.WeekNumber).Distinct().Count() >= 12);
            Assert.All(inspections, i => Assert.InRange(i.Answers, 1, 28));
            Assert.Contains(inspections, i => i.Answers == 28);   // the first week of a month: every item due
            // Tickets in every state of the loop, each with its timeline, opened from an answer.
            var tickets = await db.HazardTickets.Where(t => schools.Contains(t.SchoolId))
                .Select(t => new { t.Status, t.InspectionResultId, Events = t.Events.Count }).ToListAsync();
            Assert.Equal(generated.Tickets, tickets.Count);
            Assert.Superset(new HashSet<HazardStatus> { HazardStatus.Open, HazardStatus.Rectifying, HazardStatus.AwaitingVerification, HazardStatus.Closed },
                tickets.Select(t => t.Status).ToHashSet());
            Assert.All(tickets, t => Assert.True(t.InspectionResultId is not null && t.Events >= 1));
            Assert.Equal(40, await db.DefenceRecords.CountAsync(r => schools.Contains(r.SchoolId) && r.IsCurrent));
            Assert.True(await db.Drills.CountAsync(d => schools.Contains(d.SchoolId)) >= 40);

            // Keys were handed out by the generator: the application's own inserts still get fresh ones.
            var template = await db.ChecklistTemplates.Where(t => t.Status == TemplateStatus.Published).Select(t => t.Id).FirstAsync();
            db.Inspections.Add(new Inspection { SchoolId = schools[0], TemplateId = template, WeekNumber = 203001, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Results = [new InspectionResult { ItemId = await db.ChecklistItems.Where(i => i.TemplateId == template).Select(i => i.Id).FirstAsync() }] });
            await db.SaveChangesAsync();
        }

        // The province user sees all 165 schools, the new county in the breakdown, and the figures the database holds.
        using var province = await app.LoginAsync(ProvinceGenerator.ProvinceUserName);
        var page = await province.PageAsync("/Dashboard");
        Assert.Equal("165", page.QuerySelector("#school-count")!.TextContent);
        var row = page.QuerySelectorAll("#county-table tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "安宁县");
        Assert.Equal("40", row.QuerySelectorAll("td")[1].TextContent.Trim());
        await using (var scope = app.Db())
        {
            var termStart = new DateTime(2026, 8, 31, 16, 0, 0, DateTimeKind.Utc);   // 1 September, China time
            var open = await scope.Context.HazardTickets.CountAsync(t => t.School!.IsActive && t.School.Jurisdiction!.Path.StartsWith("/530000/")
                && t.FoundAt >= termStart && t.Status != HazardStatus.Closed);
            Assert.Equal(open.ToString(), page.QuerySelector("#fig-open")!.TextContent.Trim());
        }
    }
}

public sealed class ProvinceGeneratorOnSqlite() : ProvinceGeneratorTests(DatabaseProvider.Sqlite);

[Collection(PostgreSqlCollection.Name)]
public sealed class ProvinceGeneratorOnPostgreSql() : ProvinceGeneratorTests(DatabaseProvider.PostgreSql);
