using System.Diagnostics.CodeAnalysis;

namespace Lightbridge.Core.Identity;

/// <summary>
/// A Salesforce record id in its 18-character, case-insensitive-safe form: 15 case-sensitive base-62 characters
/// followed by a 3-character checksum that encodes their case (shared/reference/salesforce-api.md §7,
/// "18-char IDs with a correct checksum"). Two ids are equal when their 18-character forms are equal.
/// </summary>
public readonly record struct SalesforceId
{
    private const string ChecksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceId(string value18) => Value = value18;

    /// <summary>The 18-character id.</summary>
    public string Value { get; }

    /// <summary>The 3-character key prefix that names the object (<c>003</c> Contact, <c>00Q</c> Lead, ...).</summary>
    public string KeyPrefix => Value[..3];

    /// <summary>The 15-character, case-sensitive form.</summary>
    public string To15() => Value[..15];

    /// <summary>Parses a 15- or 18-character id; an 18-character id must carry the right checksum.</summary>
    /// <exception cref="FormatException">The value is not a Salesforce id.</exception>
    public static SalesforceId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException("A Salesforce id has 15 or 18 letters and digits, and an 18-character id a valid checksum.");

    /// <summary>
    /// Parses a 15- or 18-character id. A 15-character id gains its checksum; an 18-character id whose checksum does not
    /// match the case of its first 15 characters is rejected (it was mistyped, or lower-cased by a case-insensitive store).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out SalesforceId id)
    {
        id = default;
        if (value is null || (value.Length != 15 && value.Length != 18))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        var checksum = Checksum(value.AsSpan(0, 15));
        if (value.Length == 18 && !value.AsSpan(15).Equals(checksum, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        id = new SalesforceId(string.Concat(value.AsSpan(0, 15), checksum));
        return true;
    }

    /// <summary>Computes the 3-character suffix of a 15-character id.</summary>
    /// <remarks>
    /// Each 5-character chunk yields one suffix character: bit <c>i</c> is set when character <c>i</c> of the chunk is an
    /// upper-case letter, and the 5-bit number indexes <c>A–Z0–5</c>.
    /// </remarks>
    public static string Checksum(ReadOnlySpan<char> id15)
    {
        if (id15.Length != 15)
        {
            throw new ArgumentException("The checksum is computed over exactly 15 characters.", nameof(id15));
        }

        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id15[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = ChecksumAlphabet[bits];
        }

        return new string(suffix);
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
