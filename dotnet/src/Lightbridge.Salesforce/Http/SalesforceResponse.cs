using System.Net;

namespace Lightbridge.Salesforce.Http;

/// <summary>A response the caller reads: a 2xx, a 300, or a status it asked to see.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The response text; empty for 204.</param>
internal sealed record SalesforceResponse(HttpStatusCode StatusCode, string Body);
