namespace SchoolSafety.Notifications;

/// <summary>
/// An in-app notification (the bell). Text comes from the resources at display time:
/// <see cref="MessageKey"/> with <see cref="Args"/>. (UserId, Kind, Key) is unique, so a reminder
/// is created at most once even when two instances run the same job.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Key { get; set; } = "";
    public int? SchoolId { get; set; }
    public string MessageKey { get; set; } = "";

    /// <summary>Arguments of the message, separated by '|'.</summary>
    public string Args { get; set; } = "";
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
