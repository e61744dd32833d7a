using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Auth;
using Lightbridge.Lightspeed.Http;
using Lightbridge.Lightspeed.Mapping;
using Lightbridge.Lightspeed.Paging;
using Lightbridge.Lightspeed.RateLimiting;
using Lightbridge.Lightspeed.Wire.Dtos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lightbridge.Lightspeed;

/// <summary>
/// Reads one Lightspeed R-Series account (API V3) into Core's canonical records: OAuth with single-flight
/// rotation, a header-driven bucket throttle, Polly for transient faults, and cursor paging. Thread-safe:
/// concurrent readers share one token and one throttle. Does not own the <see cref="HttpClient"/>.
/// </summary>
public sealed class LightspeedClient : IDisposable
{
    private static readonly string[] CustomerRelations = ["Contact"];
    private static readonly string[] SaleRelations = ["SaleLines", "SalePayments", "SalePayments.PaymentType"];
    private static readonly string[] ItemShopRelations = ["ItemShops"];

    private readonly ILogger _log;
    private readonly LightspeedRoutes _routes;
    private readonly TokenManager _tokens;
    private readonly LightspeedHttpPipeline _pipeline;
    private readonly CursorPager _pager;
    private readonly Lock _zonesGate = new();
    private Task<ShopTimeZones>? _zones;

    /// <summary>Creates a client for the account in <paramref name="options"/>.</summary>
    /// <param name="http">The HTTP client to send with (not disposed by this client).</param>
    /// <param name="options">Where and as whom to connect; validated here.</param>
    /// <param name="tokenStore">Holds the rotating token pair; a new pair is saved before it is used.</param>
    /// <param name="timeProvider">The clock for token expiry, the throttle and back-off.</param>
    /// <param name="logger">Where events go; tokens and personal data never do.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names each one).</exception>
    public LightspeedClient(HttpClient http, LightspeedClientOptions options, ILightspeedTokenStore tokenStore, TimeProvider timeProvider, ILogger<LightspeedClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokenStore);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();

