namespace Lightbridge.Lightspeed.Query;

/// <summary>The wire spelling of each <see cref="FilterOperator"/>, in one place (STYLE G5).</summary>
internal static class FilterOperatorWire
{
    public static string Prefix(this FilterOperator op) => op switch
    {
        FilterOperator.Equal => string.Empty,
        FilterOperator.NotEqual => "!=",
        FilterOperator.GreaterThan => ">",
        FilterOperator.GreaterThanOrEqual => ">=",
        FilterOperator.LessThan => "<",
        FilterOperator.LessThanOrEqual => "<=",
        FilterOperator.Between => "><",
        FilterOperator.Like => "~",
        FilterOperator.NotLike => "!~",
        FilterOperator.In => "IN",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown filter operator."),
    };

    public static string ToWire(this ArchivedFilter archived) => archived switch
    {
        ArchivedFilter.Exclude => "false",
        ArchivedFilter.Include => "true",
        ArchivedFilter.Only => "only",
        _ => throw new ArgumentOutOfRangeException(nameof(archived), archived, "Unknown archived filter."),
    };
}
