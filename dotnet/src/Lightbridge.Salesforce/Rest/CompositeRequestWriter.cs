using System.Text.Json;
using System.Text.RegularExpressions;
using Lightbridge.Salesforce.Records;

namespace Lightbridge.Salesforce.Rest;

/// <summary>
/// Writes <c>{"allOrNone":…,"compositeRequest":[{"method","url","referenceId","body","httpHeaders"}]}</c>, at most
/// 25 subrequests, of which at most 5 are queries or sObject Collections calls (shared/reference/salesforce-api.md
/// §2.5, KB 000386264).
/// </summary>
internal static partial class CompositeRequestWriter
{
    public const int MaxSubrequests = 25;

    /// <summary>
    /// How many of a call's subrequests may be queries (query, queryAll and their later pages) or sObject Collections
    /// calls: Salesforce refuses the whole call past this.
    /// </summary>
    public const int MaxQueryOrCollectionSubrequests = 5;

    public static string Write(IReadOnlyList<CompositeSubrequest> subrequests, bool allOrNone, string dataRoot)
    {
        if (subrequests.Count is 0 or > MaxSubrequests)
        {
            throw new ArgumentException($"A Composite call takes 1 to {MaxSubrequests} subrequests, not {subrequests.Count}.", nameof(subrequests));
        }

        var heavy = subrequests.Count(s => IsQueryOrCollection(s.Url));
        if (heavy > MaxQueryOrCollectionSubrequests)
        {
            throw new ArgumentException(
                $"A Composite call takes at most {MaxQueryOrCollectionSubrequests} query or sObject Collections subrequests, not {heavy}.", nameof(subrequests));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("allOrNone", allOrNone);
            writer.WriteStartArray("compositeRequest");
            foreach (var subrequest in subrequests)
            {
                if (!ReferenceIdPattern().IsMatch(subrequest.ReferenceId) || !seen.Add(subrequest.ReferenceId))
                {
                    throw new ArgumentException($"'{subrequest.ReferenceId}' is not a unique reference id (letters, digits, underscores).", nameof(subrequests));
                }

                writer.WriteStartObject();
                writer.WriteString("method", subrequest.Method.Method);
                writer.WriteString("url", Url(subrequest.Url, dataRoot));
                writer.WriteString("referenceId", subrequest.ReferenceId);
                if (subrequest.Body is not null)
                {
                    writer.WritePropertyName("body");
                    RecordJsonWriter.WriteValue(writer, subrequest.ReferenceId, subrequest.Body);
                }

                if (subrequest.HttpHeaders is { Count: > 0 } headers)
                {
                    writer.WriteStartObject("httpHeaders");
                    foreach (var (name, value) in headers)
                    {
                        writer.WriteString(name, value);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Whether repeating the whole call is harmless: no subrequest creates (POST).</summary>
    public static bool IsIdempotent(IReadOnlyList<CompositeSubrequest> subrequests) =>
        subrequests.All(s => s.Method != HttpMethod.Post);

    /// <summary>Whether a subrequest URL names a query, a later page of one, or an sObject Collections resource.</summary>
    public static bool IsQueryOrCollection(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.Split('?')[0].TrimStart('/');
        if (path.StartsWith("services/data/", StringComparison.Ordinal))
        {
            // Past "services/data/vXX.X/".
            var afterVersion = path.IndexOf('/', "services/data/".Length);
            path = afterVersion < 0 ? string.Empty : path[(afterVersion + 1)..];
        }

        return path is "query" or "queryAll"
            || path.StartsWith("query/", StringComparison.Ordinal)
            || path.StartsWith("queryAll/", StringComparison.Ordinal)
            || path == "composite/sobjects"
            || path.StartsWith("composite/sobjects/", StringComparison.Ordinal);
    }

    private static string Url(string url, string dataRoot) =>
        url.StartsWith("/services/", StringComparison.Ordinal) ? url : dataRoot + url.TrimStart('/');

    [GeneratedRegex("^[A-Za-z0-9_]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceIdPattern();
}
