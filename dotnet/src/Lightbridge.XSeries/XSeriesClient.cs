using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed;
using Lightbridge.XSeries.Auth;
using Lightbridge.XSeries.Http;
using Lightbridge.XSeries.Mapping;
using Lightbridge.XSeries.Paging;
using Lightbridge.XSeries.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lightbridge.XSeries;

/// <summary>
/// Reads one Lightspeed X-Series account (API 2.0) into Core's canonical records: OAuth with single-flight rotation,
/// pacing from <c>X-RateLimit-*</c>, <c>Retry-After</c> on 429, Polly for transient faults, and <c>version</c>-cursor
/// paging. Every list yields records in ascending <c>version</c>, each carrying it as <c>ChangeVersion</c>, so the
/// caller's checkpoint is the last version it stored. Thread-safe. Does not own the <see cref="HttpClient"/>.
/// </summary>
public sealed class XSeriesClient : IDisposable
{
    private readonly ILogger _log;
    private readonly XSeriesRoutes _routes;
    private readonly TokenManager _tokens;
    private readonly XSeriesHttpPipeline _pipeline;
    private readonly VersionPager _pager;
    private readonly Lock _zonesGate = new();
    private Task<OutletTimeZones>? _zones;

    /// <summary>Creates a client for the account in <paramref name="options"/>.</summary>
    /// <param name="http">The HTTP client to send with (not disposed by this client).</param>
    /// <param name="options">Where and as whom to connect; validated here.</param>
    /// <param name="tokens">Holds the rotating token pair; a new pair is saved before it is used.</param>
    /// <param name="time">The clock for token expiry, pacing, <c>Retry-After</c> and back-off.</param>
    /// <param name="logger">Where events go; tokens, secrets and personal data never do.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names each one).</exception>
    public XSeriesClient(HttpClient http, XSeriesClientOptions options, ILightspeedTokenStore tokens, TimeProvider time, ILogger<XSeriesClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(time);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        ILogger log = logger ?? NullLogger<XSeriesClient>.Instance;
        _log = log;
        var resilience = XSeriesResilience.Build(options, time, Statistics, log);
        _tokens = new TokenManager(new TokenEndpoint(http, options, resilience, time), tokens, time, options.RefreshAhead, log, Statistics.TokenRefreshed);
        var pacer = new RequestPacer(new RateLimitPacer(options.RateLimitWindow, options.RateLimitReserve), time, Statistics, log);
        _pipeline = new XSeriesHttpPipeline(http, options, _tokens, pacer, resilience, time, Statistics, log);
        _routes = new XSeriesRoutes(options);
        _pager = new VersionPager(_pipeline.GetJsonAsync, _routes, options.PageSize, log);
    }

    /// <summary>Counters of requests, 429s, refreshes, throttle waits and retries.</summary>
    public XSeriesClientStatistics Statistics { get; } = new();

    /// <summary>
    /// Receives each record of a page that cannot be read into the model; the record is skipped and the page goes on.
    /// Null (the default) is strict: the read fails with the record's exception.
    /// </summary>
    public Action<UnreadableRecord>? UnreadableRecordHandler { get; set; }

    /// <summary>Every outlet (<c>/outlets</c>), as shops; deleted ones come archived.</summary>
    public IAsyncEnumerable<Shop> GetOutletsAsync(CancellationToken ct = default) =>
        ReadAsync("outlets", "outlet", after: null, includeDeleted: false, CatalogMapper.MapOutlet, ct);

    /// <summary>Every register (<c>/registers</c>).</summary>
    public IAsyncEnumerable<Register> GetRegistersAsync(CancellationToken ct = default) =>
        ReadAsync("registers", "register", after: null, includeDeleted: false, CatalogMapper.MapRegister, ct);

    /// <summary>The customers changed after <paramref name="afterVersion"/> (null: all), deleted ones included and archived.</summary>
    public IAsyncEnumerable<Customer> GetCustomersAsync(long? afterVersion, CancellationToken ct = default) =>
        ReadAsync("customers", "customer", afterVersion, includeDeleted: true, CustomerMapper.Map, ct);

    /// <summary>The products changed after <paramref name="afterVersion"/> (null: all), deleted ones included and archived.</summary>
    public IAsyncEnumerable<Item> GetProductsAsync(long? afterVersion, CancellationToken ct = default) =>
        ReadAsync("products", "product", afterVersion, includeDeleted: true, CatalogMapper.MapProduct, ct);

