using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Ids;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;
using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// <c>/sobjects</c>: describe, create (and platform-event publish), get, update, delete, and upsert by external ID with
/// the 201/200/300 semantics of reference section 2.3.
/// </summary>
internal sealed class SObjectHandler
{
    /// <summary>From this version an upsert that updates answers 200 with a body; before it, 204 (reference section 2.3).</summary>
    private const decimal UpsertBodyVersion = 46.0m;

    private readonly EmulatorState _state;

    public SObjectHandler(EmulatorState state)
    {
        _state = state;
    }

    public RestResponse Handle(RestRequest request)
    {
        var s = request.Segments;
        var version = s[0][1..];
        if (s.Count == 2)
        {
            return request.Method == "GET" ? RestResponse.Json(200, Describe.Global(_state.Schema)) : RestRouter.MethodNotAllowed(request.Method);
        }

        var definition = _state.Schema.Find(s[2]);
        if (definition is null)
        {
            return RestResponse.NotFound();
        }

        return (s.Count, request.Method) switch
        {
            (3, "POST") => Create(definition, request, version),
            (3, "GET") => RestResponse.Json(200, new JsonObject { ["objectDescribe"] = Describe.Summary(definition), ["recentItems"] = new JsonArray() }),
            (4, "GET") when s[3] == "describe" => RestResponse.Json(200, Describe.Object(definition)),
            (4, "GET") => Get(definition, s[3], request, version),
            (4, "PATCH") => Update(definition, s[3], request),
            (4, "DELETE") => Delete(definition, s[3]),
            (5, "PATCH") => Upsert(definition, s[3], s[4], request, version),
            (5, "GET") => ByExternalId(definition, s[3], s[4], version, delete: false),
            (5, "DELETE") => ByExternalId(definition, s[3], s[4], version, delete: true),
            _ => RestRouter.MethodNotAllowed(request.Method),
        };
    }

    public static RestResponse FromFailure(DmlResult result) =>
        RestResponse.Errors(result.Errors.Any(e => e.Code == "NOT_FOUND") ? 404 : 400, result.Errors);

    private RestResponse Create(ObjectDefinition definition, RestRequest request, string version)
    {
        if (request.Body is not JsonObject body)
        {
            return RestResponse.Errors(400, new ApiError("JSON_PARSER_ERROR", "The request body must be a JSON object"));
        }

        var result = _state.Dml.Create(definition, body);
        if (!result.Success)
        {
            return FromFailure(result);
        }

        var errors = new JsonArray();
        if (result.EventUuid is not null)
        {
            // Publishing an event answers 201 with OPERATION_ENQUEUED and the EventUuid (reference section 3.6).
            errors.Add(new ApiError("OPERATION_ENQUEUED", result.EventUuid).ToRecordError());
        }

        var location = RecordJson.Url(version, definition.Name, result.Id!);
        return new RestResponse(201, new JsonObject { ["id"] = result.Id, ["success"] = true, ["errors"] = errors }, new Dictionary<string, string> { ["Location"] = location });
    }

    private RestResponse Get(ObjectDefinition definition, string idText, RestRequest request, string version)
    {
        if (!SalesforceId.TryNormalize(idText, out var id))
        {
            return NoSuchExternalIdField(idText);
        }

        var record = _state.Store.Get(definition.Name, id);
        if (record is null)
        {
            return RestResponse.NotFound();
        }

        var fields = request.QueryValue("fields")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = fields?.FirstOrDefault(f => definition.FindField(f) is null);
        if (unknown is not null)
        {
            return RestResponse.Errors(400, new ApiError("INVALID_FIELD", $"No such column '{unknown}' on entity '{definition.Name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."));
        }

        return RestResponse.Json(200, RecordJson.Full(record, version, fields));
    }

    private RestResponse Update(ObjectDefinition definition, string idText, RestRequest request)
    {
        if (!SalesforceId.TryNormalize(idText, out var id))
        {
            return NoSuchExternalIdField(idText);
        }

        if (request.Body is not JsonObject body)
        {
            return RestResponse.Errors(400, new ApiError("JSON_PARSER_ERROR", "The request body must be a JSON object"));
        }

        if (_state.Store.Get(definition.Name, id) is null)
        {
            return RestResponse.NotFound();
        }

        var result = _state.Dml.Update(definition, id, body);
        return result.Success ? RestResponse.NoContent() : FromFailure(result);
    }

