using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Ids;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;
using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// sObject Collections (reference section 2.4): create (POST), update (PATCH), upsert (PATCH /{Obj}/{ExtIdField}) and
/// delete (DELETE ?ids=). At most 200 records, results in request order with per-record <c>statusCode</c> errors, a
/// key repeated in one request fails every copy with DUPLICATE_VALUE, and allOrNone rolls everything back.
/// </summary>
internal sealed class CollectionsHandler
{
    public const int MaxRecords = 200;

    private static readonly ApiError RolledBack = new("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not all records were valid and the request was using AllOrNone header");

    private readonly EmulatorState _state;

    public CollectionsHandler(EmulatorState state)
    {
        _state = state;
    }

    public RestResponse Handle(RestRequest request)
    {
        var s = request.Segments;
        if (request.Method == "DELETE" && s.Count == 3)
        {
            var ids = (request.QueryValue("ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var allOrNoneDelete = string.Equals(request.QueryValue("allOrNone"), "true", StringComparison.OrdinalIgnoreCase);
            return Run(ids.Length, allOrNoneDelete, i => Delete(ids[i]), upsert: false);
        }

        if (request.Body is not JsonObject body || body["records"] is not JsonArray records)
        {
            return RestResponse.Errors(400, new ApiError("JSON_PARSER_ERROR", "The request body must be a JSON object with a records array"));
        }

        if (records.Count > MaxRecords)
        {
            return RestResponse.Errors(400, new ApiError("EXCEEDED_ID_LIMIT", $"record limit reached. cannot submit more than {MaxRecords} records into this call"));
        }

        var allOrNone = body["allOrNone"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        switch (request.Method, s.Count)
        {
            case ("POST", 3):
                return Run(records.Count, allOrNone, i => Create(records[i]), upsert: false);
            case ("PATCH", 3):
                return Run(records.Count, allOrNone, i => Update(records[i]), upsert: false);
            case ("PATCH", 5):
                var definition = _state.Schema.Find(s[3]);
                var field = definition?.FindField(s[4]);
                if (definition is null || field is null || !field.ExternalId)
                {
                    return RestResponse.Errors(404, new ApiError("NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {s[4]}"));
                }

                var duplicates = DuplicateKeys(records, field);
                return Run(records.Count, allOrNone, i => Upsert(definition, field, records[i], duplicates), upsert: true);
            default:
                return RestRouter.MethodNotAllowed(request.Method);
        }
    }

    private RestResponse Run(int count, bool allOrNone, Func<int, DmlResult> operation, bool upsert)
    {
        var savepoint = _state.Store.Savepoint();
        var results = new List<DmlResult>(count);
        for (var i = 0; i < count; i++)
        {
            results.Add(operation(i));
        }

        var rollBack = allOrNone && results.Any(r => !r.Success);
        if (rollBack)
        {
            _state.Store.Rollback(savepoint);
        }

        var body = new JsonArray();
        foreach (var result in results)
        {
            var entry = new JsonObject();
            if (result.Success && !rollBack)
            {
                entry["id"] = result.Id;
                entry["success"] = true;
                entry["errors"] = new JsonArray();
            }
            else
            {
                var errors = result.Success ? [RolledBack] : result.Errors;
                entry["success"] = false;
                entry["errors"] = new JsonArray(errors.Select(e => (JsonNode?)e.ToRecordError()).ToArray());
            }

            if (upsert)
            {
                entry["created"] = result.Success && !rollBack && result.Created;
            }

            body.Add(entry);
        }

        // The top level is 200 even when every record failed.
        return RestResponse.Json(200, body);
    }

    private DmlResult Create(JsonNode? node)
    {
        if (Typed(node, out var definition, out var record) is { } error)
        {
            return DmlResult.Fail(error);
        }

        return _state.Dml.Create(definition!, WithoutAttributes(record!));
    }

    private DmlResult Update(JsonNode? node)
    {
        if (Typed(node, out var definition, out var record) is { } error)
        {
            return DmlResult.Fail(error);
        }

        if (!SalesforceId.TryNormalize(record!["Id"]?.ToString(), out var id))
        {
            return DmlResult.Fail(new ApiError("MISSING_ARGUMENT", "Id not specified in an update call", ["Id"]));
        }

        var body = WithoutAttributes(record);
        body.Remove("Id");
        return _state.Dml.Update(definition!, id, body);
    }

    private DmlResult Delete(string idText)
    {
        if (!SalesforceId.TryNormalize(idText, out var id) || _state.Store.Get(id) is not { } record)
        {
            return DmlResult.Fail(new ApiError("ENTITY_IS_DELETED", "entity is deleted", []));
        }

        return _state.Dml.Delete(record.Definition, id);
    }

    private DmlResult Upsert(ObjectDefinition definition, FieldDefinition field, JsonNode? node, HashSet<string> duplicates)
    {
        if (Typed(node, out var type, out var record) is { } error)
        {
            return DmlResult.Fail(error);
        }

        if (!string.Equals(type!.Name, definition.Name, StringComparison.OrdinalIgnoreCase))
        {
            return DmlResult.Fail(new ApiError("INVALID_TYPE", $"Record of type {type.Name} does not match the URI type {definition.Name}", []));
        }

        var keyNode = record!.FirstOrDefault(p => string.Equals(p.Key, field.Name, StringComparison.OrdinalIgnoreCase)).Value;
        var (key, keyError) = ValueCoercer.Coerce(field, keyNode);
        if (keyError is not null)
        {
            return DmlResult.Fail(keyError);
        }

        if (key is null)
        {
            return DmlResult.Fail(new ApiError("MISSING_ARGUMENT", $"{field.Name} not specified", [field.Name]));
        }

        if (duplicates.Contains(Key(field, key)))
        {
            // Every copy of a key repeated within the request fails (reference section 2.4).
            return DmlResult.Fail(new ApiError("DUPLICATE_VALUE", $"Duplicate external id specified: {keyNode}", [field.Name]));
        }

        var result = _state.Dml.Upsert(definition, field, key, WithoutAttributes(record!));
        return result.MultipleMatches.Count > 0
            ? DmlResult.Fail(new ApiError("DUPLICATE_EXTERNAL_ID", $"more than one record found for external id field: [{string.Join(", ", result.MultipleMatches)}]", [field.Name]))
            : result;
    }

    private static HashSet<string> DuplicateKeys(JsonArray records, FieldDefinition field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records.OfType<JsonObject>())
        {
            var keyNode = record.FirstOrDefault(p => string.Equals(p.Key, field.Name, StringComparison.OrdinalIgnoreCase)).Value;
            var (key, error) = ValueCoercer.Coerce(field, keyNode);
            if (error is null && key is not null && !seen.Add(Key(field, key)))
            {
                duplicates.Add(Key(field, key));
            }
        }

        return duplicates;
    }

    private static string Key(FieldDefinition field, object key)
    {
        var text = Formulas.FormulaValues.Text(key);
        return field.CaseSensitive ? text : text.ToUpperInvariant();
    }

    private ApiError? Typed(JsonNode? node, out ObjectDefinition? definition, out JsonObject? record)
    {
        definition = null;
        record = node as JsonObject;
        if (record is null)
        {
            return new ApiError("JSON_PARSER_ERROR", "Each record must be a JSON object", []);
        }

        var type = record["attributes"]?["type"]?.ToString();
        definition = type is null ? null : _state.Schema.Find(type);
        return type is null
            ? new ApiError("INVALID_TYPE", "Must send a concrete entity type.", [])
            : definition is null ? new ApiError("INVALID_TYPE", $"sObject type '{type}' is not supported.", []) : null;
    }

    private static JsonObject WithoutAttributes(JsonObject record)
    {
        var copy = (JsonObject)record.DeepClone();
        copy.Remove("attributes");
        return copy;
    }
}
