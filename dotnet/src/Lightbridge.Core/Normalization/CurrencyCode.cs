using System.Diagnostics.CodeAnalysis;

namespace Lightbridge.Core.Normalization;

/// <summary>An ISO 4217 currency code (three upper-case letters), as stored in <c>Currency_Code__c</c>.</summary>
public readonly record struct CurrencyCode
{
    private CurrencyCode(string value) => Value = value;

    /// <summary>The code, e.g. <c>USD</c>.</summary>
    public string Value { get; }

    /// <summary>Parses a code, accepting any case and surrounding spaces.</summary>
    /// <exception cref="FormatException">The value is not three ASCII letters.</exception>
    public static CurrencyCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException("A currency code is three letters (ISO 4217).");

    /// <summary>Parses a code, accepting any case and surrounding spaces; false when it is not three ASCII letters.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out CurrencyCode code)
    {
        code = default;
        var trimmed = value?.Trim();
        if (trimmed is not { Length: 3 } || !trimmed.All(char.IsAsciiLetter))
        {
            return false;
        }

        code = new CurrencyCode(trimmed.ToUpperInvariant());
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
