using System.Text.RegularExpressions;

namespace Lightbridge.Cli.Logging;

/// <summary>
/// The last line of defence for log text: masks anything that looks like an email or a phone number and redacts
/// anything that looks like a credential. Code is expected never to log such values (Core's EmailAddress and
/// PhoneNumber already print masked); this catches the value that slipped into a message, an exception or a URL.
/// </summary>
internal static partial class SensitiveText
{
    /// <summary>What a redacted credential becomes.</summary>
    public const string Redacted = "[REDACTED]";

    /// <summary>
    /// Whether a property of this name holds a credential whatever its value looks like
    /// (<c>AccessToken</c>, <c>client_secret</c>, <c>Password</c>, <c>PrivateKeyPath</c> is fine, <c>PrivateKey</c> is not).
    /// </summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>Returns <paramref name="text"/> with credentials redacted and emails and phones masked.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Credentials first: a token may contain an '@' or a run of digits that the later rules would half-mask.
        var masked = PrivateKeyBlock().Replace(text, Redacted);
        masked = BearerToken().Replace(masked, m => m.Groups["scheme"].Value + " " + Redacted);
        masked = Jwt().Replace(masked, Redacted);
        masked = SecretAssignment().Replace(masked, m => m.Groups["key"].Value + m.Groups["sep"].Value + Redacted);
        masked = Email().Replace(masked, m => m.Groups["first"].Value + "***@" + m.Groups["domain"].Value);
        masked = Phone().Replace(masked, MaskPhone);
        return masked;
    }

    private static string MaskPhone(Match match)
    {
        var digits = match.Value.Count(char.IsAsciiDigit);
        var last = new string(match.Value.Where(char.IsAsciiDigit).TakeLast(3).ToArray());
        return (match.Value.StartsWith('+') ? "+" : string.Empty) + new string('*', Math.Max(digits - 3, 1)) + last;
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)")]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|OAuth))\s+[A-Za-z0-9\-._~+/!=]{8,}", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    // key=value (form bodies, query strings) and "key":"value" (JSON) for the credential fields of both APIs.
    [GeneratedRegex(@"(?<key>(?:access_token|refresh_token|client_secret|password|assertion|private_key|secret|token)""?)(?<sep>\s*[:=]\s*""?)[^\s""&,;}]+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"(?<first>[A-Za-z0-9])[A-Za-z0-9._%+-]*@(?<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")]
    private static partial Regex Email();

    // E.164 (+ and 8-15 digits) or the usual North American and European groupings; plain digit runs (ids, counts,
    // replay ids) and dates (4-2-2) are left alone.
    [GeneratedRegex(@"(?<![\w+])(?:\+\d{8,15}|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4})(?!\w)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(token|secret|password|passwd|assertion|privatekey$|private_key$|apikey|api_key|authorization|cookie)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
