using System.Net;
using System.Text.Json;

namespace Lightbridge.Salesforce.Collections;

/// <summary>
/// Joins a Collections upsert response (<c>[{"id","success","errors":[…],"created"}, …]</c>, HTTP 200) back to
/// the records sent. The API processes records in order and answers in the same order (§2.4), so the join is by
/// position within the call; each result also carries the record's external ID so later stages never depend on
/// order. A response of another length is a protocol error, not something to guess around.
/// </summary>
internal static class CollectionResultJoiner
{
    public static RecordResult[] Join(
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        IReadOnlyList<int> positions,
        string externalIdField,
        string responseBody,
        string endpoint)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(responseBody);
        }
        catch (JsonException ex)
        {
            throw new SalesforceApiException($"Salesforce {endpoint} returned a Collections response that is not JSON.", ex);
        }

        using var owned = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != positions.Count)
        {
            var got = root.ValueKind == JsonValueKind.Array ? $"{root.GetArrayLength()} results" : $"a JSON {root.ValueKind}";
            throw new SalesforceApiException(
                HttpStatusCode.OK,
                endpoint,
                [new ApiError(null, $"Expected {positions.Count} results in input order, got {got}.", [])]);
        }

        var results = new RecordResult[positions.Count];
        var i = 0;
        foreach (var item in root.EnumerateArray())
        {
            var position = positions[i];
            var externalId = CollectionUpsertRequestWriter.ExternalIdOf(records[position], externalIdField, position);
            results[i] = Parse(item, position, externalId);
            i++;
        }

        return results;
    }

    /// <summary>Reads one UpsertResult entry; tolerant of a missing <c>created</c> on failures (§8).</summary>
    public static RecordResult Parse(JsonElement item, int index, string externalId)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SalesforceApiException($"Salesforce returned a Collections result for record {index} that is not a JSON object.");
        }

        var success = item.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True;
        var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        bool? created = item.TryGetProperty("created", out var c) && c.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? c.ValueKind == JsonValueKind.True
            : null;
        return new RecordResult(index, externalId, id, success, created, Errors(item));
    }

    /// <summary>Reads the <c>errors</c> array of a result entry.</summary>
    public static IReadOnlyList<RecordError> Errors(JsonElement item)
    {
        if (!item.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<RecordError>();
        foreach (var error in errors.EnumerateArray())
        {
            if (Http.SalesforceErrorMap.ParseOne(error) is { } parsed)
            {
                list.Add(new RecordError(parsed.ErrorCode ?? "UNKNOWN", parsed.Message, parsed.Fields));
            }
        }

        return list;
    }
}
