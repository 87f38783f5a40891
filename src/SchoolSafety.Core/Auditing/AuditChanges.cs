using System.Text.Json;

namespace SchoolSafety.Auditing;

/// <summary>Reads the <see cref="AuditEntry.Changes"/> JSON back as rows of field, before, after.</summary>
public static class AuditChanges
{
    public sealed record Row(string Field, string? Before, string? After);

    public static IReadOnlyList<Row> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject()
            .Select(p => new Row(p.Name, Text(p.Value, "Old"), Text(p.Value, "New")))
            .ToList();
    }

    private static string? Text(JsonElement change, string name) =>
        change.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;
}
