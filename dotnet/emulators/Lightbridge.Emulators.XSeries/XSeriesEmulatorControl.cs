using Lightbridge.Emulators.XSeries.Auth;
using Lightbridge.Emulators.XSeries.Control;
using Lightbridge.Emulators.XSeries.Data;
using Lightbridge.Emulators.XSeries.RateLimiting;
using Lightbridge.Emulators.XSeries.Webhooks;

namespace Lightbridge.Emulators.XSeries;

/// <summary>
/// In-process access to everything the <c>/_control/</c> surface does: seed, mutate, faults, counters, webhooks and
/// tokens. Thread-safe. Every mutation returns the changed record's id and new version.
/// </summary>
public sealed class XSeriesEmulatorControl
{
    private readonly XSeriesStore _store;
    private readonly XSeriesEmulatorOptions _options;
    private readonly StoreMutator _mutator;
    private readonly FaultInjector _faults;
    private readonly Counters _counters;
    private readonly WindowRateLimiter _limiter;
    private readonly TokenService _tokens;
    private readonly WebhookDispatcher _webhooks;
    private GeneratorSize _size;

    internal XSeriesEmulatorControl(
        XSeriesStore store,
        XSeriesEmulatorOptions options,
        GeneratorSize size,
        StoreMutator mutator,
        FaultInjector faults,
        Counters counters,
        WindowRateLimiter limiter,
        TokenService tokens,
        WebhookDispatcher webhooks)
    {
        _store = store;
        _options = options;
        _size = size;
        _mutator = mutator;
        _faults = faults;
        _counters = counters;
        _limiter = limiter;
        _tokens = tokens;
        _webhooks = webhooks;
    }

    /// <summary>The seed and sizes currently loaded.</summary>
    public (int Seed, int Outlets, int RegistersPerOutlet, int Customers, int Products, int Sales, int HistoryDays) CurrentSize
    {
        get
        {
            lock (_store.Gate)
            {
                var s = _size;
                return (s.Seed, s.Outlets, s.RegistersPerOutlet, s.Customers, s.Products, s.Sales, s.HistoryDays);
            }
        }
    }

    /// <summary>The highest version handed out so far (every later change is above it).</summary>
    public long CurrentVersion
    {
        get
        {
            lock (_store.Gate)
            {
                return _store.CurrentVersion;
            }
        }
    }

    /// <summary>
    /// Replaces all data with a freshly generated retailer; clears faults, counters, the rate window, webhook
    /// subscriptions and their delivery journal. Tokens stay valid.
    /// </summary>
    public void Seed(int seed, int outlets, int registersPerOutlet, int customers, int products, int sales, int historyDays)
    {
        var size = new GeneratorSize(seed, outlets, registersPerOutlet, customers, products, sales, historyDays);
        var check = new XSeriesEmulatorOptions { Seed = seed, Outlets = outlets, RegistersPerOutlet = registersPerOutlet, Customers = customers, Products = products, Sales = sales, HistoryDays = historyDays }.Validate();
        if (check.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", check), nameof(seed));
        }

        lock (_store.Gate)
        {
            new DataGenerator(size, _options.HistoryEnd).Fill(_store);
            _mutator.Reseed(seed);
            _size = size;
            _webhooks.RetailerId = _store.RetailerId;
        }

        _webhooks.Reset(seed, _options.WebhookDropRate);
        _webhooks.Journal.Clear();
        _faults.Reset(seed);
        _counters.Reset();
        _limiter.Reset();
    }

    /// <summary>Regenerates the current seed and sizes, like <see cref="Seed"/>.</summary>
    public void Reset()
    {
        var s = CurrentSize;
        Seed(s.Seed, s.Outlets, s.RegistersPerOutlet, s.Customers, s.Products, s.Sales, s.HistoryDays);
    }

    /// <summary>Rings up a CLOSED sale now (stock goes down); null picks a walk-in and any outlet. Delivers sale.update and inventory.update.</summary>
    public XSeriesChange CreateSale(string? customerId = null, string? outletId = null) => _mutator.CreateSale(customerId, outletId);

    /// <summary>Sets a sale's status to VOIDED; delivers sale.update.</summary>
    public XSeriesChange VoidSale(string saleId) => _mutator.VoidSale(saleId);

    /// <summary>Edits a customer's phone, email or address in turn; delivers customer.update.</summary>
    public XSeriesChange UpdateCustomer(string customerId) => _mutator.UpdateCustomer(customerId);

    /// <summary>Changes a product's price; delivers product.update.</summary>
    public XSeriesChange UpdateProduct(string productId) => _mutator.UpdateProduct(productId);

    /// <summary>Sets the stock of a product in an outlet; delivers inventory.update. Returns the inventory row's id.</summary>
    public XSeriesChange SetInventoryLevel(string productId, string outletId, int level) => _mutator.SetInventoryLevel(productId, outletId, level);

    /// <summary>Soft-deletes a customer (<c>deleted_at</c> set; listed only with <c>deleted=true</c>); delivers customer.update.</summary>
    public XSeriesChange DeleteCustomer(string customerId) => _mutator.DeleteCustomer(customerId);

