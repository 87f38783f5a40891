using Microsoft.Extensions.Time.Testing;
using SchoolSafety.Files;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Jurisdictions;

namespace SchoolSafety.Tests.Domain;

public class InspectionScheduleTests
{
    private static readonly ChecklistTemplate V1 = WithIds(DefaultChecklist.Create(new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc)));
    private static readonly HashSet<string> Nothing = [];

    private static ChecklistTemplate WithIds(ChecklistTemplate t)
    {
        foreach (var i in t.Items) i.Id = i.Number;
        return t;
    }

    private static SchoolWeek WeekOf(int year, int month, int day) => SchoolWeek.Of(new DateOnly(year, month, day));

    [Fact]
    public void The_default_template_has_28_items_with_check_points_in_both_languages()
    {
        Assert.Equal(28, V1.Items.Count);
        Assert.Equal(Enumerable.Range(1, 28), V1.Items.Select(i => i.Number));
        Assert.All(V1.Items, i =>
        {
            Assert.InRange(i.CheckPoints.Count, 2, 4);
            Assert.All(i.CheckPoints, p => Assert.False(string.IsNullOrWhiteSpace(p.TextZh) || string.IsNullOrWhiteSpace(p.TextEn)));
        });
        Assert.Equal(("防溺水", ItemFrequency.Seasonal, 4, 10), (V1.Items[5].NameZh, V1.Items[5].Frequency, V1.Items[5].SeasonStartMonth, V1.Items[5].SeasonEndMonth));
    }

    [Fact]
    public void The_first_week_of_a_month_is_due_every_item()
    {
        Assert.Equal(28, InspectionSchedule.DueItems(V1, WeekOf(2026, 12, 2), Nothing).Count);
    }

    [Fact]
    public void Monthly_items_answered_earlier_in_the_month_are_not_due_again_but_weekly_ones_are()
    {
        var monthly = V1.Items.Where(i => i.Frequency == ItemFrequency.Monthly).Select(i => i.Key).Append("I06").ToHashSet();
        var due = InspectionSchedule.DueItems(V1, WeekOf(2026, 12, 9), monthly);
        Assert.All(due, i => Assert.NotEqual(ItemFrequency.Monthly, i.Frequency));
        Assert.Contains(due, i => i.Key == "I03");   // fire safety, weekly
        Assert.DoesNotContain(due, i => i.Key == "I06"); // drowning is monthly in December and was done
        // One monthly item still outstanding stays due until it is done.
        var oneLeft = monthly.Where(k => k != "I28").ToHashSet();
        Assert.Contains(InspectionSchedule.DueItems(V1, WeekOf(2026, 12, 16), oneLeft), i => i.Key == "I28");
    }

    [Fact]
    public void A_week_across_two_months_belongs_to_the_month_of_its_Thursday()
    {
        // Monday 28 September 2026 to Sunday 4 October: Thursday is 1 October.
        var week = WeekOf(2026, 9, 30);
        Assert.Equal((2026, 10), InspectionSchedule.MonthOf(week));
        // Monday 30 November to Sunday 6 December: December.
        Assert.Equal((2026, 12), InspectionSchedule.MonthOf(WeekOf(2026, 11, 30)));
    }

    [Theory]
    [InlineData(2026, 3, 25, false)] // Thursday 26 March: monthly
    [InlineData(2026, 4, 1, true)]   // Monday 30 March, Thursday 2 April: the season has begun
    [InlineData(2026, 10, 28, true)] // Thursday 29 October
    [InlineData(2026, 11, 4, false)] // Thursday 5 November: monthly again
    public void Drowning_prevention_is_weekly_from_April_to_October(int y, int m, int d, bool weekly)
    {
        var drowning = V1.Items.Single(i => i.Key == "I06");
        var week = WeekOf(y, m, d);
        Assert.Equal(weekly, InspectionSchedule.IsWeeklyIn(drowning, week));
        // Weekly in season means due even when already answered this month.
        Assert.Equal(InspectionSchedule.IsWeeklyIn(drowning, week), InspectionSchedule.DueItems(V1, week, new HashSet<string> { "I06" }).Contains(drowning));
    }

    [Fact]
    public void A_template_change_mid_month_keeps_what_was_done_by_item_key()
    {
        var v2 = WithIds(DefaultChecklist.Create(DateTime.UtcNow));
        foreach (var i in v2.Items) i.Id += 100;
        v2.Items.RemoveAt(27); // I28 retired
        var done = V1.Items.Where(i => i.Frequency == ItemFrequency.Monthly).Select(i => i.Key).ToHashSet();
        var due = InspectionSchedule.DueItems(v2, WeekOf(2026, 12, 9), done);
        Assert.All(due, i => Assert.True(i.Id > 100));
        Assert.DoesNotContain(due, i => i.Frequency == ItemFrequency.Monthly);
    }

    [Fact]
    public void Weeks_of_a_term_and_weeks_outside_it()
    {
        var county = Jurisdiction.Create("530427", "新平县", JurisdictionLevel.County, null);
        var term = new Term { Jurisdiction = county, Name = "2020年秋季学期", Start = new DateOnly(2020, 9, 1), End = new DateOnly(2021, 1, 22) };
        var weeks = term.Weeks().ToList();
        Assert.Equal(new SchoolWeek(2020, 36), weeks[0]);   // Monday 31 August: Tuesday 1 September is in the term
        Assert.Equal(new SchoolWeek(2021, 3), weeks[^1]);   // Monday 18 January 2021
        Assert.Equal(21, weeks.Count);
        Assert.False(term.Contains(new SchoolWeek(2021, 4)));
        Assert.Equal(new DateOnly(2020, 9, 7), new SchoolWeek(2020, 37).Monday);
        Assert.True(SchoolWeek.TryParse(202653, out _));
        Assert.False(SchoolWeek.TryParse(202153, out _));    // 2021 has 52 ISO weeks
        Assert.False(SchoolWeek.TryParse(999, out _));
    }

    [Fact]
    public void A_submit_needs_every_answer_a_reason_for_not_applicable_and_the_details_of_a_hazard()
    {
        var today = new DateOnly(2026, 11, 25);
        var inspection = new Inspection
        {
            Results =
            [
                new() { ItemId = 1 },
                new() { ItemId = 2, Outcome = Outcome.NotApplicable },
                new() { ItemId = 3, Outcome = Outcome.Hazard, HazardDescription = "灭火器过期", Deadline = today.AddDays(-1) },
                new() { ItemId = 4, Outcome = Outcome.Pass },
            ],
        };
        var errors = InspectionRules.CheckForSubmit(inspection, today).Select(e => (e.ItemId, e.Field)).ToList();
        Assert.Equal(
            [(1, "Outcome"), (2, "NotApplicableReason"), (3, "HazardPlace"), (3, "HazardGrade"), (3, "ResponsiblePerson"), (3, "Deadline"), (3, "Photos")],
            errors);
    }

    [Fact]
    public void Submitting_opens_one_numbered_ticket_per_hazard_and_only_a_draft_can_be_submitted()
    {
        var now = new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);
        var inspection = new Inspection
        {
            SchoolId = 4,
            Results =
            [
                new() { ItemId = 3, Outcome = Outcome.Hazard, HazardDescription = " 灭火器压力不足 ", HazardPlace = HazardPlace.TeachingBuilding,
                        HazardGrade = HazardGrade.General, ResponsiblePerson = "许玉", Deadline = new DateOnly(2026, 12, 2), Photos = [new StoredFile()] },
                new() { ItemId = 4, Outcome = Outcome.Pass },
                new() { ItemId = 20, Outcome = Outcome.Hazard, HazardDescription = "宿舍私拉电线", HazardPlace = HazardPlace.Dormitory,
                        HazardGrade = HazardGrade.Major, ResponsiblePerson = "王建华", Deadline = new DateOnly(2026, 12, 25), Photos = [new StoredFile()] },
            ],
        };
        var tickets = InspectionRules.Submit(inspection, now, "u1", "XP004", lastNumber: 41);
        Assert.Equal(["XP004-2026-0042", "XP004-2026-0043"], tickets.Select(t => t.Number));
        Assert.Equal(("灭火器压力不足", HazardStatus.Open, HazardSource.Inspection), (tickets[0].Description, tickets[0].Status, tickets[0].Source));
        Assert.Equal(InspectionStatus.Submitted, inspection.Status);
        Assert.Throws<InvalidOperationException>(() => InspectionRules.Submit(inspection, now, "u1", "XP004", 43));

        InspectionRules.SignOff(inspection, now, "leader");
        Assert.Equal(InspectionStatus.SignedOff, inspection.Status);
        Assert.Throws<InvalidOperationException>(() => InspectionRules.SignOff(inspection, now, "leader"));
    }

    [Fact]
    public void A_major_hazard_needs_interim_measures_which_the_ticket_keeps()
    {
        var today = new DateOnly(2026, 11, 25);
        var result = new InspectionResult
        {
            ItemId = 13, Outcome = Outcome.Hazard, HazardDescription = "教学楼外墙开裂", HazardPlace = HazardPlace.TeachingBuilding,
            HazardGrade = HazardGrade.Major, ResponsiblePerson = "王建华", Deadline = today.AddDays(30), Photos = [new StoredFile()],
        };
        var inspection = new Inspection { Results = [result] };
        Assert.Equal([(13, "InterimMeasures")], InspectionRules.CheckForSubmit(inspection, today).Select(e => (e.ItemId, e.Field)));
        result.InterimMeasures = "停止使用三楼教室，设置警戒线";
        Assert.Empty(InspectionRules.CheckForSubmit(inspection, today));
        var ticket = Assert.Single(InspectionRules.Submit(inspection, DateTime.UtcNow, "u", "XP004", 0));
        Assert.Equal("停止使用三楼教室，设置警戒线", ticket.InterimMeasures);
    }

    [Fact]
    public void Default_deadlines_follow_the_grade()
    {
        var found = new DateOnly(2026, 11, 25);
        Assert.Equal(new DateOnly(2026, 12, 2), HazardRules.DefaultDeadline(HazardGrade.General, found));
        Assert.Equal(new DateOnly(2026, 12, 25), HazardRules.DefaultDeadline(HazardGrade.Major, found));
    }
}

