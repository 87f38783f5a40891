using SchoolSafety.Reports;

namespace SchoolSafety.Tests.Reports;

public class CjkLineBreakerTests
{
    // Every character one unit wide: the widths below count characters.
    private static double Width(string s) => s.Length;

    [Fact]
    public void Chinese_text_breaks_between_characters()
    {
        var lines = CjkLineBreaker.Break("学校安全工作开展情况汇报", Width, 5);
        Assert.Equal(["学校安全工", "作开展情况", "汇报"], lines);
    }

    [Theory]
    [InlineData('，')]
    [InlineData('。')]
    [InlineData('、')]
    [InlineData('；')]
    [InlineData('：')]
    [InlineData('！')]
    [InlineData('？')]
    [InlineData('）')]
    [InlineData('」')]
    [InlineData('』')]
    [InlineData('》')]
    public void A_closing_mark_never_starts_a_line(char mark)
    {
        // "安全工作" fills the line exactly; the mark goes down with the character before it.
        var lines = CjkLineBreaker.Break($"安全工作{mark}重点部位", Width, 4);
        Assert.All(lines, l => Assert.False(CjkLineBreaker.ClosingMarks.Contains(l[0]), $"line starts with {l[0]}: {string.Join("|", lines)}"));
        Assert.Equal($"安全工作{mark}重点部位", string.Concat(lines));
        Assert.Equal(["安全工", $"作{mark}重点", "部位"], lines);
    }

    [Fact]
    public void Two_closing_marks_in_a_row_stay_with_the_character_before_them()
    {
        var lines = CjkLineBreaker.Break("（试行）》的要求", Width, 4);
        Assert.All(lines, l => Assert.False(CjkLineBreaker.ClosingMarks.Contains(l[0])));
        Assert.Equal("（试行）》的要求", string.Concat(lines));
    }

    [Fact]
    public void An_opening_mark_never_ends_a_line()
    {
        var lines = CjkLineBreaker.Break("对照《周检月查记录表》", Width, 3);
        Assert.All(lines, l => Assert.False(CjkLineBreaker.OpeningMarks.Contains(l[^1]), string.Join("|", lines)));
        Assert.Equal("对照《周检月查记录表》", string.Concat(lines));
    }

    [Theory]
    [InlineData("应配保安232名，现仅125名，缺107名", "232")]
    [InlineData("围墙有效高度不低于2.5米", "2.5")]
    [InlineData("隐患编号XP004-2026-0007已销号", "XP004-2026-0007")]
    [InlineData("整改率为87.5%，其中", "87.5%，")]
    public void Numbers_stay_whole(string text, string number)
    {
        for (var width = number.Length; width <= number.Length + 8; width++)
        {
            var lines = CjkLineBreaker.Break(text, Width, width);
            Assert.Equal(text, string.Concat(lines));
            Assert.Contains(lines, l => l.Contains(number));
            Assert.All(lines, l => Assert.True(l.Length <= width, $"{width}: {string.Join("|", lines)}"));
        }
    }

    [Fact]
    public void Latin_words_stay_whole_and_spaces_between_them_break()
    {
        var lines = CjkLineBreaker.Break("安装 one-key alarm 报警", Width, 9);
        Assert.Equal(["安装", "one-key", "alarm 报警"], lines);
    }

    [Fact]
    public void A_unit_wider_than_the_line_is_cut_as_a_last_resort()
    {
        var lines = CjkLineBreaker.Break("编号ABCDEFGHIJ", Width, 4);
        Assert.Equal(["编号", "ABCD", "EFGH", "IJ"], lines);
    }

    [Fact]
    public void Widths_come_from_the_measure_the_first_line_can_be_narrower_and_line_feeds_break()
    {
        // Latin half as wide as Chinese.
        static double Measure(string s) => s.Sum(c => c < 0x80 ? 0.5 : 1.0);
        var lines = CjkLineBreaker.Break("一二三四五六七八\n2026年11月25日", Measure, 4, 6);
        Assert.Equal(["一二三四", "五六七八", "2026年11", "月25日"], lines);
        Assert.All(lines, l => Assert.True(Measure(l) <= 6));
    }

    [Fact]
    public void Empty_text_is_one_empty_line()
    {
        Assert.Equal([""], CjkLineBreaker.Break("", Width, 4));
    }
}