    /// <summary>The inventory records (stock per product and outlet) changed after <paramref name="afterVersion"/>.</summary>
    public IAsyncEnumerable<ItemShop> GetInventoryAsync(long? afterVersion, CancellationToken ct = default) =>
        ReadAsync("inventory", "inventory", afterVersion, includeDeleted: false, CatalogMapper.MapInventory, ct);

    /// <summary>
    /// The sales changed after <paramref name="afterVersion"/> with their lines and payments, each carrying its outlet's
    /// time zone (outlets are read once per client and cached; see <see cref="ResetOutletCache"/>).
    /// </summary>
    public async IAsyncEnumerable<Sale> GetSalesAsync(long? afterVersion, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var zones = await OutletZonesAsync(ct).ConfigureAwait(false);
        await foreach (var sale in ReadAsync("sales", "sale", afterVersion, includeDeleted: false, e => SaleMapper.Map(e, zones), ct).ConfigureAwait(false))
        {
            yield return sale;
        }
    }

    /// <summary>One customer, or null when it does not exist (404).</summary>
    public async Task<Customer?> GetCustomerAsync(LightspeedId id, CancellationToken ct = default) =>
        await GetRecordAsync("customers", id, ct).ConfigureAwait(false) is { } record ? CustomerMapper.Map(record) : null;

    /// <summary>One product, or null when it does not exist (404).</summary>
    public async Task<Item?> GetProductAsync(LightspeedId id, CancellationToken ct = default) =>
        await GetRecordAsync("products", id, ct).ConfigureAwait(false) is { } record ? CatalogMapper.MapProduct(record) : null;

    /// <summary>One sale with its lines and payments, or null when it does not exist (404).</summary>
    public async Task<Sale?> GetSaleAsync(LightspeedId id, CancellationToken ct = default)
    {
        if (await GetRecordAsync("sales", id, ct).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        return SaleMapper.Map(record, await OutletZonesAsync(ct).ConfigureAwait(false));
    }

    /// <summary>Forgets the cached outlet time zones, so the next sale read fetches the outlets again.</summary>
    public void ResetOutletCache()
    {
        lock (_zonesGate)
        {
            _zones = null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _tokens.Dispose();

    private async IAsyncEnumerable<TModel> ReadAsync<TModel>(
        string resource, string entity, long? after, bool includeDeleted, Func<JsonElement, TModel> map, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var record in _pager.ReadAsync(resource, after, includeDeleted, ct).ConfigureAwait(false))
        {
            if (TryMap(entity, record, map, out var model))
            {
                yield return model;
            }
        }
    }

    /// <summary>
    /// Maps one record; one that cannot be read goes to <see cref="UnreadableRecordHandler"/> and is skipped, or, without
    /// a handler, its exception goes on.
    /// </summary>
    private bool TryMap<TModel>(string entity, JsonElement record, Func<JsonElement, TModel> map, out TModel model)
    {
        try
        {
            model = map(record);
            return true;
        }
        catch (Exception ex) when (UnreadableRecordHandler is { } handler
            && ex is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            var id = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("id", out var value)
                && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? value.ToString()
                : null;
            Log.RecordUnreadable(_log, entity, id, ex.GetType().Name);
            handler(new UnreadableRecord(entity, id, ex.Message, record.GetRawText()));
            model = default!;
            return false;
        }
    }

    /// <summary><c>/api/2.0/{resource}/{id}</c>: the record inside <c>data</c>, or null on 404.</summary>
    private async Task<JsonElement?> GetRecordAsync(string resource, LightspeedId id, CancellationToken ct)
    {
        try
        {
            using var document = await _pipeline.GetJsonAsync(_routes.Record(resource, id.Value), ct).ConfigureAwait(false);
            var root = document.RootElement;
            var record = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) ? data : root;
            return record.ValueKind == JsonValueKind.Object ? record.Clone() : null;
        }
        catch (XSeriesApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The outlets' time zones, fetched once and cached; a failed fetch is not cached.</summary>
    private async Task<OutletTimeZones> OutletZonesAsync(CancellationToken ct)
    {
        Task<OutletTimeZones> task;
        lock (_zonesGate)
        {
            _zones ??= LoadZonesAsync();
            task = _zones;
        }

        try
        {
            return await task.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (task.IsFaulted || task.IsCanceled)
        {
            lock (_zonesGate)
            {
                if (_zones == task)
                {
                    _zones = null;
                }
            }

            throw;
        }
    }

    private async Task<OutletTimeZones> LoadZonesAsync()
    {
        var outlets = new List<Shop>();
        await foreach (var outlet in GetOutletsAsync().ConfigureAwait(false))
        {
            outlets.Add(outlet);
        }

        return new OutletTimeZones(outlets);
    }
}