public class FileStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"schoolsafety-files-{Guid.NewGuid():N}");
    private readonly FileStorage _storage;

    public FileStorageTests() =>
        _storage = new FileStorage(new FileStorageOptions { Root = _root, MaxBytes = 1024 }, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero)));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg", ".jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png", ".png")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp", ".webp")]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63 }, "image/heic", ".heic")]
    public async Task Photos_are_recognised_by_their_bytes_and_stored_under_a_new_name(byte[] bytes, string type, string extension)
    {
        var file = await _storage.SaveImageAsync(new MemoryStream(bytes), bytes.Length, 4, "u1");
        Assert.Equal(type, file.ContentType);
        Assert.StartsWith("2026/11/", file.StorageKey);
        Assert.EndsWith(extension, file.StorageKey);
        await using var stored = _storage.Open(file);
        var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Text_renamed_to_jpg_empty_files_and_oversized_files_are_refused()
    {
        var text = "<html>not a photo</html>"u8.ToArray();
        Assert.Equal("File.NotAnImage", (await Assert.ThrowsAsync<FileRejectedException>(() => _storage.SaveImageAsync(new MemoryStream(text), text.Length, 4, null))).MessageKey);
        Assert.Equal("File.Empty", (await Assert.ThrowsAsync<FileRejectedException>(() => _storage.SaveImageAsync(new MemoryStream(), 0, 4, null))).MessageKey);
        Assert.Equal("File.TooLarge", (await Assert.ThrowsAsync<FileRejectedException>(() => _storage.SaveImageAsync(new MemoryStream(new byte[2048]), 2048, 4, null))).MessageKey);
        Assert.False(Directory.Exists(_root) && Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_large_photo_is_scaled_down_to_1600_pixels_and_kept_as_JPEG_and_a_small_one_is_kept_as_sent()
    {
        var storage = new FileStorage(new FileStorageOptions { Root = _root, MaxBytes = 10 * 1024 * 1024 }, new FakeTimeProvider());
        byte[] Png(int w, int h)
        {
            using var bitmap = new SkiaSharp.SKBitmap(w, h);
            using (var canvas = new SkiaSharp.SKCanvas(bitmap)) canvas.Clear(SkiaSharp.SKColors.OrangeRed);
            using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
            return image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
        }

        var big = Png(3200, 2400);
        var stored = await storage.SaveImageAsync(new MemoryStream(big), big.Length, 4, null);
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.EndsWith(".jpg", stored.StorageKey);
        await using (var file = storage.Open(stored))
        {
            using var codec = SkiaSharp.SKCodec.Create(file);
            Assert.Equal((1600, 1200), (codec.Info.Width, codec.Info.Height));
        }

        var small = Png(800, 600);
        var kept = await storage.SaveImageAsync(new MemoryStream(small), small.Length, 4, null);
        Assert.Equal(("image/png", small.Length), (kept.ContentType, (int)kept.Length));
    }

    [Fact]
    public async Task A_small_JPEG_is_re_encoded_and_loses_its_EXIF_GPS_position()
    {
        var storage = new FileStorage(new FileStorageOptions { Root = _root, MaxBytes = 10 * 1024 * 1024 }, new FakeTimeProvider());
        byte[] plain;
        using (var bitmap = new SkiaSharp.SKBitmap(40, 30))
        {
            using (var canvas = new SkiaSharp.SKCanvas(bitmap)) canvas.Clear(SkiaSharp.SKColors.SteelBlue);
            using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
            plain = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90).ToArray();
        }
        // An EXIF block as a phone writes it: IFD0 points to a GPS IFD with latitude N 23° 37' 5".
        byte[] tiff =
        [
            0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,                   // little-endian TIFF, IFD0 at 8
            0x01, 0x00, 0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // GPSInfo -> 26
            0x02, 0x00,                                                       // GPS IFD: 2 entries
            0x01, 0x00, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0x4E, 0x00, 0x00, 0x00, // GPSLatitudeRef "N"
            0x02, 0x00, 0x05, 0x00, 0x03, 0x00, 0x00, 0x00, 0x38, 0x00, 0x00, 0x00, // GPSLatitude -> 56
            0x00, 0x00, 0x00, 0x00,
            0x17, 0, 0, 0, 1, 0, 0, 0, 0x25, 0, 0, 0, 1, 0, 0, 0, 0x05, 0, 0, 0, 1, 0, 0, 0,
        ];
        byte[] exif = [.. "Exif\0\0"u8, .. tiff];
        var length = exif.Length + 2;
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. plain[2..]];
        Assert.True(Contains(photo, "Exif\0\0"u8.ToArray()));
        using (var codec = SkiaSharp.SKCodec.Create(new MemoryStream(photo))) Assert.Equal((40, 30), (codec!.Info.Width, codec.Info.Height));

        var stored = await storage.SaveImageAsync(new MemoryStream(photo), photo.Length, 4, null);
        Assert.Equal("image/jpeg", stored.ContentType);
        await using var file = storage.Open(stored);
        var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        var bytes = copy.ToArray();
        Assert.False(Contains(bytes, "Exif\0\0"u8.ToArray()), "the EXIF block survived");
        Assert.False(Contains(bytes, tiff[28..40]), "the GPS latitude entry survived");
        using (var codec = SkiaSharp.SKCodec.Create(new MemoryStream(bytes))) Assert.Equal((40, 30), (codec!.Info.Width, codec.Info.Height));
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public void A_storage_key_cannot_escape_the_storage_folder()
    {
        Assert.Throws<InvalidOperationException>(() => _storage.Open(new StoredFile { StorageKey = "../../etc/passwd" }));
    }
}

public class TemplateVersionTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_draft_is_a_deep_copy_and_publishing_freezes_it()
    {
        var v1 = DefaultChecklist.Create(Now);
        var draft = v1.CopyAsDraft(2, Now);
        Assert.Equal((2, TemplateStatus.Draft, true), (draft.Version, draft.Status, draft.IsEditable));
        Assert.Equal(v1.Items.Select(i => (i.Key, i.NameZh, i.CheckPoints.Count)), draft.Items.Select(i => (i.Key, i.NameZh, i.CheckPoints.Count)));
        draft.Items[0].NameZh = "改";
        draft.Items[0].CheckPoints[0].TextZh = "改";
        Assert.Equal("安全生产", v1.Items[0].NameZh);
        Assert.NotEqual("改", v1.Items[0].CheckPoints[0].TextZh);

        draft.Publish(Now);
        Assert.False(draft.IsEditable);
        Assert.Throws<InvalidOperationException>(() => draft.Publish(Now));
        Assert.Throws<InvalidOperationException>(() => new ChecklistTemplate { Status = TemplateStatus.Draft }.Publish(Now));
    }

    [Fact]
    public void New_items_get_keys_never_used_before_even_by_retired_items()
    {
        var draft = DefaultChecklist.Create(Now).CopyAsDraft(2, Now);
        draft.Items.RemoveAll(i => i.Key == "I28");
        Assert.Equal("I29", draft.NextKey(["I28"]));
        Assert.Equal("I31", draft.NextKey(["I30"]));
    }

    [Fact]
    public void A_revision_copies_every_answer_and_photo_and_retires_the_submitted_one()
    {
        var submitted = new Inspection
        {
            Id = 7, SchoolId = 4, TemplateId = 1, WeekNumber = 202648, Status = InspectionStatus.Submitted,
            Results = [new() { Id = 70, ItemId = 3, Outcome = Outcome.Hazard, HazardDescription = "灭火器", Photos = [new() { Id = Guid.NewGuid(), StorageKey = "2026/11/a.jpg", SchoolId = 4 }] }],
        };
        var revision = InspectionRules.Revise(submitted, Now, "u1");
        Assert.False(submitted.IsCurrent);
        Assert.Equal((2, 7, true, InspectionStatus.Draft), (revision.Revision, revision.SupersedesId, revision.IsCurrent, revision.Status));
        var copy = Assert.Single(revision.Results);
        Assert.Equal((70, "灭火器"), (copy.CopiedFromResultId, copy.HazardDescription));
        Assert.Equal("2026/11/a.jpg", Assert.Single(copy.Photos).StorageKey);
        Assert.NotEqual(submitted.Results[0].Photos[0].Id, copy.Photos[0].Id);
        Assert.Throws<InvalidOperationException>(() => InspectionRules.Revise(submitted, Now, "u1"));

        // On resubmission the copied hazard opens no second ticket.
        var tickets = InspectionRules.Submit(revision, Now, "u1", "XP004", 5, new HashSet<int> { 70 });
        Assert.Empty(tickets);
    }
}
