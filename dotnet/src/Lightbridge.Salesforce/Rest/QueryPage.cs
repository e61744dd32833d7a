using System.Text.Json;

namespace Lightbridge.Salesforce.Rest;

/// <summary>
/// One page of a query: <c>{"totalSize","done","nextRecordsUrl"?,"records":[…]}</c>, at most 2,000 records, often
/// fewer (shared/reference/salesforce-api.md §2.6). Records are detached and stripped of <c>attributes</c>.
/// </summary>
/// <param name="TotalSize">How many records the whole query matched (for <c>COUNT()</c>, the count).</param>
/// <param name="Done">True on the last page.</param>
/// <param name="NextRecordsUrl">The next page's path, when not done.</param>
/// <param name="Records">This page's records.</param>
internal sealed record QueryPage(long TotalSize, bool Done, string? NextRecordsUrl, IReadOnlyList<JsonElement> Records)
{
    /// <exception cref="SalesforceApiException">The body is not a query result, or claims more pages without a URL.</exception>
    public static QueryPage Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("done", out var done)
                || done.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new SalesforceApiException("Salesforce returned a query page without 'done'.");
            }

            var total = root.TryGetProperty("totalSize", out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var n) ? n : 0;
            var next = root.TryGetProperty("nextRecordsUrl", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
            var records = new List<JsonElement>();
            if (root.TryGetProperty("records", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var record in array.EnumerateArray())
                {
                    records.Add(RecordAttributes.Strip(record));
                }
            }

            var isDone = done.ValueKind == JsonValueKind.True;
            if (!isDone && string.IsNullOrEmpty(next))
            {
                throw new SalesforceApiException("Salesforce returned a query page with done=false and no nextRecordsUrl.");
            }

            return new QueryPage(total, isDone, isDone ? null : next, records);
        }
        catch (JsonException ex)
        {
            throw new SalesforceApiException("Salesforce returned a query page that is not JSON.", ex);
        }
    }
}
