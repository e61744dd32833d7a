using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Lightbridge.Emulators.Salesforce.Ids;

/// <summary>
/// Record ids as an org issues them: a 3-character key prefix, 12 characters of base-62, and a 3-character
/// case-safe checksum suffix (see shared/reference/salesforce-api.md section 7, "18-char IDs with a correct checksum").
/// </summary>
internal static class SalesforceId
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string ChecksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>Builds the 18-character id for the <paramref name="sequence"/>-th record of a key prefix.</summary>
    public static string Create(string keyPrefix, long sequence)
    {
        // "5g0000" mimics the pod and reserved characters of real ids; the last six carry the sequence.
        var chars = new char[6];
        var value = sequence;
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        return WithChecksum(keyPrefix + "5g0000" + new string(chars));
    }

    /// <summary>Appends the three checksum characters to a 15-character id.</summary>
    public static string WithChecksum(string id15)
    {
        // Each 5-character chunk gives one suffix character: bit i is set when character i is an upper-case letter.
        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                var c = id15[(chunk * 5) + i];
                if (c is >= 'A' and <= 'Z')
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = ChecksumAlphabet[bits];
        }

        return id15 + new string(suffix);
    }

    /// <summary>Accepts a 15- or 18-character id and returns its 18-character form; false when it is not an id.</summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? id18)
    {
        id18 = null;
        if (value is null || (value.Length != 15 && value.Length != 18))
        {
            return false;
        }

        for (var i = 0; i < 15; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]))
            {
                return false;
            }
        }

        var full = WithChecksum(value[..15]);
        if (value.Length == 18 && !string.Equals(full, value, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        id18 = full;
        return true;
    }

    /// <summary>The key prefix of an id (its first three characters).</summary>
    public static string PrefixOf(string id) => id[..3];

    /// <summary>A stable prefix for a custom object: the lead letter, a digit and a base-62 character (a0X style) of a hash of the name.</summary>
    public static string HashPrefix(char lead, string name, int attempt)
    {
        // FNV-1a over the upper-cased name keeps the prefix stable across runs and machines.
        var hash = 2166136261u;
        foreach (var c in name.ToUpperInvariant() + attempt.ToString(CultureInfo.InvariantCulture))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return string.Concat(lead.ToString(), Base62[(int)(hash % 10)].ToString(), Base62[(int)(hash / 10 % 62)].ToString());
    }
}
