using System.Globalization;
using System.Text.Json;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Planning;
using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// Updates records of one object by Salesforce id, with one result per record: an sObject Collections update (200 a
/// call, <c>allOrNone=false</c>, sent as the one subrequest of a Composite call because the client offers Collections
/// only for upserts) under the Bulk threshold, a Bulk API 2.0 update job at or above it. Records that failed only on
/// <c>UNABLE_TO_LOCK_ROW</c> are sent again after a back-off, like the client's collection upsert does.
/// </summary>
internal sealed class RecordUpdater
{
    /// <summary>Rounds of lock-conflict retries after the first send.</summary>
    public const int LockRetries = 3;

    private const int CollectionSize = LoadPathPlanner.CollectionsBatchSize;
    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(100);

    private readonly SalesforceClient _salesforce;
    private readonly LoadPathPlanner _planner;
    private readonly TimeProvider _time;

    public RecordUpdater(SalesforceClient salesforce, LoadPathPlanner planner, TimeProvider time)
    {
        _salesforce = salesforce;
        _planner = planner;
        _time = time;
    }

    /// <summary>Updates each record (<c>Id</c> plus the fields to write) of <paramref name="objectName"/>.</summary>
    /// <returns>The path taken and one result per record, by input position; <see cref="RecordResult.ExternalId"/> holds the Id.</returns>
    public async Task<LoadReport> UpdateAsync(string objectName, IReadOnlyList<(SalesforceId Id, IReadOnlyDictionary<string, object?> Fields)> records, CancellationToken ct)
    {
        var plan = _planner.Plan(records.Count);
        if (records.Count == 0)
        {
            return new LoadReport(plan.Path, []);
        }

        if (plan.Path == LoadPath.Bulk)
        {
            var rows = records.Select(r => (IReadOnlyDictionary<string, object?>)WithId(r.Id, r.Fields)).ToList();
            var bulk = await _salesforce.BulkLoadAsync(objectName, BulkOperation.Update, rows, null, ct).ConfigureAwait(false);
            var byPosition = new RecordResult[records.Count];
            foreach (var result in bulk.Records)
            {
                byPosition[result.Index] = result;
            }

            return new LoadReport(plan.Path, byPosition);
        }

        var results = new RecordResult[records.Count];
        for (var start = 0; start < records.Count; start += CollectionSize)
        {
            var pending = Enumerable.Range(start, Math.Min(CollectionSize, records.Count - start)).ToList();
            for (var round = 0; ; round++)
            {
                var answers = await SendAsync(objectName, records, pending, ct).ConfigureAwait(false);
                for (var i = 0; i < pending.Count; i++)
                {
                    results[pending[i]] = answers[i];
                }

                var retry = pending.Where((_, i) => answers[i].IsTransientFailure).ToList();
                if (retry.Count == 0 || round >= LockRetries)
                {
                    break;
                }

                await Task.Delay(RetryBaseDelay * (1 << round), _time, ct).ConfigureAwait(false);
                pending = retry;
            }
        }

        return new LoadReport(LoadPath.Collections, results);
    }

    private async Task<RecordResult[]> SendAsync(string objectName, IReadOnlyList<(SalesforceId Id, IReadOnlyDictionary<string, object?> Fields)> records, List<int> pending, CancellationToken ct)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["allOrNone"] = false,
            ["records"] = RecordsJson(objectName, pending.Select(i => records[i]).ToList()),
        };
        var response = await _salesforce.CompositeAsync([new CompositeSubrequest(HttpMethod.Patch, "composite/sobjects", "update") { Body = body }], allOrNone: false, ct).ConfigureAwait(false);
        var sub = response["update"];
        var answers = new RecordResult[pending.Count];
        var rows = sub.IsSuccess && sub.Body.ValueKind == JsonValueKind.Array ? sub.Body.EnumerateArray().ToList() : [];
        for (var i = 0; i < pending.Count; i++)
        {
            var id = records[pending[i]].Id.Value;
            answers[i] = i < rows.Count ? Parse(pending[i], id, rows[i]) : WholeCallFailed(pending[i], id, sub);
        }

        return answers;
    }

    private static RecordResult Parse(int index, string id, JsonElement row)
    {
        var success = row.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True;
        var errors = new List<RecordError>();
        if (row.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in list.EnumerateArray())
            {
                var fields = error.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
                    ? f.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
                    : [];
                errors.Add(new RecordError(
                    error.TryGetProperty("statusCode", out var code) ? code.GetString() ?? "UNKNOWN" : "UNKNOWN",
                    error.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty,
                    fields));
            }
        }

        return new RecordResult(index, id, success ? id : null, success, success ? false : null, errors);
    }

    private static RecordResult WholeCallFailed(int index, string id, CompositeSubresponse sub)
    {
        var errors = sub.Errors.Count > 0
            ? sub.Errors.Select(e => new RecordError(e.ErrorCode ?? "UNKNOWN", e.Message, e.Fields)).ToList()
            : [new RecordError("UNKNOWN", $"The update call answered {sub.HttpStatusCode} without a result for the record.", [])];
        return new RecordResult(index, id, null, false, null, errors);
    }

    private static JsonElement RecordsJson(string objectName, IReadOnlyList<(SalesforceId Id, IReadOnlyDictionary<string, object?> Fields)> records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (id, fields) in records)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("attributes");
                writer.WriteString("type", objectName);
                writer.WriteEndObject();
                writer.WriteString("Id", id.Value);
                foreach (var (name, value) in fields)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static Dictionary<string, object?> WithId(SalesforceId id, IReadOnlyDictionary<string, object?> fields)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Id"] = id.Value };
        foreach (var (name, value) in fields)
        {
            row[name] = Plain(value);
        }

        return row;
    }

    /// <summary>A value the client's writers accept: ids as their text, everything else as is.</summary>
    public static object? Plain(object? value) => value is SalesforceId id ? id.Value : value;

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (Plain(value))
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case var other:
                writer.WriteStringValue(other.ToString());
                break;
        }
    }
}
