namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>
/// Parses the operator-in-value syntax, e.g. <c>timeStamp=&gt;=,2021-10-05T14:18:46+00:00</c>,
/// <c>itemID=&gt;&lt;,1,10</c>, <c>itemID=IN,[1,2,3]</c> (shared/reference/lightspeed-api.md section 4).
/// The value arrives already URL-decoded; a plain value means equality.
/// </summary>
internal static class FilterParser
{
    // Longest tokens first so ">=" is not read as ">".
    private static readonly (string Token, FilterOperator Operator)[] Operators =
    [
        (">=", FilterOperator.GreaterOrEqual),
        ("<=", FilterOperator.LessOrEqual),
        ("!=", FilterOperator.NotEqual),
        ("><", FilterOperator.Between),
        ("!~", FilterOperator.NotLike),
        ("IN", FilterOperator.In),
        (">", FilterOperator.GreaterThan),
        ("<", FilterOperator.LessThan),
        ("~", FilterOperator.Like),
        ("=", FilterOperator.Equal),
    ];

    /// <summary>Parses one value; returns false with a message when it is malformed.</summary>
    public static bool TryParse(string field, string value, out FilterCondition? condition, out string? error)
    {
        condition = null;
        error = null;
        foreach (var (token, op) in Operators)
        {
            if (value.Length > token.Length && value.StartsWith(token, StringComparison.Ordinal) && value[token.Length] == ',')
            {
                var rest = value[(token.Length + 1)..];
                return Build(field, op, rest, out condition, out error);
            }
        }

        condition = new FilterCondition(field, FilterOperator.Equal, [value]);
        return true;
    }

    private static bool Build(string field, FilterOperator op, string rest, out FilterCondition? condition, out string? error)
    {
        condition = null;
        error = null;
        switch (op)
        {
            case FilterOperator.Between:
                var parts = rest.Split(',');
                if (parts.Length != 2)
                {
                    error = $"Between filter on '{field}' needs two values: ><,low,high";
                    return false;
                }

                condition = new FilterCondition(field, op, parts);
                return true;
            case FilterOperator.In:
                if (!rest.StartsWith('[') || !rest.EndsWith(']'))
                {
                    error = $"IN filter on '{field}' needs a list: IN,[1,2,3]";
                    return false;
                }

                var items = rest[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(s => s.Trim('"'))
                    .ToArray();
                // The real API accepts at most 100 values (reference section 4, changelog 2022.05.20).
                if (items.Length > 100)
                {
                    error = $"IN filter on '{field}' accepts at most 100 values";
                    return false;
                }

                condition = new FilterCondition(field, op, items);
                return true;
            default:
                condition = new FilterCondition(field, op, [rest]);
                return true;
        }
    }
}
