using Lightbridge.Core.Model;
using Lightbridge.Sync.Sources;

namespace Lightbridge.Sync.Tests.Series;

/// <summary>
/// One emulated Lightspeed account of either series with the real client of that series in front of it: what the
/// series-parameterized tests sync from. Everything a test does to the source (changes, faults) goes through here,
/// so a test reads the same for R-Series and X-Series.
/// </summary>
internal abstract class SourceUnderTest : IAsyncDisposable
{
    /// <summary>The series under test.</summary>
    public abstract SourceSeries Series { get; }

    /// <summary>The account id external ids are scoped by.</summary>
    public abstract string AccountId { get; }

    /// <summary>The real client of the series, as the engine reads it.</summary>
    public abstract ISourceReader Reader { get; }

    /// <summary>Rings up a new completed sale for <paramref name="customer"/> (a walk-in when null); returns its id.</summary>
    public abstract Task<LightspeedId> AddSaleAsync(LightspeedId? customer);

    /// <summary>Changes a customer's details the way a clerk would.</summary>
    public abstract Task EditCustomerAsync(LightspeedId customer);

    /// <summary>Voids a completed sale.</summary>
    public abstract Task VoidSaleAsync(LightspeedId sale);

    /// <summary>Moves the stock of one product in one store (a row as the client read it).</summary>
    public abstract Task ChangeStockAsync(ItemShop row, int delta);

    /// <summary>Makes the API fail a share of requests with server errors and dropped connections.</summary>
    public abstract void SetFaults(double serverErrorRate, double droppedConnectionRate);

    /// <summary>Makes the API reliable again.</summary>
    public abstract void ClearFaults();

    /// <summary>Everything the API returns now, read through the client from the start (no cursor).</summary>
    public async Task<SourceSnapshot> ReadAllAsync()
    {
        var all = SourceRead.Changes(null, null);
        return new SourceSnapshot(
            await ToListAsync(Reader.ReadShopsAsync(all, CancellationToken.None)),
            await ToListAsync(Reader.ReadItemsAsync(all, CancellationToken.None)),
            await ToListAsync(Reader.ReadItemShopsAsync(all, CancellationToken.None)),
            await ToListAsync(Reader.ReadCustomersAsync(all, CancellationToken.None)),
            await ToListAsync(Reader.ReadSalesAsync(all, CancellationToken.None)));
    }

    public abstract ValueTask DisposeAsync();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}

/// <summary>What a source holds, as its client reads it; the latest version of each record by id.</summary>
internal sealed record SourceSnapshot(
    IReadOnlyList<Shop> Shops, IReadOnlyList<Item> Items, IReadOnlyList<ItemShop> Stock, IReadOnlyList<Customer> Customers, IReadOnlyList<Sale> Sales)
{
    /// <summary>The stock rows of one product in one store (R-Series also lists an all-stores summary row, never synced).</summary>
    public IReadOnlyList<ItemShop> StoreStock => Stock.Where(s => !s.IsAllShopsSummary).GroupBy(s => s.Id).Select(g => g.Last()).ToList();

    /// <summary>Sales by id, latest read.</summary>
    public IReadOnlyList<Sale> LatestSales => Sales.GroupBy(s => s.Id).Select(g => g.Last()).ToList();
}
