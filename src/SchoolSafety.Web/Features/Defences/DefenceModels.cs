using SchoolSafety.Defences;
using SchoolSafety.Jurisdictions;
using SchoolSafety.Schools;

namespace SchoolSafety.Web.Features.Defences;

/// <summary>One revision of a school's record, measured on its own effective date with the rules then in force.</summary>
public sealed record DefenceHistoryRow(DefenceRecord Record, SchoolDefenceStatus Status);

/// <summary>The school's three-defences page: the record in force today, its gaps, and every earlier revision.</summary>
public sealed record SchoolDefencesViewModel(School School, SchoolDefenceStatus Status, IReadOnlyList<DefenceHistoryRow> History, bool CanRecord, DateOnly Today);

/// <summary>One earlier (or the current) revision, read-only.</summary>
public sealed record DefenceRevisionViewModel(School School, SchoolDefenceStatus Status, bool IsCurrent);

/// <summary>
/// The form. <see cref="Stored"/> is set when the save was refused because someone else saved
/// first: the page shows it beside what this person typed.
/// </summary>
public sealed record DefenceFormViewModel(School School, DefenceInput Input, int GuardsRequired, StandardRuleSet Rules)
{
    public DefenceRecord? Stored { get; init; }
}

/// <summary>The county page: figures on a day for every school in the user's scope.</summary>
public sealed record DefenceCountyViewModel(DefenceFigureSet Figures, DateOnly On, DateOnly Today, IReadOnlyList<RetentionBucket> Retention, int RetentionRuleMin);

/// <summary>Schools with cameras whose footage is kept between From and To days (To null: no upper end).</summary>
public sealed record RetentionBucket(int From, int? To, int Schools);

public sealed class DefenceSchoolsQuery
{
    public GapKind? Gap { get; set; }
    public string? Township { get; set; }
    public SchoolType? Type { get; set; }
    public DateOnly? On { get; set; }
}

/// <summary>The schools behind one figure of the county page.</summary>
public sealed record DefenceSchoolsViewModel(DefenceSchoolsQuery Query, DateOnly On, IReadOnlyList<SchoolDefenceStatus> Schools);

/// <summary>The rule-set versions a user may see: their own node's line of ancestors and (for the bureau) the nodes below.</summary>
public sealed record StandardsViewModel(IReadOnlyList<StandardsNode> Nodes, DateOnly Today, bool CanEdit);

/// <summary>A node, the version in force there today (<see cref="InForceAt"/>: the node it comes from; null for the built-in defaults) and the node's own versions.</summary>
public sealed record StandardsNode(Jurisdiction Node, StandardRuleSet InForce, Jurisdiction? InForceAt, IReadOnlyList<StandardRuleSet> Versions);

public sealed record StandardsFormViewModel(Jurisdiction Node, StandardRuleSet Rules, int NextVersion);
