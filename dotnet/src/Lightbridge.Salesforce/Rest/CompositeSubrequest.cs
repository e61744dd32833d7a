namespace Lightbridge.Salesforce;

/// <summary>
/// One subrequest of a Composite call (shared/reference/salesforce-api.md §2.5). A later subrequest refers to an
/// earlier result with <c>@{referenceId.field}</c>, e.g. <see cref="Reference"/>("newStore") = <c>@{newStore.id}</c>,
/// in its URL or body.
/// </summary>
/// <param name="Method">GET, POST, PATCH or DELETE.</param>
/// <param name="Url">
/// The resource, relative to the data root (<c>sobjects/Contact/Email__c/x</c>) or absolute from
/// <c>/services/data/…</c>.
/// </param>
/// <param name="ReferenceId">The subrequest's name, unique in the call (letters, digits, underscores).</param>
public sealed record CompositeSubrequest(HttpMethod Method, string Url, string ReferenceId)
{
    /// <summary>
    /// The body: a field dictionary (written like any record: dates, references by external ID…), a
    /// <see cref="System.Text.Json.JsonElement"/>, or null.
    /// </summary>
    public object? Body { get; init; }

    /// <summary>Extra headers for this subrequest (e.g. <c>If-Modified-Since</c>), or null.</summary>
    public IReadOnlyDictionary<string, string>? HttpHeaders { get; init; }

    /// <summary>The text that stands for a field of an earlier subrequest's result: <c>@{referenceId.field}</c>.</summary>
    public static string Reference(string referenceId, string field = "id") => "@{" + referenceId + "." + field + "}";
}
