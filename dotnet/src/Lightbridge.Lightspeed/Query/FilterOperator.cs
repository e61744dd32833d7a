namespace Lightbridge.Lightspeed;

/// <summary>
/// The R-Series filter operators. The operator travels inside the value (<c>field=OP,value</c>) and is
/// URL-encoded with it (shared/reference/lightspeed-api.md §4); <c>~</c> is LIKE, not between.
/// </summary>
public enum FilterOperator
{
    /// <summary>Equals: the bare value (<c>field=value</c>).</summary>
    Equal = 0,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>; use it for timestamp cursors, since a strict <c>&gt;</c> loses same-second rows (§9.9).</summary>
    GreaterThanOrEqual,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;&lt;</c>: between two values, inclusive.</summary>
    Between,

    /// <summary><c>~</c>: LIKE, with <c>%</c> as the wildcard.</summary>
    Like,

    /// <summary><c>!~</c>: NOT LIKE.</summary>
    NotLike,

    /// <summary><c>IN</c>: one of at most 100 values.</summary>
    In,
}
