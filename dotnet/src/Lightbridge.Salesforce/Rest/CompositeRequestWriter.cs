using System.Text.Json;
using System.Text.RegularExpressions;
using Lightbridge.Salesforce.Records;

namespace Lightbridge.Salesforce.Rest;

/// <summary>
/// Writes <c>{"allOrNone":…,"compositeRequest":[{"method","url","referenceId","body","httpHeaders"}]}</c>, at most
/// 25 subrequests (shared/reference/salesforce-api.md §2.5, KB 000386264).
/// </summary>
internal static partial class CompositeRequestWriter
{
    public const int MaxSubrequests = 25;

    public static string Write(IReadOnlyList<CompositeSubrequest> subrequests, bool allOrNone, string dataRoot)
    {
        if (subrequests.Count is 0 or > MaxSubrequests)
        {
            throw new ArgumentException($"A Composite call takes 1 to {MaxSubrequests} subrequests, not {subrequests.Count}.", nameof(subrequests));
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

    private static string Url(string url, string dataRoot) =>
        url.StartsWith("/services/", StringComparison.Ordinal) ? url : dataRoot + url.TrimStart('/');

    [GeneratedRegex("^[A-Za-z0-9_]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceIdPattern();
}
