using SchoolSafety.Auditing;
using SchoolSafety.Common;

namespace SchoolSafety.Tests.Domain;

public class AuditChangesTests
{
    [Fact]
    public void Changes_read_back_as_field_before_after()
    {
        var rows = AuditChanges.Parse("""{"Name":{"Old":"甲","New":"乙"},"Students":{"Old":1,"New":2},"Address":{"Old":null,"New":"路"}}""");
        Assert.Equal([new("Name", "甲", "乙"), new("Students", "1", "2"), new("Address", null, "路")], rows);
    }

    [Fact]
    public void China_time_is_eight_hours_ahead_of_UTC_whatever_the_server_zone()
    {
        var utc = new DateTime(2026, 11, 30, 17, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 12, 1, 1, 30, 0), ChinaTime.FromUtc(utc));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(utc));
        Assert.Equal(new DateOnly(2026, 12, 1), ChinaTime.Today(clock));
    }
}
