using System.Diagnostics.CodeAnalysis;

namespace Lightbridge.Core.Identity;

/// <summary>
/// A phone number in E.164 form (<c>+</c> then 8 to 15 digits), as produced by an
/// <see cref="Normalization.IPhoneNumberNormalizer"/>.
/// </summary>
/// <remarks><see cref="ToString"/> masks all but two leading and three trailing digits (<c>+44*******123</c>, STYLE G13).</remarks>
public sealed record PhoneNumber
{
    private const int MinDigits = 8;
    private const int MaxDigits = 15;

    private PhoneNumber(string value) => Value = value;

    /// <summary>The E.164 number, e.g. <c>+441632960123</c>. Personal data: never log it.</summary>
    public string Value { get; }

    /// <summary>Wraps a number already in E.164 form.</summary>
    /// <exception cref="FormatException">The value is not <c>+</c> followed by 8 to 15 digits, the first not zero.</exception>
    public static PhoneNumber FromE164(string value) =>
        TryFromE164(value, out var number) ? number : throw new FormatException("An E.164 number is '+' and 8 to 15 digits, the first not 0.");

    /// <summary>Wraps a number already in E.164 form; false when it is not.</summary>
    public static bool TryFromE164([NotNullWhen(true)] string? value, [NotNullWhen(true)] out PhoneNumber? number)
    {
        number = null;
        if (value is null || value.Length < MinDigits + 1 || value.Length > MaxDigits + 1 || value[0] != '+' || value[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        number = new PhoneNumber(value);
        return true;
    }

    /// <summary>The masked form, e.g. <c>+44*******123</c>.</summary>
    public override string ToString()
    {
        var digits = Value.Length - 1;
        return string.Concat("+", Value.AsSpan(1, 2), new string('*', digits - 5), Value.AsSpan(Value.Length - 3));
    }
}
