using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSafety.Common;
using SchoolSafety.Demo;
using SchoolSafety.Inspections;

namespace SchoolSafety.BrowserTests;

/// <summary>
/// Every page a safety officer uses, on a 390 px phone: nothing scrolls sideways, every button, field and
/// stand-alone link is at least 44 px high and wide (links inside a sentence or a table cell are text, not
/// targets), and the photo fields open the camera.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneUsabilityTests(BrowserFixture browser)
{
    public static readonly string[] OfficerPages =
    [
        "/", "/Dashboard", "/Schools/Details/{school}", "/Schools/{school}/Inspections", "/Schools/{school}/Inspections/History",
        "/Tickets", "/Tickets/Details/{ticket}", "/Notifications", "/Notifications/Digest",
        "/Schools/{school}/Drills", "/Schools/{school}/Drills/Create", "/Training", "/Schools/{school}/Training/Create",
        "/Schools/{school}/Education", "/Schools/{school}/Education/Create", "/Schools/{school}/Documents", "/Schools/{school}/Letters",
        "/Schools/{school}/Surroundings", "/Schools/{school}/Surroundings/Create", "/Schools/{school}/Defences", "/Schools/{school}/Defences/Edit",
        "/Account/ChangePassword",
    ];

    private const string TooSmall = """
        () => {
          const sel = 'main button, main .btn, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main select, main textarea, main .page-link, main .list-group-item-action';
          const bad = [];
          for (const e of document.querySelectorAll(sel)) {
            if (e.matches('.btn-check') || e.offsetParent === null) continue;
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (r.height < 44 || r.width < 44) {
              const name = (e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + [...e.classList].join('.')) + ' "' + (e.innerText || e.value || e.name || '').trim().slice(0, 20) + '"';
              bad.push(name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
            }
          }
          return bad;
        }
        """;

    [Fact]
    public async Task Every_officer_page_fits_a_390_pixel_phone_with_44_pixel_targets_and_camera_photo_fields()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        int ticket;
        await using (var db = browser.App.Db())
            ticket = await db.Context.HazardTickets.Where(t => t.SchoolId == school.Id).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var page = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(page, "officer");
        var problems = new List<string>();
        foreach (var url in OfficerPages.Select(u => u.Replace("{school}", school.Id.ToString()).Replace("{ticket}", ticket.ToString())))
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url}: {response.Status}");
            var (scroll, width) = (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
            if (scroll > width) problems.Add($"{url}: {scroll}px wide in a {width}px window");
            foreach (var small in await page.EvaluateAsync<string[]>(TooSmall)) problems.Add($"{url}: {small}");
            foreach (var file in await page.Locator("main input[type=file]").AllAsync())
            {
                var accept = await file.GetAttributeAsync("accept") ?? "";
                // A field that takes only photos opens the camera; one that also takes a PDF or a Word file must not force it.
                var photosOnly = accept.Split(',').All(a => a.Trim().StartsWith("image/", StringComparison.Ordinal));
                if (photosOnly && await file.GetAttributeAsync("capture") is null)
                    problems.Add($"{url}: photo field {await file.GetAttributeAsync("id")} does not open the camera");
            }
        }
        Assert.True(problems.Count == 0, "On a 390 px phone:\n" + string.Join("\n", problems));
    }
}
