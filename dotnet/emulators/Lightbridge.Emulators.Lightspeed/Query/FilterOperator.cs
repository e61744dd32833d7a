namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>The operators R-Series accepts inside a filter value (shared/reference/lightspeed-api.md section 4).</summary>
internal enum FilterOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    Between,
    Like,
    NotLike,
    In,
}
