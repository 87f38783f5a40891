namespace SchoolSafety.Auditing;

/// <summary>Who is making the change, for the audit trail. Null ids mean the system itself (seeding, start-up).</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string? UserName { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();
    public string? UserId => null;
    public string? UserName => "system";
}
