using Lightbridge.Core.Model;
using Lightbridge.Lightspeed;

namespace Lightbridge.Sync.Sources;

/// <summary>
/// One Lightspeed account as the pipelines read it: canonical records, whatever the series. The pipelines decide
/// what to read (<see cref="SourceRead"/>); the source turns it into its API's queries, pages and cursors. Reads
/// come oldest change first, which is what lets a checkpoint stand for "everything before this was handled".
/// </summary>
public interface ISourceReader
{
    /// <summary>The series of the account.</summary>
    SourceSeries Series { get; }

    /// <summary>The HTTP requests sent so far (run log and metrics).</summary>
    long RequestsSent { get; }

    /// <summary>Lightspeed's rate-limit refusals (429) met so far.</summary>
    long RateLimitedResponses { get; }

    /// <summary>
    /// One cheap authenticated read (readiness): null when the API answered, else why not. Only failures of the API
    /// or the network are reported; cancellation by <paramref name="ct"/> still throws.
    /// </summary>
    Task<string?> ProbeAsync(CancellationToken ct);

    /// <summary>Receives each record the client cannot read; the page it came in goes on.</summary>
    Action<UnreadableRecord>? UnreadableRecordHandler { get; set; }

    /// <summary>Stores, archived ones included (their old sales still need a store).</summary>
    IAsyncEnumerable<Shop> ReadShopsAsync(SourceRead read, CancellationToken ct);

    /// <summary>Products, archived or deleted ones included so they turn inactive.</summary>
    IAsyncEnumerable<Item> ReadItemsAsync(SourceRead read, CancellationToken ct);

    /// <summary>Stock rows, one per product and store.</summary>
    IAsyncEnumerable<ItemShop> ReadItemShopsAsync(SourceRead read, CancellationToken ct);

    /// <summary>Customers, archived or deleted ones included.</summary>
    IAsyncEnumerable<Customer> ReadCustomersAsync(SourceRead read, CancellationToken ct);

    /// <summary>Completed sales (voided ones included) with their lines and payments.</summary>
    IAsyncEnumerable<Sale> ReadSalesAsync(SourceRead read, CancellationToken ct);

    /// <summary>
    /// The voids recorded apart from their sales since the read's start, by sale id (R-Series keeps them in
    /// <c>SaleVoid</c>); empty where a void is the sale's own status (X-Series).
    /// </summary>
    Task<IReadOnlyDictionary<LightspeedId, SaleVoid>> ReadSaleVoidsAsync(SourceRead read, CancellationToken ct);
}
