using System.Diagnostics.CodeAnalysis;
using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Normalization;

/// <summary>The result of normalizing one raw email: the address, or why it was rejected.</summary>
/// <param name="Email">The normalized address, or null when rejected.</param>
/// <param name="Problem">Why the address was rejected (no personal data), or null when valid.</param>
public sealed record EmailNormalization(EmailAddress? Email, string? Problem)
{
    /// <summary>Whether the raw value gave a usable address.</summary>
    [MemberNotNullWhen(true, nameof(Email))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Email is not null;
}
