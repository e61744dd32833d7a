using System.Runtime.CompilerServices;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed;

namespace Lightbridge.Sync.Sources;

/// <summary>
/// An R-Series account (API V3) as a <see cref="ISourceReader"/>: every read is a query sorted by <c>timeStamp</c>
/// and filtered <c>&gt;=</c> its start (the pipelines already subtracted the overlap), or an <c>IN</c> query of up
/// to 100 ids; archived shops, items and customers are read too. Voids live in <c>SaleVoid</c>, apart from sales.
/// </summary>
public sealed class RSeriesReader : ISourceReader
{
    /// <summary>The sort and filter field of incremental and window reads of the catalog and customers.</summary>
    public const string ChangeField = "timeStamp";

    /// <summary>
    /// The sort and filter field of sale reads: <c>updatetime</c> moves when a line or payment changes, which the
    /// sale's own <c>timeStamp</c> does not promise.
    /// </summary>
    public const string SaleChangeField = "updatetime";

    private readonly LightspeedClient _client;

    /// <summary>Reads through <paramref name="client"/>, which the caller owns.</summary>
    public RSeriesReader(LightspeedClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public SourceSeries Series => SourceSeries.R;

    /// <summary>The client, for what only R-Series has (its statistics, shop time zones).</summary>
    public LightspeedClient Client => _client;

    /// <inheritdoc />
    public long RequestsSent => _client.Statistics.RequestsSent;

    /// <inheritdoc />
    public long RateLimitedResponses => _client.Statistics.RateLimitedResponses;

    /// <inheritdoc />
    public async Task<string?> ProbeAsync(CancellationToken ct)
    {
        try
        {
            // The account endpoint: one request that needs a valid token and nothing else.
            await foreach (var _ in _client.GetAccountsAsync(ct).ConfigureAwait(false))
            {
                break;
            }

            return null;
        }
        catch (Exception ex) when (ex is LightspeedApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ex.Message;
        }
    }

    /// <inheritdoc />
    public Action<UnreadableRecord>? UnreadableRecordHandler
    {
        get => _client.UnreadableRecordHandler;
        set => _client.UnreadableRecordHandler = value;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Shop> ReadShopsAsync(SourceRead read, CancellationToken ct) =>
        ReadAsync(read, "shopID", ChangeField, includeArchived: true, (q, c) => _client.GetShopsAsync(q, c), ct);

    /// <inheritdoc />
    public IAsyncEnumerable<Item> ReadItemsAsync(SourceRead read, CancellationToken ct) =>
        ReadAsync(read, "itemID", ChangeField, includeArchived: true, (q, c) => _client.GetItemsAsync(q, c), ct);

    /// <inheritdoc />
    public IAsyncEnumerable<ItemShop> ReadItemShopsAsync(SourceRead read, CancellationToken ct) =>
        ReadAsync(read, "itemShopID", ChangeField, includeArchived: false, (q, c) => _client.GetItemShopsAsync(q, c), ct);

    /// <inheritdoc />
    public IAsyncEnumerable<Customer> ReadCustomersAsync(SourceRead read, CancellationToken ct) =>
        ReadAsync(read, "customerID", ChangeField, includeArchived: true, (q, c) => _client.GetCustomersAsync(q, c), ct);

    /// <inheritdoc />
    public IAsyncEnumerable<Sale> ReadSalesAsync(SourceRead read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);

        // Open sales are still being rung up; they are read once completed (a void keeps a sale completed).
        return ReadAsync(read, "saleID", SaleChangeField, includeArchived: false, (q, c) => _client.GetSalesAsync(read.IsById ? q : q.Where("completed", FilterOperator.Equal, "true"), c), ct);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<LightspeedId, SaleVoid>> ReadSaleVoidsAsync(SourceRead read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        var query = new LightspeedQuery().SortBy("saleVoidID");
        if (read.ChangedFrom is { } from)
        {
            query.Where("createTime", FilterOperator.GreaterThanOrEqual, from);
        }

        var voids = new Dictionary<LightspeedId, SaleVoid>();
        await foreach (var saleVoid in _client.GetSaleVoidsAsync(query, ct).ConfigureAwait(false))
        {
            voids[saleVoid.SaleId] = saleVoid;
        }

        return voids;
    }

    private static async IAsyncEnumerable<T> ReadAsync<T>(
        SourceRead read, string idField, string changeField, bool includeArchived, Func<LightspeedQuery, CancellationToken, IAsyncEnumerable<T>> get, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Ids is { } ids)
        {
            foreach (var chunk in ids.Distinct().Chunk(LightspeedQuery.MaxLimit))
            {
                var byId = new LightspeedQuery().Where(idField, FilterOperator.In, chunk.Select(i => i.Value).ToArray());
                if (includeArchived)
                {
                    byId.Archived(ArchivedFilter.Include);
                }

                await foreach (var record in get(byId, ct).ConfigureAwait(false))
                {
                    yield return record;
                }
            }

            yield break;
        }

        var query = new LightspeedQuery().SortBy(changeField);
        if (read.ChangedFrom is { } from)
        {
            query.Where(changeField, FilterOperator.GreaterThanOrEqual, from);
        }

        if (read.ChangedBefore is { } before)
        {
            query.Where(changeField, FilterOperator.LessThan, before);
        }

        if (includeArchived)
        {
            query.Archived(ArchivedFilter.Include);
        }

        await foreach (var record in get(query, ct).ConfigureAwait(false))
        {
            yield return record;
        }
    }
}
