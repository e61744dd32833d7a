namespace Lightbridge.Lightspeed.Wire;

/// <summary>
/// An amount or quantity as read from the wire: its value, nothing (the field was absent, null or <c>""</c>), or the
/// fact that the text was not a number. Keeping "malformed" apart from "absent" lets validation queue a sale whose
/// <c>calcTotal</c> reads <c>"12,50"</c> instead of loading it with a total of zero.
/// </summary>
/// <param name="Value">The number; null when absent or malformed.</param>
/// <param name="Malformed">Whether a value was there but was not a number.</param>
internal readonly record struct WireNumber(decimal? Value, bool Malformed)
{
    /// <summary>A well-formed number.</summary>
    public static WireNumber Of(decimal value) => new(value, false);

    /// <summary>A value that was there but was not a number.</summary>
    public static WireNumber Bad { get; } = new(null, true);

    /// <summary>Whether a number was read.</summary>
    public bool HasValue => Value is not null;
}
