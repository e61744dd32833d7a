using System.Text.Json;

namespace Lightbridge.Salesforce;

/// <summary>One entry of a Composite response: <c>{"body","httpHeaders","httpStatusCode","referenceId"}</c> (§2.5).</summary>
/// <param name="ReferenceId">The subrequest's name.</param>
/// <param name="HttpStatusCode">The subrequest's own status; the Composite call itself answers 200.</param>
/// <param name="Body">The subrequest's body (detached); JSON null when it had none.</param>
/// <param name="HttpHeaders">The subrequest's headers (e.g. <c>Location</c>).</param>
public sealed record CompositeSubresponse(string ReferenceId, int HttpStatusCode, JsonElement Body, IReadOnlyDictionary<string, string> HttpHeaders)
{
    /// <summary>Whether the subrequest succeeded (2xx).</summary>
    public bool IsSuccess => HttpStatusCode is >= 200 and < 300;

    /// <summary>The subrequest's errors when it failed (<c>PROCESSING_HALTED</c> for the untouched ones under allOrNone).</summary>
    public IReadOnlyList<ApiError> Errors =>
        IsSuccess || Body.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object)
            ? []
            : Http.SalesforceErrorMap.ParseErrors(Body.GetRawText());
}
