namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>
/// Splits a raw query string into (name, raw value) pairs in order. Decoding is done here, not by ASP.NET,
/// because <c>or</c> must be split before decoding and because <c>+</c> must become a space exactly as on the
/// real server (which is why clients must send <c>%2B</c> in offsets; reference section 4).
/// </summary>
internal static class QueryStringReader
{
    public static IReadOnlyList<KeyValuePair<string, string>> ReadRaw(string? queryString)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(queryString))
        {
            return result;
        }

        var span = queryString.StartsWith('?') ? queryString[1..] : queryString;
        foreach (var pair in span.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            result.Add(new KeyValuePair<string, string>(Decode(name), value));
        }

        return result;
    }

    /// <summary>Form-style decoding: <c>+</c> is a space, <c>%XX</c> a byte.</summary>
    public static string Decode(string raw) => Uri.UnescapeDataString(raw.Replace('+', ' '));
}
