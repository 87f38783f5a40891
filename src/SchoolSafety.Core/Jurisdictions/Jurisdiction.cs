namespace SchoolSafety.Jurisdictions;

public enum JurisdictionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}

/// <summary>
/// A node of the administrative tree 省 → 州/市 → 区县. <see cref="Path"/> is the chain of
/// division codes from the root, e.g. <c>/530000/530400/530427/</c>, so "everything below a
/// node" is one prefix test at every level.
/// </summary>
public class Jurisdiction
{
    public int Id { get; set; }

    /// <summary>Administrative division code (行政区划代码), unique.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public JurisdictionLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Jurisdiction? Parent { get; set; }
    public List<Jurisdiction> Children { get; set; } = [];
    public string Path { get; set; } = "";

    public static Jurisdiction Create(string code, string name, JurisdictionLevel level, Jurisdiction? parent)
    {
        if (parent is not null && parent.Level >= level)
            throw new ArgumentException("A child must sit below its parent.", nameof(level));
        return new Jurisdiction
        {
            Code = code,
            Name = name,
            Level = level,
            Parent = parent,
            Path = (parent?.Path ?? "/") + code + "/",
        };
    }
}