        ILogger log = logger ?? NullLogger<LightspeedClient>.Instance;
        _log = log;
        var resilience = LightspeedResilience.Build(options, timeProvider, Statistics, log);
        var tokenEndpoint = new HttpTokenEndpoint(http, options, resilience);
        _tokens = new TokenManager(tokenEndpoint, tokenStore, timeProvider, options.RefreshAhead, log, Statistics.TokenRefreshed);
        var throttle = new RequestThrottle(new BucketThrottle(options.BucketHeadroom), timeProvider, Statistics, log);
        _pipeline = new LightspeedHttpPipeline(http, options, _tokens, throttle, resilience, timeProvider, Statistics, log);
        _pager = new CursorPager(_pipeline.GetPageAsync, log);
        _routes = new LightspeedRoutes(options.BaseUrl, options.AccountId);
    }

    /// <summary>
    /// Receives each record of a page that cannot be read into the model; the record is skipped and the page goes on.
    /// Null (the default) keeps the strict behaviour: the read fails with the record's exception.
    /// </summary>
    public Action<UnreadableRecord>? UnreadableRecordHandler { get; set; }

    /// <summary>Counters of requests, 429s, refreshes, throttle waits and retries.</summary>
    public LightspeedClientStatistics Statistics { get; } = new();

    /// <summary>The accounts the token can read (<c>/API/V3/Account.json</c>).</summary>
    public IAsyncEnumerable<Account> GetAccountsAsync(CancellationToken ct = default) =>
        Map<AccountDto, Account>("Account", _pager.ReadAsAsync<AccountDto>(_routes.Accounts(), "Account", ct), CatalogMapper.Map);

    /// <summary>The shops, every page.</summary>
    public IAsyncEnumerable<Shop> GetShopsAsync(LightspeedQuery? query = null, CancellationToken ct = default) =>
        Map<ShopDto, Shop>("Shop", ReadRecordsAsync<ShopDto>("Shop", query ?? new LightspeedQuery(), ct), CatalogMapper.Map);

    /// <summary>The registers, every page.</summary>
    public IAsyncEnumerable<Register> GetRegistersAsync(LightspeedQuery? query = null, CancellationToken ct = default) =>
        Map<RegisterDto, Register>("Register", ReadRecordsAsync<RegisterDto>("Register", query ?? new LightspeedQuery(), ct), CatalogMapper.Map);

    /// <summary>The customers with their <c>Contact</c> (loaded automatically), every page.</summary>
    public IAsyncEnumerable<Customer> GetCustomersAsync(LightspeedQuery? query = null, CancellationToken ct = default) =>
        MapWithZonesAsync<CustomerDto, Customer>("Customer", With(query, CustomerRelations), CustomerMapper.Map, ct);

    /// <summary>The items with their price levels, every page.</summary>
    public IAsyncEnumerable<Item> GetItemsAsync(LightspeedQuery? query = null, CancellationToken ct = default) =>
        GetItemsAsync(query, includeItemShops: false, ct);

    /// <summary>The items with their price levels and, when asked, their stock per shop (<c>ItemShops</c>), every page.</summary>
    public IAsyncEnumerable<Item> GetItemsAsync(LightspeedQuery? query, bool includeItemShops, CancellationToken ct = default) =>
        Map<ItemDto, Item>("Item", ReadRecordsAsync<ItemDto>("Item", includeItemShops ? With(query, ItemShopRelations) : query ?? new LightspeedQuery(), ct), CatalogMapper.Map);

    /// <summary>The stock rows (<c>/ItemShop.json</c>), the efficient way to poll stock changes (§3, Item).</summary>
    public IAsyncEnumerable<ItemShop> GetItemShopsAsync(LightspeedQuery? query = null, CancellationToken ct = default) =>
        Map<ItemShopDto, ItemShop>("ItemShop", ReadRecordsAsync<ItemShopDto>("ItemShop", query ?? new LightspeedQuery(), ct), dto => CatalogMapper.Map(dto));

    /// <summary>
    /// The sales with <c>SaleLines</c>, <c>SalePayments</c> and <c>SalePayments.PaymentType</c> (loaded
    /// automatically), each carrying its shop's time zone, every page.
    /// </summary>
    public IAsyncEnumerable<Sale> GetSalesAsync(LightspeedQuery? query = null, CancellationToken ct = default) =>
        MapWithZonesAsync<SaleDto, Sale>("Sale", With(query, SaleRelations), SaleMapper.Map, ct);

    /// <summary>The sale voids, every page.</summary>
    public IAsyncEnumerable<SaleVoid> GetSaleVoidsAsync(LightspeedQuery? query = null, CancellationToken ct = default) =>
        Map<SaleVoidDto, SaleVoid>("SaleVoid", ReadRecordsAsync<SaleVoidDto>("SaleVoid", query ?? new LightspeedQuery(), ct), SaleMapper.Map);

    /// <summary>The payment types, every page.</summary>
    public IAsyncEnumerable<PaymentType> GetPaymentTypesAsync(LightspeedQuery? query = null, CancellationToken ct = default) =>
        Map<PaymentTypeDto, PaymentType>("PaymentType", ReadRecordsAsync<PaymentTypeDto>("PaymentType", query ?? new LightspeedQuery(), ct), CatalogMapper.Map);

    /// <summary>One customer with its <c>Contact</c>, or null when it does not exist.</summary>
    public async Task<Customer?> GetCustomerAsync(LightspeedId id, CancellationToken ct = default)
    {
        var record = await ReadRecordAsync("Customer", id.Value, With(null, CustomerRelations), ct).ConfigureAwait(false);
        return record is { } wire ? CustomerMapper.Map(wire.Deserialize<CustomerDto>(), await ShopZonesAsync(ct).ConfigureAwait(false)) : null;
    }

    /// <summary>One item with its prices and its stock per shop (<c>ItemShops</c>), or null when it does not exist.</summary>
    public async Task<Item?> GetItemAsync(LightspeedId id, CancellationToken ct = default)
    {
        var record = await ReadRecordAsync("Item", id.Value, With(null, ItemShopRelations), ct).ConfigureAwait(false);
        return record is { } wire ? CatalogMapper.Map(wire.Deserialize<ItemDto>()) : null;
    }

    /// <summary>One sale with its lines and payments, or null when it does not exist.</summary>
    public async Task<Sale?> GetSaleAsync(LightspeedId id, CancellationToken ct = default)
    {
        var record = await ReadRecordAsync("Sale", id.Value, With(null, SaleRelations), ct).ConfigureAwait(false);
        return record is { } wire ? SaleMapper.Map(wire.Deserialize<SaleDto>(), await ShopZonesAsync(ct).ConfigureAwait(false)) : null;
    }

    /// <summary>One shop, or null when it does not exist.</summary>
    public async Task<Shop?> GetShopAsync(LightspeedId id, CancellationToken ct = default)
    {
        var record = await ReadRecordAsync("Shop", id.Value, null, ct).ConfigureAwait(false);
        return record is { } wire ? CatalogMapper.Map(wire.Deserialize<ShopDto>()) : null;
    }

    /// <summary>Every record element of every page of <c>/{entity}.json</c>, raw: for tests and diagnostics.</summary>
    /// <param name="entity">The entity name, e.g. <c>Sale</c>; it is also the record key in each page.</param>
    /// <param name="query">Filters, sort, limit and relations.</param>
    /// <param name="ct">Stops the walk between or during requests.</param>
    public async IAsyncEnumerable<JsonElement> GetRecordsAsync(string entity, LightspeedQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await foreach (var record in ReadRecordsAsync(entity, query, ct).ConfigureAwait(false))
        {
            yield return record.ToElement();
        }
    }

    /// <summary>One record of <c>/{entity}/{id}.json</c>, raw, or null on 404.</summary>
    public async Task<JsonElement?> GetRecordAsync(string entity, string id, LightspeedQuery? query = null, CancellationToken ct = default) =>
        await ReadRecordAsync(entity, id, query, ct).ConfigureAwait(false) is { } record ? record.ToElement() : null;

    private IAsyncEnumerable<WireRecord> ReadRecordsAsync(string entity, LightspeedQuery query, CancellationToken ct) =>
        _pager.ReadAsync(_routes.List(entity, query), entity, ct);

    private IAsyncEnumerable<WireRecord> ReadRecordsAsync<TDto>(string entity, LightspeedQuery query, CancellationToken ct)
        where TDto : class =>
        _pager.ReadAsAsync<TDto>(_routes.List(entity, query), entity, ct);

    private async Task<WireRecord?> ReadRecordAsync(string entity, string id, LightspeedQuery? query, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        try
        {
            var page = await _pipeline.GetPageAsync(_routes.Record(entity, id, query), body => WirePage.Read(body, entity), ct).ConfigureAwait(false);
            return page.Records.Count > 0 ? page.Records[0] : null;
        }
        catch (LightspeedApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Forgets the cached shop time zones, so the next read that needs them fetches the shops again.</summary>
    public void ResetShopTimeZones()
    {
        lock (_zonesGate)
        {
            _zones = null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _tokens.Dispose();

    private static LightspeedQuery With(LightspeedQuery? query, string[] relations) =>
        (query?.Clone() ?? new LightspeedQuery()).LoadRelations(relations);

    private async IAsyncEnumerable<TModel> Map<TDto, TModel>(string entity, IAsyncEnumerable<WireRecord> records, Func<TDto, TModel> map)
        where TDto : class
    {
        await foreach (var record in records.ConfigureAwait(false))
        {
            if (TryMap(entity, record, map, out var model))
            {
                yield return model;
            }
        }
    }

    /// <summary>
    /// Maps one record; a record that cannot be read goes to <see cref="UnreadableRecordHandler"/> and is skipped, or,
    /// without a handler, its exception goes on as before.
    /// </summary>
    private bool TryMap<TDto, TModel>(string entity, WireRecord record, Func<TDto, TModel> map, out TModel model)
        where TDto : class
    {
        try
        {
            model = map(record.Deserialize<TDto>());
            return true;
        }
        catch (Exception ex) when (UnreadableRecordHandler is { } handler && ex is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            var id = record.ReadId(WireIdField(entity));
            Log.RecordUnreadable(_log, entity, id, ex.GetType().Name);
            handler(new UnreadableRecord(entity, id, ex.Message, record.RawText));
            model = default!;
            return false;
        }
    }

    /// <summary>The id field of an entity on the wire: <c>saleID</c>, <c>itemShopID</c>…</summary>
    private static string WireIdField(string entity) => char.ToLowerInvariant(entity[0]) + entity[1..] + "ID";

    private async IAsyncEnumerable<TModel> MapWithZonesAsync<TDto, TModel>(
        string entity, LightspeedQuery query, Func<TDto, ShopTimeZones, TModel> map, [EnumeratorCancellation] CancellationToken ct)
        where TDto : class
    {
        var zones = await ShopZonesAsync(ct).ConfigureAwait(false);
        await foreach (var record in ReadRecordsAsync<TDto>(entity, query, ct).ConfigureAwait(false))
        {
            if (TryMap<TDto, TModel>(entity, record, dto => map(dto, zones), out var model))
            {
                yield return model;
            }
        }
    }

    /// <summary>The shops' time zones, fetched once (archived shops included, for old sales) and cached.</summary>
    private async Task<ShopTimeZones> ShopZonesAsync(CancellationToken ct)
    {
        Task<ShopTimeZones> task;
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
                    _zones = null; // Let the next caller try again.
                }
            }

            throw;
        }
    }

    private async Task<ShopTimeZones> LoadZonesAsync()
    {
        var shops = new List<Shop>();
        await foreach (var shop in GetShopsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ConfigureAwait(false))
        {
            shops.Add(shop);
        }

        return new ShopTimeZones(shops);
    }
}
