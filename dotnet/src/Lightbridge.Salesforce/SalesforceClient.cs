using System.Net;
using System.Text.Json;
using Lightbridge.Salesforce.Auth;
using Lightbridge.Salesforce.Bulk;
using Lightbridge.Salesforce.Collections;
using Lightbridge.Salesforce.Http;
using Lightbridge.Salesforce.Limits;
using Lightbridge.Salesforce.Records;
using Lightbridge.Salesforce.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lightbridge.Salesforce;

/// <summary>
/// The one door to a Salesforce org: login and session renewal, REST query/CRUD/upsert, sObject Collections,
/// Composite, limits and platform event publishing (shared/reference/salesforce-api.md §2, §3.6). Thread-safe;
/// make one per org and share it. Record-level failures come back as values (<see cref="UpsertResult"/>,
/// <see cref="RecordResult"/>); a call that cannot go on throws a <see cref="SalesforceApiException"/>.
/// </summary>
public sealed class SalesforceClient : IDisposable
{
    private readonly SalesforceClientOptions _options;
    private readonly TokenRequestFactory _tokenRequests;
    private readonly SalesforceTokenManager _tokens;
    private readonly RestApi _api;
    private readonly QueryWorkflow _query;
    private readonly CollectionUpsertWorkflow _collections;
    private readonly BulkLoadWorkflow _bulk;
    private readonly ILogger _log;
    private int _disposed;

    /// <summary>Creates the client; nothing is sent until the first call.</summary>
    /// <param name="http">
    /// The HTTP client (not owned; not disposed with this). Its handler must not follow redirects
    /// (<c>AllowAutoRedirect = false</c>): an ambiguous upsert answers 300, which must reach the client as such.
    /// </param>
    /// <param name="options">Where and how to log in; validated here.</param>
    /// <param name="timeProvider">The clock for back-off, pauses, timeouts and JWT expiry.</param>
    /// <param name="logger">Where events go; never receives secrets or record data.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem named).</exception>
    public SalesforceClient(HttpClient http, SalesforceClientOptions options, TimeProvider timeProvider, ILogger<SalesforceClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _options = options;
        ILogger log = logger ?? NullLogger<SalesforceClient>.Instance;
        _log = log;

        var retrying = SalesforceResilience.BuildRetrying(options, timeProvider, Statistics, log);
        _tokenRequests = new TokenRequestFactory(options, timeProvider);
        _tokens = new SalesforceTokenManager(new HttpTokenEndpoint(http, options, _tokenRequests, retrying), log, Statistics.TokenRequested);
        var usagePause = new ApiUsagePause(options.ApiUsagePauseThreshold, options.ApiUsagePause, timeProvider);
        var pipeline = new SalesforceHttpPipeline(http, options, _tokens, usagePause, retrying, timeProvider, Statistics, log);
        _api = new RestApi(pipeline, new SalesforceRoutes(options.VersionSegment));
        _query = new QueryWorkflow(_api, log);
        _collections = new CollectionUpsertWorkflow(_api, options, timeProvider, Statistics, log);
        _bulk = new BulkLoadWorkflow(new BulkIngestApi(pipeline, _api.Routes), options, timeProvider, log);
    }

    /// <summary>API calls by kind, token requests, retries, pauses and the last <c>Sforce-Limit-Info</c> reading.</summary>
    public SalesforceClientStatistics Statistics { get; } = new();

    /// <summary>
    /// Runs a SOQL query and streams its records across pages (<c>nextRecordsUrl</c>), each without its
    /// <c>attributes</c>. Build WHERE clauses with <see cref="Soql"/>. Numbers may arrive as doubles (<c>3.0</c>)
    /// and date-times as <c>…000+0000</c> (§2.2): read them as decimal/double and parse offsets without a colon.
    /// </summary>
    public IAsyncEnumerable<JsonElement> QueryAsync(string soql, CancellationToken ct = default) => _query.ReadAsync(soql, includeDeleted: false, ct);

