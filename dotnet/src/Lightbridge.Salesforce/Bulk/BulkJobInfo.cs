using System.Text.Json;

namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// The fields of a Bulk 2.0 job info the client decides on (shared/reference/salesforce-api.md §1.2, §1.4). The
/// upload URL is built by the client, not taken from <c>contentUrl</c>, whose form varies between doc examples.
/// </summary>
/// <param name="Id">The job id (prefix 750).</param>
/// <param name="State">The job's state.</param>
/// <param name="RecordsProcessed"><c>numberRecordsProcessed</c>.</param>
/// <param name="RecordsFailed"><c>numberRecordsFailed</c>: record-level failures, in a JobComplete job too.</param>
/// <param name="ErrorMessage">Why the job failed, when it did.</param>
internal sealed record BulkJobInfo(string Id, BulkJobState State, long RecordsProcessed, long RecordsFailed, string? ErrorMessage)
{
    public static BulkJobInfo Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is not { Length: > 0 } id)
            {
                throw new SalesforceApiException("Salesforce returned Bulk job info without an id.");
            }

            return new BulkJobInfo(
                id,
                BulkWireNames.ParseState(Text(root, "state")),
                Number(root, "numberRecordsProcessed"),
                Number(root, "numberRecordsFailed"),
                Text(root, "errorMessage"));
        }
        catch (JsonException ex)
        {
            throw new SalesforceApiException("Salesforce returned Bulk job info that is not JSON.", ex);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;
}
