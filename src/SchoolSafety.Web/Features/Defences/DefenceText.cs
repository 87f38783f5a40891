using System.Globalization;
using Microsoft.Extensions.Localization;
using SchoolSafety.Defences;

namespace SchoolSafety.Web.Features.Defences;

/// <summary>Turns gaps and flag sets into the user's language: resource <c>DefenceGap.{Kind}</c> with its values.</summary>
public static class DefenceText
{
    public static string Gap(IStringLocalizer l, DefenceGap gap) =>
        l[$"DefenceGap.{gap.Kind}", gap.Args.Select(a => Value(l, a)).ToArray<object>()].Value;

    public static string Value(IStringLocalizer l, object? value) => value switch
    {
        KeyPlaces k => Flags(l, k),
        ProtectiveGear g => Flags(l, g),
        EducationLevel e => l[$"EducationLevel.{e}"].Value,
        DateOnly d => d.ToString("yyyy-MM-dd"),
        decimal m => Metres(m),
        null => "",
        _ => Convert.ToString(value, CultureInfo.CurrentCulture) ?? "",
    };

    /// <summary>The set flags of a flags enum as a list, e.g. "校门、食堂及库房"; "—" when none.</summary>
    public static string Flags<T>(IStringLocalizer l, T value) where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Where(f => Convert.ToInt32(f) != 0 && value.HasFlag(f)).Select(f => l[$"{typeof(T).Name}.{f}"].Value).ToList();
        return names.Count == 0 ? "—" : string.Join(l["Defence.ListSeparator"].Value, names);
    }

    public static string Metres(decimal m) => m.ToString("0.0#", CultureInfo.InvariantCulture);

    /// <summary>"新平县 第 2 版（2025-01-01 起）" or the built-in defaults.</summary>
    public static string RuleSetName(IStringLocalizer l, StandardRuleSet r) =>
        r.Jurisdiction is null ? l["Standards.BuiltIn"].Value
            : l["Standards.VersionName", r.Jurisdiction.Name, r.Version, r.EffectiveFrom.ToString("yyyy-MM-dd")].Value;
}
