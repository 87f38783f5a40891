using System.Text.RegularExpressions;
using SchoolSafety.Tests.Infrastructure;

namespace SchoolSafety.Tests.Conventions;

/// <summary>
/// No code of the product removes or rewrites audit rows: no purge job, no clean-up, no raw SQL on the table. So the
/// trail is kept as long as the database is (at least the six months the bureau must keep it; see docs/security.md).
/// </summary>
public partial class AuditConventionTests
{
    [GeneratedRegex(@"AuditEntr(y|ies)\b[^;]*\.(Remove|RemoveRange|ExecuteDelete|ExecuteDeleteAsync|ExecuteUpdate|ExecuteUpdateAsync|Update|Attach)\s*\(", RegexOptions.Singleline)]
    private static partial Regex ChangesThroughEf();

    [GeneratedRegex(@"(DELETE\s+FROM|UPDATE|TRUNCATE(\s+TABLE)?|DROP\s+TABLE)\s+[\[""`]?AuditEntries", RegexOptions.IgnoreCase)]
    private static partial Regex ChangesThroughSql();

    [Fact]
    public void No_source_file_deletes_or_updates_audit_entries()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        // Migrations create the table; the initial one's Down() drops it, as every migration's Down does.
                        && !f.Contains(".Migrations."))
            .ToList();
        Assert.True(files.Count > 50);
        var offenders = files
            .Where(f => File.ReadAllText(f) is var text && (ChangesThroughEf().IsMatch(text) || ChangesThroughSql().IsMatch(text)))
            .Select(f => Path.GetRelativePath(src, f))
            // The guards themselves name the operations they refuse.
            .Where(f => !f.EndsWith("AuditAppendOnlyInterceptor.cs") && !f.EndsWith("AppDbContext.cs"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_patterns_find_what_they_look_for()
    {
        Assert.Matches(ChangesThroughEf(), "db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);");
        Assert.Matches(ChangesThroughEf(), "db.AuditEntries.RemoveRange(old);");
        Assert.Matches(ChangesThroughSql(), "DELETE FROM \"AuditEntries\" WHERE \"At\" < @p");
        Assert.DoesNotMatch(ChangesThroughEf(), "db.AuditEntries.Add(entry); db.Schools.Remove(school);");
    }
}
