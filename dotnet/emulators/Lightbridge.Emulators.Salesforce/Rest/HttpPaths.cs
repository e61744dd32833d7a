namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// Splits a raw path-and-query into decoded segments and parameters. Segments are decoded one by one so an
/// external-ID value holding an encoded slash stays one segment (reference section 2.3: URL-encode values).
/// </summary>
internal static class HttpPaths
{
    public static (IReadOnlyList<string> Segments, IReadOnlyDictionary<string, string> Query) Split(string rawPathAndQuery)
    {
        var question = rawPathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawPathAndQuery : rawPathAndQuery[..question];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in rawPathAndQuery[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Decode(eq < 0 ? pair : pair[..eq]);
                query[name] = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            }
        }

        return (segments, query);
    }

    // In a query string '+' is a space (reference section 2.6: "spaces as + or %20").
    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
