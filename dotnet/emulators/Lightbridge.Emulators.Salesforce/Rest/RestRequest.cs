using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// A REST call, from HTTP or from a Composite subrequest: method, the path segments after <c>/services/data/</c>
/// (already URL-decoded one by one), the query string and the JSON body (or the raw text of a CSV upload).
/// </summary>
internal sealed record RestRequest(
    string Method,
    IReadOnlyList<string> Segments,
    IReadOnlyDictionary<string, string> Query,
    JsonNode? Body,
    int? BatchSize = null,
    string? RawBody = null)
{
    public string? QueryValue(string name) => Query.GetValueOrDefault(name);
}