    private RestResponse Delete(ObjectDefinition definition, string idText)
    {
        if (!SalesforceId.TryNormalize(idText, out var id))
        {
            return NoSuchExternalIdField(idText);
        }

        if (_state.Store.Get(definition.Name, id) is null)
        {
            return RestResponse.NotFound();
        }

        var result = _state.Dml.Delete(definition, id);
        return result.Success ? RestResponse.NoContent() : FromFailure(result);
    }

    private RestResponse Upsert(ObjectDefinition definition, string fieldName, string rawValue, RestRequest request, string version)
    {
        var field = definition.FindField(fieldName);
        if (field is null || (!field.ExternalId && field.Type != FieldType.Id))
        {
            return NoSuchExternalIdField(fieldName);
        }

        if (request.Body is not JsonObject body)
        {
            return RestResponse.Errors(400, new ApiError("JSON_PARSER_ERROR", "The request body must be a JSON object"));
        }

        if (body.Any(p => string.Equals(p.Key, field.Name, StringComparison.OrdinalIgnoreCase)))
        {
            // The key belongs in the URL only; repeating it in the body is refused (reference section 2.3 and 6).
            return RestResponse.Errors(400, new ApiError("INVALID_FIELD",
                $"Json Deserialization failed on token '{field.Name}' and has left off in the middle of parsing a row. Will go to end of row to begin parsing the next row"));
        }

        var (key, error) = ValueCoercer.Coerce(field, rawValue, JsonValueKind.String);
        if (error is not null || key is null)
        {
            return RestResponse.Errors(400, error ?? new ApiError("INVALID_FIELD", $"{field.Name}: an external ID value is required"));
        }

        var withKey = (JsonObject)body.DeepClone();
        if (field.Type != FieldType.Id)
        {
            withKey[field.Name] = JsonValue.Create(rawValue);
        }

        var updateOnly = string.Equals(request.QueryValue("updateOnly"), "true", StringComparison.OrdinalIgnoreCase);
        var result = _state.Dml.Upsert(definition, field, key, withKey, updateOnly);
        if (result.MultipleMatches.Count > 0)
        {
            return RestResponse.Json(300, new JsonArray(result.MultipleMatches.Select(id => (JsonNode?)JsonValue.Create(RecordJson.Url(version, definition.Name, id))).ToArray()));
        }

        if (!result.Success)
        {
            return FromFailure(result);
        }

        var answer = new JsonObject { ["id"] = result.Id, ["success"] = true, ["errors"] = new JsonArray(), ["created"] = result.Created };
        if (result.Created)
        {
            return RestResponse.Json(201, answer);
        }

        return decimal.Parse(version, CultureInfo.InvariantCulture) >= UpsertBodyVersion ? RestResponse.Json(200, answer) : RestResponse.NoContent();
    }

    private RestResponse ByExternalId(ObjectDefinition definition, string fieldName, string rawValue, string version, bool delete)
    {
        var field = definition.FindField(fieldName);
        if (field is null || !field.ExternalId)
        {
            return NoSuchExternalIdField(fieldName);
        }

        var matches = _state.Store.FindBy(definition, field, rawValue);
        if (matches.Count > 1)
        {
            return RestResponse.Json(300, new JsonArray(matches.Select(m => (JsonNode?)JsonValue.Create(RecordJson.Url(version, definition.Name, m.Id))).ToArray()));
        }

        if (matches.Count == 0)
        {
            return RestResponse.NotFound();
        }

        if (!delete)
        {
            return RestResponse.Json(200, RecordJson.Full(matches[0], version));
        }

        var result = _state.Dml.Delete(definition, matches[0].Id);
        return result.Success ? RestResponse.NoContent() : FromFailure(result);
    }

    private static RestResponse NoSuchExternalIdField(string name) =>
        RestResponse.Errors(404, new ApiError("NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {name}"));
}
