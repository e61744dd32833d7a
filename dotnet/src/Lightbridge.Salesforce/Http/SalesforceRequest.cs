using System.Net;

namespace Lightbridge.Salesforce.Http;

/// <summary>One REST call, relative to the session's instance URL.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path from <c>/services/data/…</c>, query string already encoded.</param>
/// <param name="Kind">What the call does, for statistics.</param>
/// <param name="Idempotent">
/// Whether repeating the call is harmless, so transient faults may be retried: true for reads, upserts by
/// external ID, updates and deletes; false for creates and event publishing, where a retry after a lost
/// response would write twice (STYLE G12).
/// </param>
internal sealed record SalesforceRequest(HttpMethod Method, string PathAndQuery, SalesforceApiCallKind Kind, bool Idempotent)
{
    /// <summary>A JSON body, or null for none.</summary>
    public string? JsonBody { get; init; }

    /// <summary>A CSV body (Bulk uploads), sent as <c>text/csv</c>; null for none.</summary>
    public ReadOnlyMemory<byte>? CsvBody { get; init; }

    /// <summary>
    /// A body written while it is sent (streamed Bulk uploads), made afresh for each send: the factory is called
    /// again when a rejected session forces a resend. Set one body only.
    /// </summary>
    public Func<HttpContent>? StreamedBody { get; init; }

    /// <summary>
    /// Reads a successful response's body as a stream (Bulk result files, read row by row instead of as one
    /// string); the response's <see cref="SalesforceResponse.Body"/> is then empty. Called again, from the start
    /// of a new response, when the call is retried, so it must start over each time.
    /// </summary>
    public Func<Stream, CancellationToken, Task>? BodyReader { get; init; }

    /// <summary>The media type asked for: JSON, or <c>text/csv</c> for Bulk result files.</summary>
    public string Accept { get; init; } = "application/json";

    /// <summary>Error statuses the caller reads itself instead of having them thrown (e.g. 404 for a GET by Id).</summary>
    public IReadOnlyCollection<HttpStatusCode> PassThroughStatuses { get; init; } = [];
}
