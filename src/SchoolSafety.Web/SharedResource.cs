namespace SchoolSafety.Web;

/// <summary>Marker for the one shared resource set: Resources/SharedResource.{zh-CN,en-US}.resx.</summary>
public sealed class SharedResource;
