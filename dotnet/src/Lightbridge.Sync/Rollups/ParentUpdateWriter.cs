using System.Text.Json;
using Lightbridge.Core.Planning;
using Lightbridge.Salesforce;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Rollups;

/// <summary>
/// Writes recomputed rollup values onto their parents: a Bulk update job from the Bulk threshold, below it sObject
/// Collections updates of 200, five of them (1,000 parents) to a Composite call, the most Collections subrequests
/// one call takes. A parent Salesforce refuses is logged and returned, never thrown.
/// </summary>
internal sealed class ParentUpdateWriter
{
    /// <summary>Records per sObject Collections update, the API's cap.</summary>
    public const int CollectionSize = 200;

    /// <summary>sObject Collections subrequests per Composite call, the API's cap (of its 25 subrequests, 5 may be Collections).</summary>
    public const int CollectionsPerComposite = 5;

    private readonly SalesforceClient _salesforce;
    private readonly LoadPathPlanner _planner;
    private readonly ILogger _logger;

    public ParentUpdateWriter(SalesforceClient salesforce, LoadPathPlanner planner, ILogger logger)
    {
        _salesforce = salesforce;
        _planner = planner;
        _logger = logger;
    }

    /// <summary>Writes the updates of one parent object; returns the ids Salesforce refused.</summary>
    public async Task<List<string>> WriteAsync(string parentObject, List<ParentUpdate> batch, CancellationToken ct)
    {
        if (_planner.Plan(batch.Count).Path == LoadPath.Bulk)
        {
            var rows = batch.Select(u => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(u.Fields, StringComparer.Ordinal) { ["Id"] = u.Id }).ToList();
            var result = await _salesforce.BulkLoadAsync(parentObject, BulkOperation.Update, rows, null, ct).ConfigureAwait(false);
            var refused = new List<string>();
            foreach (var row in result.Records.Where(r => !r.Success))
            {
                refused.Add(batch[row.Index].Id);
                RollupLog.UpdateFailed(_logger, parentObject, batch[row.Index].Id, row.Errors.Count > 0 ? row.Errors[0].StatusCode : "UNKNOWN");
            }

            return refused;
        }

        // Under the Bulk threshold: sObject Collections updates, up to 5 of them (1,000 records) in one Composite call.
        var failed = new List<string>();
        var collections = batch.Chunk(CollectionSize).ToList();
        foreach (var call in collections.Chunk(CollectionsPerComposite))
        {
            var subrequests = call.Select((records, i) => new CompositeSubrequest(HttpMethod.Patch, "composite/sobjects", $"rollup{i}")
            {
                Body = CollectionBody(parentObject, records),
            }).ToList();
            var response = await _salesforce.CompositeAsync(subrequests, allOrNone: false, ct).ConfigureAwait(false);
            for (var i = 0; i < call.Length; i++)
            {
                failed.AddRange(Refused(parentObject, call[i], response.Subresponses[i]));
            }
        }

        return failed;
    }

    private List<string> Refused(string parentObject, ParentUpdate[] records, CompositeSubresponse subresponse)
    {
        if (!subresponse.IsSuccess || subresponse.Body.ValueKind != JsonValueKind.Array)
        {
            var code = subresponse.Errors.Count > 0 ? subresponse.Errors[0].ErrorCode ?? "UNKNOWN" : subresponse.HttpStatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var record in records)
            {
                RollupLog.UpdateFailed(_logger, parentObject, record.Id, code);
            }

            return records.Select(r => r.Id).ToList();
        }

        var refused = new List<string>();
        var position = 0;
        foreach (var item in subresponse.Body.EnumerateArray())
        {
            if (item.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False && position < records.Length)
            {
                refused.Add(records[position].Id);
                var code = item.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                    && errors[0].TryGetProperty("statusCode", out var status) ? status.GetString() ?? "UNKNOWN" : "UNKNOWN";
                RollupLog.UpdateFailed(_logger, parentObject, records[position].Id, code);
            }

            position++;
        }

        return refused;
    }

    private static JsonElement CollectionBody(string parentObject, IEnumerable<ParentUpdate> records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("allOrNone", false);
            writer.WriteStartArray("records");
            foreach (var record in records)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("attributes");
                writer.WriteString("type", parentObject);
                writer.WriteEndObject();
                writer.WriteString("Id", record.Id);
                foreach (var (field, value) in record.Fields)
                {
                    switch (value)
                    {
                        case null:
                            writer.WriteNull(field);
                            break;
                        case decimal number:
                            writer.WriteNumber(field, number);
                            break;
                        default:
                            writer.WriteString(field, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
