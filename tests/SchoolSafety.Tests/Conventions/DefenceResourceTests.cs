using System.Text.RegularExpressions;
using System.Xml.Linq;
using SchoolSafety.Defences;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Conventions;

/// <summary>The three-defences texts built from enums and the message keys of its rules exist in both languages.</summary>
public partial class DefenceResourceTests
{
    private static HashSet<string> Keys(string culture) =>
        XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Web", "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();

    private static IEnumerable<string> Named<T>(string prefix) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt32(v) != 0 || !typeof(T).IsDefined(typeof(FlagsAttribute), false)).Select(v => $"{prefix}.{v}");

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void Keys_built_from_the_defence_enums_exist(string culture)
    {
        var expected = Named<GapKind>("DefenceGap").Concat(Named<GapKind>("DefenceFigure"))
            .Concat(Named<DefenceSection>("DefenceSection")).Concat(Named<EducationLevel>("EducationLevel"))
            .Concat(Named<GuardEmployment>("GuardEmployment")).Concat(Named<AlarmState>("AlarmState"))
            .Concat(Named<KeyPlaces>("KeyPlaces")).Concat(Named<ProtectiveGear>("ProtectiveGear"))
            .Concat(new[] { nameof(DefenceRecord), nameof(DefenceGuard), nameof(StandardRuleSet) }.Select(e => "Entity." + e));
        Assert.Empty(expected.Except(Keys(culture)));
    }

    [Fact]
    public void Message_keys_of_the_defence_rules_exist()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "SchoolSafety.Core", "Defences", "DefenceRules.cs"));
        var used = MessageKey().Matches(source).Select(m => m.Groups["key"].Value).ToHashSet();
        Assert.True(used.Count > 15, $"only {used.Count} keys found");
        Assert.Empty(used.Except(Keys("zh-CN")));
    }

    [GeneratedRegex(@"""(?<key>(?:Defence|Standards)\.[A-Za-z]+)""")]
    private static partial Regex MessageKey();
}