    /// <summary>Soft-deletes a product; delivers product.update.</summary>
    public XSeriesChange DeleteProduct(string productId) => _mutator.DeleteProduct(productId);

    /// <summary>Ids of the outlets, in version order.</summary>
    public IReadOnlyList<string> OutletIds() => Ids(s => s.Outlets);

    /// <summary>Ids of the customers not deleted.</summary>
    public IReadOnlyList<string> CustomerIds() => Ids(s => s.Customers.Where(c => c.DeletedAt is null));

    /// <summary>Ids of the products not deleted.</summary>
    public IReadOnlyList<string> ProductIds() => Ids(s => s.Products.Where(p => p.DeletedAt is null));

    /// <summary>Ids of all sales.</summary>
    public IReadOnlyList<string> SaleIds() => Ids(s => s.Sales);

    private List<string> Ids(Func<XSeriesStore, IEnumerable<VersionedRecord>> rows)
    {
        lock (_store.Gate)
        {
            return rows(_store).OrderBy(r => r.Version).Select(r => r.Id).ToList();
        }
    }

    /// <summary>Current API fault settings.</summary>
    public XSeriesFaults Faults => _faults.Current;

    /// <summary>Sets the 5xx and 429 rates, the added latency and the dropped-connection rate of API requests.</summary>
    public void SetFaults(XSeriesFaults faults) => _faults.Set(faults);

    /// <summary>Removes every fault.</summary>
    public void ClearFaults() => _faults.Set(XSeriesFaults.None);

    /// <summary>Counters since start or the last reset.</summary>
    public XSeriesCounterSnapshot GetCounters() => _counters.Snapshot();

    /// <summary>Zeroes every counter and empties the webhook delivery journal.</summary>
    public void ResetCounters()
    {
        _webhooks.Journal.Clear();
        _counters.Reset();
    }

    /// <summary>
    /// The webhook delivery journal since start or the last counter reset (the most recent 10,000 attempts), in the
    /// order their outcomes were known: type, record id and version, subscription, when, and sent, dropped or failed.
    /// An attempt is in the journal before it is counted, so after <see cref="WaitForWebhookOutcomesAsync"/> it is there.
    /// </summary>
    public IReadOnlyList<XSeriesWebhookDelivery> WebhookDeliveries() => _webhooks.Journal.Snapshot();

    /// <summary>Subscribes <paramref name="url"/> to a webhook type (sale.update, customer.update, product.update, inventory.update).</summary>
    public XSeriesWebhook AddWebhook(string type, Uri url) => _webhooks.Add(type, url);

    /// <summary>Removes a subscription; false when there was none with that id.</summary>
    public bool RemoveWebhook(string id) => _webhooks.Remove(id);

    /// <summary>
    /// Waits until at least <paramref name="outcomes"/> webhook deliveries have an outcome (sent + dropped + failed
    /// since the last counter reset), then returns the counters. For tests and tools: an event, not a poll.
    /// </summary>
    public async Task<XSeriesCounterSnapshot> WaitForWebhookOutcomesAsync(long outcomes, CancellationToken cancellationToken = default)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            var c = _counters.Snapshot();
            if (c.WebhooksSent + c.WebhooksDropped + c.WebhooksFailed >= outcomes)
            {
                reached.TrySetResult();
            }
        }

        // Subscribe first, then check, so an outcome between the two is never missed.
        _counters.WebhookOutcome += Check;
        try
        {
            Check();
            await reached.Task.WaitAsync(cancellationToken);
            return _counters.Snapshot();
        }
        finally
        {
            _counters.WebhookOutcome -= Check;
        }
    }

    /// <summary>All subscriptions.</summary>
    public IReadOnlyList<XSeriesWebhook> Webhooks => _webhooks.Subscriptions;

    /// <summary>Share (0–1) of webhook deliveries dropped, drawn from the seeded random.</summary>
    public double WebhookDropRate
    {
        get => _webhooks.DropRate;
        set => _webhooks.SetDropRate(value);
    }

    /// <summary>A valid access token without touching the refresh-token chain.</summary>
    public string IssueAccessToken() => _tokens.IssueAccessTokenDirectly();

    /// <summary>A refresh token of a new, independent chain (what authorizing the app again gives).</summary>
    public string IssueRefreshToken() => _tokens.IssueRefreshTokenDirectly();

    /// <summary>A one-time authorization code for the <c>authorization_code</c> grant (valid 10 minutes).</summary>
    public string IssueAuthorizationCode() => _tokens.IssueCode();

    /// <summary>Registers not deleted: they size the rate limit.</summary>
    public int RegisterCount
    {
        get
        {
            lock (_store.Gate)
            {
                return _store.ActiveRegisterCount;
            }
        }
    }

    /// <summary>Requests allowed per window now (300 × registers + 50 by default).</summary>
    public int RateLimit => _limiter.Limit;

    /// <summary>The length of a rate-limit window after the time scale (5 minutes at scale 1).</summary>
    public TimeSpan RateLimitWindow => _limiter.Window;
}
