using System.Net;
using Lightbridge.Salesforce.Http;

namespace Lightbridge.Salesforce.Rest;

/// <summary>
/// The REST wire client: one method per endpoint and nothing else (STYLE G4). Each returns the response text or
/// the response itself where the status carries meaning; workflows and the façade interpret them.
/// </summary>
internal sealed class RestApi
{
    private readonly SalesforceHttpPipeline _pipeline;
    private readonly SalesforceRoutes _routes;

    public RestApi(SalesforceHttpPipeline pipeline, SalesforceRoutes routes)
    {
        _pipeline = pipeline;
        _routes = routes;
    }

    public SalesforceRoutes Routes => _routes;

    /// <summary><c>GET /query?q=</c> or <c>/queryAll?q=</c> (§2.6).</summary>
    public async Task<string> QueryAsync(string soql, bool includeDeleted, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Get, _routes.Query(soql, includeDeleted), SalesforceApiCallKind.Query, idempotent: true, null, ct)
            .ConfigureAwait(false)).Body;

    /// <summary><c>GET {nextRecordsUrl}</c> (§2.6).</summary>
    public async Task<string> QueryMoreAsync(string nextRecordsUrl, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Get, SalesforceRoutes.NextRecords(nextRecordsUrl), SalesforceApiCallKind.Query, idempotent: true, null, ct)
            .ConfigureAwait(false)).Body;

    /// <summary><c>GET /sobjects/{Object}/{id}[?fields=…]</c>; a 404 is returned, not thrown.</summary>
    public Task<SalesforceResponse> GetAsync(string sObject, string id, IReadOnlyCollection<string> fields, CancellationToken ct) =>
        _pipeline.SendAsync(
            new SalesforceRequest(HttpMethod.Get, _routes.RecordFields(sObject, id, fields), SalesforceApiCallKind.Get, Idempotent: true)
            {
                PassThroughStatuses = [HttpStatusCode.NotFound],
            },
            ct);

    /// <summary><c>POST /sobjects/{Object}</c>: not idempotent, never retried after a transient fault.</summary>
    public async Task<string> CreateAsync(string sObject, string json, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, _routes.SObject(sObject), SalesforceApiCallKind.Create, idempotent: false, json, ct)
            .ConfigureAwait(false)).Body;

    /// <summary><c>PATCH /sobjects/{Object}/{id}</c> (204).</summary>
    public Task UpdateAsync(string sObject, string id, string json, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, _routes.Record(sObject, id), SalesforceApiCallKind.Update, idempotent: true, json, ct);

    /// <summary><c>DELETE /sobjects/{Object}/{id}</c> (204).</summary>
    public Task DeleteAsync(string sObject, string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, _routes.Record(sObject, id), SalesforceApiCallKind.Delete, idempotent: true, null, ct);

    /// <summary>
    /// <c>PATCH /sobjects/{Object}/{ExtIdField}/{value}</c> (§2.3): 201, 200, 300, and the record-level 400 and
    /// 404, are returned for the caller to read as an <see cref="UpsertResult"/>.
    /// </summary>
    public Task<SalesforceResponse> UpsertAsync(string sObject, string externalIdField, string externalId, string json, CancellationToken ct) =>
        _pipeline.SendAsync(
            new SalesforceRequest(HttpMethod.Patch, _routes.Upsert(sObject, externalIdField, externalId), SalesforceApiCallKind.Upsert, Idempotent: true)
            {
                JsonBody = json,
                PassThroughStatuses = [HttpStatusCode.BadRequest, HttpStatusCode.NotFound],
            },
            ct);

    /// <summary><c>PATCH /composite/sobjects/{Object}/{ExtIdField}</c> (§2.4): upserts by external ID are idempotent.</summary>
    public async Task<string> CollectionsUpsertAsync(string sObject, string externalIdField, string json, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Patch, _routes.CollectionsUpsert(sObject, externalIdField), SalesforceApiCallKind.CollectionsUpsert, idempotent: true, json, ct)
            .ConfigureAwait(false)).Body;

    /// <summary>
    /// <c>DELETE /composite/sobjects?ids=…&amp;allOrNone=false</c> (§2.4): up to 200 ids of any objects; deleting again
    /// only fails the records already gone, so the call is safe to retry.
    /// </summary>
    public async Task<string> CollectionsDeleteAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Delete, _routes.CollectionsDelete(ids), SalesforceApiCallKind.CollectionsDelete, idempotent: true, null, ct)
            .ConfigureAwait(false)).Body;

    /// <summary><c>POST /composite</c> (§2.5); idempotent only when every subrequest is.</summary>
    public async Task<string> CompositeAsync(string json, bool idempotent, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, _routes.Composite(), SalesforceApiCallKind.Composite, idempotent, json, ct)
            .ConfigureAwait(false)).Body;

    /// <summary><c>GET /limits</c> (§2.7).</summary>
    public async Task<string> LimitsAsync(CancellationToken ct) =>
        (await SendAsync(HttpMethod.Get, _routes.Limits(), SalesforceApiCallKind.Limits, idempotent: true, null, ct)
            .ConfigureAwait(false)).Body;

    /// <summary>
    /// <c>POST /sobjects/{Event__e}</c> (§3.6). Not idempotent: a second publish is a second event with a new
    /// EventUuid, which subscribers cannot de-duplicate.
    /// </summary>
    public async Task<string> PublishEventAsync(string eventName, string json, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, _routes.SObject(eventName), SalesforceApiCallKind.PublishEvent, idempotent: false, json, ct)
            .ConfigureAwait(false)).Body;

    private Task<SalesforceResponse> SendAsync(
        HttpMethod method, string path, SalesforceApiCallKind kind, bool idempotent, string? json, CancellationToken ct) =>
        _pipeline.SendAsync(new SalesforceRequest(method, path, kind, idempotent) { JsonBody = json }, ct);
}
