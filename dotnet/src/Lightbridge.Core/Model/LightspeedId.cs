namespace Lightbridge.Core.Model;

/// <summary>
/// The id of a Lightspeed R-Series record, as the API sends it (a decimal string such as <c>"42"</c>).
/// A distinct type so a Lightspeed id can never be passed where another system's id is expected.
/// </summary>
/// <remarks>
/// Lightspeed sends <c>"0"</c> for an absent foreign key (<c>customerID "0"</c> is a walk-in,
/// <c>itemID "0"</c> a misc line; shared/reference/lightspeed-api.md §9.4), so
/// <see cref="FromWire"/> returns <see langword="null"/> for it: <c>"0"</c> is never an id.
/// </remarks>
public readonly record struct LightspeedId
{
    /// <summary>Creates an id from its wire value.</summary>
    /// <exception cref="ArgumentException">The value is empty, blank or <c>"0"</c>, which are "no id" on the wire.</exception>
    public LightspeedId(string value)
    {
        if (IsAbsent(value))
        {
            throw new ArgumentException("A Lightspeed id is a non-empty string other than \"0\" (\"0\" means no record).", nameof(value));
        }

        Value = value.Trim();
    }

    /// <summary>The wire value, e.g. <c>"42"</c>.</summary>
    public string Value { get; }

    /// <summary>Returns the id for a wire value, or <see langword="null"/> for <c>null</c>, <c>""</c> and <c>"0"</c>.</summary>
    public static LightspeedId? FromWire(string? value) => IsAbsent(value) ? null : new LightspeedId(value!);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    private static bool IsAbsent(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var trimmed = value.Trim();
        return trimmed == "0";
    }
}
