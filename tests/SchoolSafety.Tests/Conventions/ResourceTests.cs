using System.Text.RegularExpressions;
using System.Xml.Linq;
using SchoolSafety.Auditing;
using SchoolSafety.Identity;
using SchoolSafety.Schools;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Conventions;

/// <summary>Every string a user sees comes from the resources, in both languages.</summary>
public partial class ResourceTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string WebProject = Path.Combine(Root, "src", "SchoolSafety.Web");

    private static Dictionary<string, string> Load(string culture) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void Both_languages_have_the_same_keys_and_no_empty_text()
    {
        var zh = Load("zh-CN");
        var en = Load("en-US");
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.Empty(zh.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        Assert.Empty(en.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        Assert.Empty(en.Where(kv => HanRegex().IsMatch(kv.Value) && !kv.Key.StartsWith("Csv.")).Select(kv => kv.Key));
    }

    [Fact]
    public void Every_key_used_in_code_and_views_exists()
    {
        var keys = Load("zh-CN").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => KeyRegex().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Where(k => !k.EndsWith('.'))
            .ToHashSet();
        Assert.True(used.Count > 100, $"only {used.Count} keys found");
        Assert.Empty(used.Except(keys).Order());
    }

    [Fact]
    public void Keys_built_from_enums_and_codes_exist()
    {
        var keys = Load("zh-CN").Keys.ToHashSet();
        var expected = Enum.GetNames<SchoolType>().Select(n => "SchoolType." + n)
            .Concat(Roles.All.Select(r => "Role." + r))
            .Concat(Enum.GetNames<AuditAction>().Select(a => "AuditAction." + a))
            .Concat(new[] { nameof(School), nameof(AppUser), "Jurisdiction", "IdentityUserRole" }.Select(e => "Entity." + e))
            .Concat(new[] { 400, 403, 404, 429, 500 }.SelectMany(c => new[] { $"Error.{c}.Title", $"Error.{c}.Text" }))
            .Concat(typeof(SchoolSafety.Web.Infrastructure.LocalizedIdentityErrorDescriber)
                .GetMethods().Where(m => m.DeclaringType == typeof(SchoolSafety.Web.Infrastructure.LocalizedIdentityErrorDescriber))
                .Select(m => "Identity." + m.Name));
        Assert.Empty(expected.Except(keys));
    }

    // L["Key"], l["Key", ...], ErrorMessage = "Key", Display(Name = "Key"), and the "Csv.Key" messages of the import
    [GeneratedRegex(@"(?:\b[Ll]\[|ErrorMessage = |Display\(Name = )""(?<key>[A-Z][A-Za-z]+\.[A-Za-z0-9_.]+)""|""(?<key>Csv\.[A-Za-z]+)""")]
    private static partial Regex KeyRegex();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanRegex();
}
