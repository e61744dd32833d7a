using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>A REST answer: status, JSON body (null for 204) and extra headers such as Location.</summary>
internal sealed record RestResponse(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A non-JSON body (Bulk result CSVs), written with <see cref="ContentType"/>.</summary>
    public string? Text { get; init; }

    public string ContentType { get; init; } = "application/json;charset=UTF-8";

    public static RestResponse Csv(string text) => new(200, null) { Text = text, ContentType = "text/csv" };

    public static RestResponse Json(int status, JsonNode? body) => new(status, body);

    public static RestResponse NoContent() => new(204, null);

    /// <summary>The top-level error envelope <c>[{"message","errorCode","fields"?}]</c> (reference section 2.7).</summary>
    public static RestResponse Errors(int status, params ApiError[] errors) =>
        new(status, new JsonArray(errors.Select(e => (JsonNode?)e.ToEnvelopeError()).ToArray()));

    public static RestResponse Errors(int status, IEnumerable<ApiError> errors) => Errors(status, errors.ToArray());

    public static RestResponse NotFound() => Errors(404, new ApiError("NOT_FOUND", "The requested resource does not exist"));
}