    /// <summary>
    /// Runs several SOQL queries, five to a Composite call (one API call for five queries, §2.5), and streams each
    /// one's records, tagged with the query's position in <paramref name="soqls"/>, query after query. Records are
    /// read as <see cref="QueryAsync"/> reads them. Use it where many small queries would otherwise cost a call each.
    /// </summary>
    /// <exception cref="SalesforceApiException">A query failed; it names the status and Salesforce's errors.</exception>
    public IAsyncEnumerable<(int Query, JsonElement Record)> QueryManyAsync(IReadOnlyList<string> soqls, CancellationToken ct = default) =>
        _query.ReadManyAsync(soqls, ct);

    /// <summary>As <see cref="QueryAsync"/>, through <c>queryAll</c>: deleted and archived records included.</summary>
    public IAsyncEnumerable<JsonElement> QueryAllAsync(string soql, CancellationToken ct = default) => _query.ReadAsync(soql, includeDeleted: true, ct);

    /// <summary>
    /// Upserts one record by external ID (<c>PATCH /sobjects/{Object}/{Field}/{value}</c>, §2.3). The key field is
    /// left out of the body even if present in <paramref name="fields"/> (Salesforce rejects it there). Idempotent,
    /// so transient faults are retried.
    /// </summary>
    public async Task<UpsertResult> UpsertAsync(
        string sObject, string externalIdField, string externalId, IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var json = RecordJsonWriter.ToJson(fields, skipField: externalIdField);
        var response = await _api.UpsertAsync(sObject, externalIdField, externalId, json, ct).ConfigureAwait(false);
        return UpsertResultParser.Parse(response.StatusCode, response.Body);
    }

    /// <summary>
    /// Upserts records through sObject Collections (§2.4): 200 per call, <c>allOrNone</c> per call, results in
    /// input order with each record's index and external ID; records that hit <c>UNABLE_TO_LOCK_ROW</c> are sent
    /// again within the retry budget. Every record must hold a value for <paramref name="externalIdField"/>.
    /// </summary>
    public Task<IReadOnlyList<RecordResult>> UpsertCollectionAsync(
        string sObject,
        string externalIdField,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        bool allOrNone = false,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return _collections.UpsertAsync(sObject, externalIdField, records, allOrNone, ct);
    }

