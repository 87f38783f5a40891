using Microsoft.Playwright;
using SchoolSafety.Demo;

namespace SchoolSafety.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class FoundationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_officer_sees_only_their_school_and_another_schools_address_shows_not_found()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("登录 - 校园安全管理平台", await page.TitleAsync());
        await BrowserFixture.ScreenshotAsync(page, "01-login");

        await BrowserFixture.LoginAsync(page, "officer");
        Assert.Equal(DemoCounty.OfficerSchoolName, (await page.Locator("#school-name").InnerTextAsync()).Trim());
        Assert.Equal("本校档案", (await page.Locator("nav .nav-link.active").InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(page, "02-officer-school");

        var other = await browser.App.SchoolAsync(DemoCounty.Officer2SchoolCode);
        var response = await page.GotoAsync($"/Schools/Details/{other.Id}");
        Assert.Equal(404, response!.Status);
        Assert.Equal("页面不存在", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.DoesNotContain(DemoCounty.Officer2SchoolName, await page.ContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "03-not-found");

        await page.GotoAsync("/Schools");
        Assert.Equal(1, await page.Locator("#school-list tbody tr").CountAsync());
    }

    [Fact]
    public async Task The_language_switch_turns_the_interface_to_English_and_back()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "county");
        await page.GotoAsync("/Schools");
        Assert.Equal("学校", (await page.Locator("nav .nav-link.active").InnerTextAsync()).Trim());

        await page.ClickAsync("#language-switch button[value=en-US]");
        await page.WaitForURLAsync("**/Schools");
        Assert.Equal("Schools", (await page.Locator("nav .nav-link.active").InnerTextAsync()).Trim());
        Assert.Equal("en-US", await page.GetAttributeAsync("html", "lang"));
        await BrowserFixture.ScreenshotAsync(page, "04-schools-english");

        await page.ClickAsync("#language-switch button[value=zh-CN]");
        await page.WaitForURLAsync("**/Schools");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("学校", (await page.Locator("nav .nav-link.active").InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(page, "05-schools-chinese");
    }

    [Fact]
    public async Task On_a_390_pixel_phone_the_menu_collapses_and_nothing_scrolls_sideways()
    {
        var page = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(page, "county");
        await page.GotoAsync("/Schools");

        Assert.True(await page.Locator(".navbar-toggler").IsVisibleAsync());
        Assert.False(await page.Locator("#mainNav").IsVisibleAsync());
        await page.ClickAsync(".navbar-toggler");
        await page.Locator("#mainNav").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.ClickAsync("#manageMenu");
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "操作痕迹" }).IsVisibleAsync());
        await page.ClickAsync(".navbar-toggler");

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide");
        // Table rows stack into label/value cards on a phone.
        Assert.Equal("none", await page.EvalOnSelectorAsync<string>("#school-list thead", "e => getComputedStyle(e).display"));
        await BrowserFixture.ScreenshotAsync(page, "06-phone-school-list");

        await page.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(page, "07-phone-home");
    }

    [Fact]
    public async Task Bad_input_gets_a_Chinese_message_beside_the_field_before_anything_is_sent()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "admin");
        var school = await browser.App.SchoolAsync("XP040");
        await page.GotoAsync($"/Schools/Edit/{school.Id}");
        await page.FillAsync("#Form_Name", "");
        await page.FillAsync("#Form_Students", "-3");
        // Leaving the field validates it at once (the message appears below it), as it does for a person on a phone.
        await page.Locator("#Form_Students").PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Form.Students']")).ToHaveTextAsync("学生数应在 0 到 100000 之间。");
        await page.ClickAsync("#save");

        await Assertions.Expect(page.Locator("[data-valmsg-for='Form.Name']")).ToHaveTextAsync("请填写学校名称。");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Form.Students']")).ToHaveTextAsync("学生数应在 0 到 100000 之间。");
        Assert.Contains($"/Schools/Edit/{school.Id}", page.Url);
        await BrowserFixture.ScreenshotAsync(page, "08-school-form-errors");
        Assert.Equal(school.Name, (await browser.App.SchoolAsync("XP040")).Name);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class BureauPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_administrator_sees_the_overview_the_accounts_and_the_audit_trail()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "admin");
        Assert.Equal("125", await page.Locator("#stat-schools").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "09-admin-home");

        await page.ClickAsync("#manageMenu");
        await page.GetByRole(AriaRole.Link, new() { Name = "用户管理" }).ClickAsync();
        await Assertions.Expect(page.Locator("#user-list")).ToContainTextAsync("officer2");
        await BrowserFixture.ScreenshotAsync(page, "10-users");

        await page.ClickAsync("#manageMenu");
        await page.GetByRole(AriaRole.Link, new() { Name = "操作痕迹" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit-list")).ToContainTextAsync("新增");
        await page.Locator("#audit-list details summary").First.ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "11-audit");

        await page.ClickAsync("#manageMenu");
        await page.GetByRole(AriaRole.Link, new() { Name = "检查模板" }).ClickAsync();
        await Assertions.Expect(page.Locator("#template-list")).ToContainTextAsync("第 1 版");
        await page.Locator("#template-list a").First.ClickAsync();
        await Assertions.Expect(page.Locator(".template-item")).ToHaveCountAsync(28);
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "12-template-v1.png") });

        var school = await browser.App.SchoolAsync("XP010");
        await page.GotoAsync($"/Schools/{school.Id}/Inspections/History");
        await Assertions.Expect(page.Locator("#history-grid tbody tr")).ToHaveCountAsync(28);
        await BrowserFixture.ScreenshotAsync(page, "13-school-term-history");

        foreach (var (url, name, selector) in new[]
        {
            ("/Campaigns/Create", "14-campaign-create", "#campaign-form"),
            ("/Terms", "15-terms", "#term-list"),
            ("/Jurisdictions", "16-jurisdictions", "#jurisdiction-tree"),
            ("/Notifications", "17-notifications", "h1"),
        })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator(selector)).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, name);
        }
    }
}
