using System.Runtime.CompilerServices;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed;
using Lightbridge.XSeries;

namespace Lightbridge.Sync.Sources;

/// <summary>
/// An X-Series account (API 2.0) as a <see cref="ISourceReader"/>. Incremental reads follow the <c>version</c> cursor:
/// everything after the checkpoint's version, in version order, so no overlap window and no skipped ties are needed.
/// A window of history reads the same feed and keeps the records whose change time falls inside it. Reads by id use
/// the single-record endpoints where the API has them (customers, products, sales), else the full list. Voids are the
/// sale's own status; open sales (parked, lay-by, on account) wait until they close.
/// </summary>
public sealed class XSeriesReader : ISourceReader
{
    private readonly XSeriesClient _client;

    /// <summary>Reads through <paramref name="client"/>, which the caller owns.</summary>
    public XSeriesReader(XSeriesClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public SourceSeries Series => SourceSeries.X;

    /// <summary>The client, for what only X-Series has.</summary>
    public XSeriesClient Client => _client;

    /// <inheritdoc />
    public long RequestsSent => _client.Statistics.RequestsSent;

    /// <inheritdoc />
    public long RateLimitedResponses => _client.Statistics.RateLimitedResponses;

    /// <inheritdoc />
    public async Task<string?> ProbeAsync(CancellationToken ct)
    {
        try
        {
            // The registers list: one request that needs a valid token and nothing else.
            await foreach (var _ in _client.GetRegistersAsync(ct).ConfigureAwait(false))
            {
                break;
            }

            return null;
        }
        catch (Exception ex) when (ex is XSeriesApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
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
    public IAsyncEnumerable<Shop> ReadShopsAsync(SourceRead read, CancellationToken ct)
    {
        // Stores run first in every pass: a new outlet's time zone is then known to the sales read after it.
        _client.ResetOutletCache();
        return FilterAsync(read, _client.GetOutletsAsync(ct), s => s.Id, s => s.UpdatedAt, s => s.ChangeVersion, ct);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Item> ReadItemsAsync(SourceRead read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        return read.Ids is { } ids
            ? ByIdAsync(ids, _client.GetProductAsync, ct)
            : FilterAsync(read, _client.GetProductsAsync(read.AfterVersion, ct), i => i.Id, i => i.UpdatedAt, i => i.ChangeVersion, ct);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ItemShop> ReadItemShopsAsync(SourceRead read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        return FilterAsync(read, _client.GetInventoryAsync(read.IsById ? null : read.AfterVersion, ct), s => s.Id, s => s.UpdatedAt, s => s.ChangeVersion, ct);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Customer> ReadCustomersAsync(SourceRead read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        return read.Ids is { } ids
            ? ByIdAsync(ids, _client.GetCustomerAsync, ct)
            : FilterAsync(read, _client.GetCustomersAsync(read.AfterVersion, ct), c => c.Id, c => c.UpdatedAt, c => c.ChangeVersion, ct);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Sale> ReadSalesAsync(SourceRead read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Ids is { } ids)
        {
            return ByIdAsync(ids, _client.GetSaleAsync, ct);
        }

        return ClosedOnlyAsync(FilterAsync(read, _client.GetSalesAsync(read.AfterVersion, ct), s => s.Id, s => s.UpdatedAt, s => s.ChangeVersion, ct), ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<LightspeedId, SaleVoid>> ReadSaleVoidsAsync(SourceRead read, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<LightspeedId, SaleVoid>>(new Dictionary<LightspeedId, SaleVoid>());

    private static async IAsyncEnumerable<Sale> ClosedOnlyAsync(IAsyncEnumerable<Sale> sales, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var sale in sales.WithCancellation(ct).ConfigureAwait(false))
        {
            if (sale.Status != SaleStatus.Open)
            {
                yield return sale;
            }
        }
    }

    /// <summary>
    /// The records of a list read that the read asks for: by id when it names ids; inside the window when it is one;
    /// after its version otherwise (lists without a cursor, such as outlets, are filtered here).
    /// </summary>
    private static async IAsyncEnumerable<T> FilterAsync<T>(
        SourceRead read, IAsyncEnumerable<T> records, Func<T, LightspeedId> idOf, Func<T, DateTimeOffset?> changedAtOf, Func<T, long?> versionOf,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var ids = read.Ids?.ToHashSet();
        await foreach (var record in records.WithCancellation(ct).ConfigureAwait(false))
        {
            if (ids is not null)
            {
                if (ids.Contains(idOf(record)))
                {
                    yield return record;
                }

                continue;
            }

            if (read.AfterVersion is { } after && versionOf(record) is { } version && version <= after)
            {
                continue;
            }

            if (!read.IsWindow || read.Covers(changedAtOf(record)))
            {
                yield return record;
            }
        }
    }

    private static async IAsyncEnumerable<T> ByIdAsync<T>(IReadOnlyList<LightspeedId> ids, Func<LightspeedId, CancellationToken, Task<T?>> get, [EnumeratorCancellation] CancellationToken ct)
        where T : class
    {
        foreach (var id in ids.Distinct())
        {
            if (await get(id, ct).ConfigureAwait(false) is { } record)
            {
                yield return record;
            }
        }
    }
}