    /// <summary>
    /// Deletes records by id through sObject Collections (§2.4): 200 ids per call, <c>allOrNone=false</c>, so one
    /// record's refusal leaves the others deleted. Results come back in input order; <see cref="RecordResult.ExternalId"/>
    /// holds the id. A record already gone fails with <c>ENTITY_IS_DELETED</c> or <c>INVALID_CROSS_REFERENCE_KEY</c>.
    /// </summary>
    public async Task<IReadOnlyList<RecordResult>> DeleteCollectionAsync(IReadOnlyList<string> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var results = new List<RecordResult>(ids.Count);
        foreach (var chunk in ids.Chunk(CollectionChunker.MaxChunkSize))
        {
            var body = await _api.CollectionsDeleteAsync(chunk, ct).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() != chunk.Length)
            {
                throw new SalesforceApiException($"Salesforce answered a delete of {chunk.Length} records with something other than {chunk.Length} results.");
            }

            var i = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var parsed = CollectionResultJoiner.Parse(item, results.Count, chunk[i]);
                results.Add(parsed with { Id = parsed.Id ?? chunk[i] });
                i++;
            }
        }

        return results;
    }

    /// <summary>
    /// Loads records through Bulk API 2.0 (§1): CSV without BOM, LF, <c>#N/A</c> for null, written into each upload
    /// as it is sent, split over several jobs past the upload cap or 100,000 records; each job polled with back-off and its results joined back on the key (the external
    /// ID for upsert, <c>Id</c> otherwise), never on row order. A job that fails as a whole throws
    /// <see cref="BulkJobFailedException"/> with the server's message and the job's records joined to what it did;
    /// cancelling aborts the job in hand. Result files are read as they stream in, never held whole.
    /// </summary>
    /// <param name="sObject">The object loaded.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="records">The records; each must hold the key field. The columns are every field of every record.</param>
    /// <param name="externalIdField">
    /// The upsert's external ID field; for insert, a unique field of the records to join results on; null for
    /// update and delete, which join on <c>Id</c>.
    /// </param>
    /// <param name="ct">Cancels the load and aborts the job in hand.</param>
    public Task<BulkLoadResult> BulkLoadAsync(
        string sObject,
        BulkOperation operation,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        string? externalIdField = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return _bulk.LoadAsync(sObject, operation, records, externalIdField, BulkResultDetail.Full, ct);
    }

    /// <summary>
    /// As <see cref="BulkLoadAsync(string, BulkOperation, IReadOnlyList{IReadOnlyDictionary{string, object}}, string, CancellationToken)"/>,
    /// reporting <paramref name="detail"/> for the records that went through: with <see cref="BulkResultDetail.FailuresOnly"/>
    /// they carry no Id or created flag, and a job whose counts show no failure costs no result call at all.
    /// </summary>
    /// <param name="sObject">The object loaded.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="records">The records; each must hold the key field.</param>
    /// <param name="externalIdField">As for the other overload.</param>
    /// <param name="detail">What to report for records that went through.</param>
    /// <param name="ct">Cancels the load and aborts the job in hand.</param>
    public Task<BulkLoadResult> BulkLoadAsync(
        string sObject,
        BulkOperation operation,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        string? externalIdField,
        BulkResultDetail detail,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return _bulk.LoadAsync(sObject, operation, records, externalIdField, detail, ct);
    }

    /// <summary>
    /// Loads records read from a stream through Bulk API 2.0, as <see cref="BulkLoadAsync(string, BulkOperation, IReadOnlyList{IReadOnlyDictionary{string, object}}, string, CancellationToken)"/>
    /// but without ever holding the records: each job's CSV is written into its upload as the records arrive, and
    /// the job's results are handed over as soon as they are joined, one <see cref="BulkJobResult"/> per job. A
    /// job takes at most the upload cap in bytes and 100,000 records, so memory stays flat however long the stream.
    /// </summary>
    /// <param name="sObject">The object loaded.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="records">The records, read once; each must hold the key field and only fields among <paramref name="columns"/>.</param>
    /// <param name="columns">
    /// The CSV header cells, fixed up front because the stream cannot be read twice: <c>Total__c</c>, or for a
    /// value given as <see cref="ExternalIdReference"/>, <c>Store__r.Lightspeed_Shop_Id__c</c> (<c>Lead:Who.Email</c>
    /// when polymorphic). A record lacking a column leaves that cell empty ("leave as is").
    /// </param>
    /// <param name="externalIdField">As for the list overload; must be one of the columns (or <c>Id</c> be one).</param>
    /// <param name="ct">Cancels the load and aborts the job in hand.</param>
    /// <exception cref="ArgumentException">
    /// A record lacks its key, holds a field outside the columns or a value CSV cannot carry (the job in hand is
    /// aborted; the message names the record and field).
    /// </exception>
    public IAsyncEnumerable<BulkJobResult> BulkLoadAsync(
        string sObject,
        BulkOperation operation,
        IAsyncEnumerable<IReadOnlyDictionary<string, object?>> records,
        IReadOnlyList<string> columns,
        string? externalIdField = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(columns);
        return _bulk.LoadAsync(sObject, operation, records, columns, externalIdField, ct);
    }

    /// <summary>Creates one record and returns its Id. Not retried after a transient fault (a retry could create twice).</summary>
    /// <exception cref="SalesforceApiException">The record was refused (the envelope's codes are on the exception).</exception>
    public async Task<string> CreateAsync(string sObject, IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var body = await _api.CreateAsync(sObject, RecordJsonWriter.ToJson(fields), ct).ConfigureAwait(false);
        var (id, success, errors) = UpsertResultParser.SaveResult(body);
        if (!success || id is null)
        {
            throw new SalesforceApiException(
                HttpStatusCode.Created, "POST " + _api.Routes.SObject(sObject), errors.Select(e => new ApiError(e.StatusCode, e.Message, e.Fields)).ToList());
        }

        return id;
    }

    /// <summary>Updates fields of one record by Id.</summary>
    public Task UpdateAsync(string sObject, string id, IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return _api.UpdateAsync(sObject, id, RecordJsonWriter.ToJson(fields), ct);
    }

    /// <summary>Deletes one record by Id.</summary>
    public Task DeleteAsync(string sObject, string id, CancellationToken ct = default) => _api.DeleteAsync(sObject, id, ct);

    /// <summary>Reads one record by Id (only <paramref name="fields"/> when given), without <c>attributes</c>; null when it does not exist.</summary>
    public async Task<JsonElement?> GetAsync(string sObject, string id, IReadOnlyCollection<string>? fields = null, CancellationToken ct = default)
    {
        var response = await _api.GetAsync(sObject, id, fields ?? [], ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return RecordAttributes.Strip(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new SalesforceApiException($"Salesforce returned a {sObject} record that is not JSON.", ex);
        }
    }

    /// <summary>
    /// Sends up to 25 subrequests in one call (§2.5), at most 5 of them queries or sObject Collections calls; later
    /// ones may use <see cref="CompositeSubrequest.Reference"/>.
    /// The call answers 200 whatever the subrequests did: read each subresponse. Retried after a transient fault
    /// only when no subrequest is a POST.
    /// </summary>
    public async Task<CompositeResponse> CompositeAsync(IReadOnlyList<CompositeSubrequest> subrequests, bool allOrNone, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subrequests);
        var json = CompositeRequestWriter.Write(subrequests, allOrNone, _api.Routes.Root);
        var body = await _api.CompositeAsync(json, CompositeRequestWriter.IsIdempotent(subrequests), ct).ConfigureAwait(false);
        return CompositeResponse.Parse(body);
    }

    /// <summary>Reads the org's limits (<c>/limits</c>, §2.7).</summary>
    public async Task<ApiLimits> GetLimitsAsync(CancellationToken ct = default)
    {
        var body = await _api.LimitsAsync(ct).ConfigureAwait(false);
        try
        {
            return ApiLimits.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new SalesforceApiException("Salesforce returned a /limits response that is not a JSON object.", ex);
        }
    }

    /// <summary>
    /// Publishes a platform event (<c>POST /sobjects/{Event__e}</c>, §3.6). A 201 with <c>success:true</c> is
    /// success even when <c>errors</c> holds <c>OPERATION_ENQUEUED</c> (high-volume events publish asynchronously).
    /// Not retried after a transient fault: a second publish would be a second event.
    /// </summary>
    public async Task PublishEventAsync(string eventName, IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var body = await _api.PublishEventAsync(eventName, RecordJsonWriter.ToJson(fields), ct).ConfigureAwait(false);
        var (_, success, errors) = UpsertResultParser.SaveResult(body);
        if (!success)
        {
            throw new SalesforceApiException(
                HttpStatusCode.Created, "POST " + _api.Routes.SObject(eventName), errors.Select(e => new ApiError(e.StatusCode, e.Message, e.Fields)).ToList());
        }
    }

    /// <summary>A CometD subscriber on this client's login (reference §3); <paramref name="timeProvider"/> drives its back-off.</summary>
    public Streaming.CometdSubscriber CreateSubscriber(TimeProvider timeProvider, Streaming.CometdSubscriberOptions? options = null) => new(_tokens, _options.ApiVersion, timeProvider, options ?? new Streaming.CometdSubscriberOptions(), _log);

    /// <summary>Stops any session renewal in flight and releases the signing key.</summary>
    public void Dispose()
    {
        // IDisposable's contract: calls after the first are ignored (the token manager's CancellationTokenSource
        // would throw ObjectDisposedException when cancelled a second time).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _tokens.Dispose();
        _tokenRequests.Dispose();
    }
}
