using System.Diagnostics.CodeAnalysis;
using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Normalization;

/// <summary>The result of normalizing one raw phone number: the E.164 number, or why it was rejected.</summary>
/// <param name="Number">The normalized number, or null when rejected.</param>
/// <param name="Problem">Why the number was rejected (no personal data), or null when valid.</param>
public sealed record PhoneNormalization(PhoneNumber? Number, string? Problem)
{
    /// <summary>Whether the raw value gave a usable number.</summary>
    [MemberNotNullWhen(true, nameof(Number))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Number is not null;

    /// <summary>A valid result.</summary>
    public static PhoneNormalization Valid(PhoneNumber number) => new(number, null);

    /// <summary>A rejected result with its reason.</summary>
    public static PhoneNormalization Invalid(string problem) => new(null, problem);
}
