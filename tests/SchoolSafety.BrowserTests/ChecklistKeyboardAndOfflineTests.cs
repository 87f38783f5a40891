using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SchoolSafety.BrowserTests.Journeys;
using SchoolSafety.Demo;
using SchoolSafety.Inspections;

namespace SchoolSafety.BrowserTests;

/// <summary>The weekly checklist without a mouse, and without a connection for a while.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChecklistKeyboardAndOfflineTests(BrowserFixture browser)
{
    /// <summary>Presses Tab until the element with <paramref name="id"/> has the focus; fails if it never comes.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await page.EvaluateAsync<string>("document.activeElement && document.activeElement.id") == id) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached #{id} (stuck at #{await page.EvaluateAsync<string>("document.activeElement && document.activeElement.id")})");
    }

    /// <summary>
    /// Opens the focused photo field's file chooser with the keyboard, as a keyboard user does: Space, and when Chromium
    /// raised no chooser for it (seen in full runs on a loaded machine, once for two presses in a row), Enter, which
    /// opens a file field too.
    /// </summary>
    private static async Task<IFileChooser> KeyboardFileChooserAsync(IPage page, string fieldId)
    {
        await Assertions.Expect(page.Locator("#" + fieldId)).ToBeFocusedAsync();
        foreach (var key in new[] { "Space", "Enter" })
        {
            try
            {
                return await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync(key), new() { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                await Assertions.Expect(page.Locator("#" + fieldId)).ToBeFocusedAsync();
            }
        }
        return await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
    }

    [Fact]
    public async Task The_checklist_is_completed_and_submitted_with_the_keyboard_alone()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        await browser.App.ClearThisWeekAsync(school.Id);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "officer");
        await page.GotoAsync($"/Schools/{school.Id}/Inspections", new() { WaitUntil = WaitUntilState.Load });
        var count = await page.Locator(".inspection-item").CountAsync();
        const int hazard = 1;

        for (var i = 0; i < count; i++)
        {
            await TabToAsync(page, $"a{i}-Pass");
            // Space chooses 合格; in a radio group the arrow key moves on to 发现隐患, as for any radio group.
            await page.Keyboard.PressAsync("Space");
            if (i != hazard) continue;
            await page.Keyboard.PressAsync("ArrowRight");
            await TabToAsync(page, $"a{i}-desc");
            await page.Keyboard.TypeAsync("配电箱未上锁，箱门损坏");
            await TabToAsync(page, $"a{i}-place");
            await page.Keyboard.PressAsync("ArrowDown");
            await TabToAsync(page, $"a{i}-grade");
            await page.Keyboard.PressAsync("ArrowDown");
            await TabToAsync(page, $"a{i}-person");
            await page.Keyboard.TypeAsync("王强");
            await TabToAsync(page, $"a{i}-photos");
            var chooser = await KeyboardFileChooserAsync(page, $"a{i}-photos");
            await chooser.SetFilesAsync(Journey.Photo("switchbox.png"));
        }
        // The deadline came from the grade chosen with the keyboard.
        Assert.NotEqual("", await page.InputValueAsync($"#a{hazard}-deadline"));
        await TabToAsync(page, "submit-inspection");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#inspection-status")).ToHaveTextAsync("已提交");
        await Assertions.Expect(page.Locator("#tickets-opened")).ToContainTextAsync("配电箱未上锁");
    }

    [Fact]
    public async Task Answers_given_offline_stay_on_the_phone_and_are_sent_when_the_connection_is_back()
    {
        var school = await browser.App.SchoolAsync(DemoCounty.OfficerSchoolCode);
        await browser.App.ClearThisWeekAsync(school.Id);
        var page = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(page, "officer");
        await page.GotoAsync($"/Schools/{school.Id}/Inspections");
        var items = page.Locator(".inspection-item");
        for (var i = 0; i < 3; i++)
            await items.Nth(i).Locator("label[for$='-Pass']").ClickAsync();

        // The connection drops; the officer goes on and saves.
        await page.Context.SetOfflineAsync(true);
        await items.Nth(3).Locator("label[for$='-Pass']").ClickAsync();
        await page.FillAsync("#a3-note", "消防通道畅通，已拍照存档");
        var url = page.Url;
        await page.ClickAsync("#save-draft");
        await Assertions.Expect(page.Locator("#draft-status")).ToHaveTextAsync("网络已断开：填写内容已保存在本机，联网后自动发送。");
        Assert.Equal(url, page.Url);
        await BrowserFixture.ScreenshotAsync(page, "24-phone-inspection-offline");
        var week = SchoolWeek.Of(SchoolSafety.Common.ChinaTime.Today(browser.App.Clock)).Number;
        await using (var db = browser.App.Db())
            Assert.False(await db.Context.Inspections.AnyAsync(x => x.SchoolId == school.Id && x.WeekNumber == week && x.CampaignId == null));

        // Back online: the kept draft goes to the server by itself, nothing typed is lost.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#inspection-status")).ToHaveTextAsync("草稿");
        await Assertions.Expect(page.Locator("#a3-note")).ToHaveValueAsync("消防通道畅通，已拍照存档");
        await using (var db = browser.App.Db())
        {
            var saved = await db.Context.Inspections.Include(x => x.Results)
                .SingleAsync(x => x.SchoolId == school.Id && x.WeekNumber == week && x.CampaignId == null && x.IsCurrent);
            Assert.Equal(4, saved.Results.Count(r => r.Outcome == Outcome.Pass));
            Assert.Contains(saved.Results, r => r.Note == "消防通道畅通，已拍照存档");
        }

        // An answer given and not yet saved survives a reload of the page.
        await items.Nth(4).Locator("label[for$='-Pass']").ClickAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#a4-Pass")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#draft-status")).ToHaveTextAsync("已恢复本机上尚未保存的填写内容（照片需重新选择）。");
    }
}
