using System.Globalization;
using System.Text.Json;
using Lightbridge.Lightspeed.Query;

namespace Lightbridge.Lightspeed;

/// <summary>One filter condition: a field, an operator and its value(s).</summary>
public sealed class LightspeedFilter
{
    /// <summary>At most 100 values in an <c>IN</c> list (shared/reference/lightspeed-api.md §4).</summary>
    public const int MaxInValues = 100;

    private LightspeedFilter(string field, FilterOperator op, IReadOnlyList<string> values)
    {
        Field = field;
        Operator = op;
        Values = values;
    }

    /// <summary>The field, e.g. <c>timeStamp</c> or <c>ItemShops.qoh</c> (a loaded relation's field).</summary>
    public string Field { get; }

    /// <summary>The operator.</summary>
    public FilterOperator Operator { get; }

    /// <summary>The values, already formatted for the wire but not yet URL-encoded.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Creates a condition; <see cref="FilterOperator.Between"/> takes two values, <see cref="FilterOperator.In"/> 1 to 100, the rest one.</summary>
    public static LightspeedFilter Create(string field, FilterOperator op, params string[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentNullException.ThrowIfNull(values);
        var expected = op switch
        {
            FilterOperator.Between => values.Length == 2,
            FilterOperator.In => values.Length is >= 1 and <= MaxInValues,
            _ => values.Length == 1,
        };
        if (!expected)
        {
            throw new ArgumentException($"{op} takes {(op == FilterOperator.Between ? "two values" : op == FilterOperator.In ? "1 to 100 values" : "one value")}, got {values.Length}.", nameof(values));
        }

        return new LightspeedFilter(field, op, [.. values]);
    }

    /// <summary>Creates a condition on an instant, written in UTC as the API expects (<c>2024-01-01T00:00:00+00:00</c>).</summary>
    public static LightspeedFilter Create(string field, FilterOperator op, DateTimeOffset value) =>
        Create(field, op, FormatInstant(value));

    /// <summary>
    /// Formats an instant for a filter: UTC, second resolution (the API's own), with an explicit offset
    /// whose <c>+</c> the encoder turns into <c>%2B</c> (§9.9).
    /// </summary>
    public static string FormatInstant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>The value part before URL encoding, e.g. <c>&gt;=,2024-01-01T00:00:00+00:00</c> or <c>IN,[1,2,3]</c>.</summary>
    public string ToRawValue() => Operator switch
    {
        FilterOperator.Equal => Values[0],
        FilterOperator.Between => $"{Operator.Prefix()},{Values[0]},{Values[1]}",
        FilterOperator.In => $"{Operator.Prefix()},[{string.Join(',', Values.Select(InListItem))}]",
        _ => $"{Operator.Prefix()},{Values[0]}",
    };

    // Ids and numbers go bare (`IN,[1,2,3]` as documented); anything else is quoted so a comma inside
    // a value cannot split it.
    private static string InListItem(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? value : JsonSerializer.Serialize(value);
}
