using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Validation;

/// <summary>
/// One error as an org reports it. Per-record results spell the code <c>statusCode</c>; the top-level REST envelope
/// spells it <c>errorCode</c> (reference section 2.4 and 2.7), hence the two renderings.
/// </summary>
internal sealed record ApiError(string Code, string Message, IReadOnlyList<string> Fields)
{
    public ApiError(string code, string message)
        : this(code, message, [])
    {
    }

    public JsonObject ToRecordError() => new()
    {
        ["statusCode"] = Code,
        ["message"] = Message,
        ["fields"] = new JsonArray(Fields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
    };

    public JsonObject ToEnvelopeError()
    {
        var error = new JsonObject { ["message"] = Message, ["errorCode"] = Code };
        if (Fields.Count > 0)
        {
            error["fields"] = new JsonArray(Fields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }

        return error;
    }
}
