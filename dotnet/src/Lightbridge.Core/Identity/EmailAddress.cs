namespace Lightbridge.Core.Identity;

/// <summary>
/// A normalized email address (trimmed, lower-case, syntax checked). Built only by
/// <see cref="Normalization.EmailNormalizer"/>, so holding one means the address is usable for matching.
/// </summary>
/// <remarks><see cref="ToString"/> masks the address (<c>j***@example.com</c>) so it never reaches a log (STYLE G13).</remarks>
public sealed record EmailAddress
{
    internal EmailAddress(string value) => Value = value;

    /// <summary>The normalized address, e.g. <c>jane@example.com</c>. Personal data: never log it.</summary>
    public string Value { get; }

    /// <summary>The part after the <c>@</c>.</summary>
    public string Domain => Value[(Value.IndexOf('@', StringComparison.Ordinal) + 1)..];

    /// <summary>The masked form: the first character of the local part, <c>***</c>, then the domain.</summary>
    public override string ToString() => $"{Value[0]}***@{Domain}";
}
