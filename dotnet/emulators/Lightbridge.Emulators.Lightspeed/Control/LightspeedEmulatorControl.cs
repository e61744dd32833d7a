using Lightbridge.Emulators.Lightspeed.Auth;
using Lightbridge.Emulators.Lightspeed.Control;
using Lightbridge.Emulators.Lightspeed.Data;
using Lightbridge.Emulators.Lightspeed.RateLimiting;

namespace Lightbridge.Emulators.Lightspeed;

/// <summary>
/// In-process access to everything the <c>/__emulator/</c> control surface does: reset, seed, mutate, traffic,
/// counters and faults. Thread-safe.
/// </summary>
public sealed class LightspeedEmulatorControl
{
    private readonly EmulatorStore _store;
    private readonly DateTimeOffset _historyEnd;
    private readonly StoreMutator _mutator;
    private readonly TrafficGenerator _traffic;
    private readonly FaultInjector _faults;
    private readonly EmulatorCounters _counters;
    private readonly RateLimiter _limiter;
    private readonly TokenService _tokens;

    internal LightspeedEmulatorControl(
        EmulatorStore store,
        DateTimeOffset historyEnd,
        StoreMutator mutator,
        TrafficGenerator traffic,
        FaultInjector faults,
        EmulatorCounters counters,
        RateLimiter limiter,
        TokenService tokens)
    {
        _store = store;
        _historyEnd = historyEnd;
        _mutator = mutator;
        _traffic = traffic;
        _faults = faults;
        _counters = counters;
        _limiter = limiter;
        _tokens = tokens;
    }

    /// <summary>The seed and sizes currently loaded.</summary>
    public (int Seed, int Shops, int Customers, int Items, int Sales) CurrentSize
    {
        get
        {
            lock (_store.Gate)
            {
                var s = _store.Size;
                return (s.Seed, s.Shops, s.Customers, s.Items, s.Sales);
            }
        }
    }

    /// <summary>Regenerates the current seed and sizes, stops traffic, clears faults, counters and the bucket. Tokens stay valid.</summary>
    public void Reset()
    {
        var s = CurrentSize;
        Seed(s.Seed, s.Shops, s.Customers, s.Items, s.Sales);
    }

    /// <summary>Replaces all data with a freshly generated account, then resets like <see cref="Reset"/>.</summary>
    public void Seed(int seed, int shops, int customers, int items, int sales)
    {
        _traffic.Stop();
        var size = new DataSize(seed, shops, customers, items, sales).Normalized();
        lock (_store.Gate)
        {
            new DataGenerator(size, _historyEnd).Fill(_store);
            _mutator.Reseed(seed);
        }

        _faults.Reset(seed);
        _counters.Reset();
        _limiter.Reset();
    }

    /// <summary>Edits a customer (phone, email or company/address in turn), bumping Customer and Contact timeStamp. Returns the id.</summary>
    public int EditCustomer(int customerId) => _mutator.EditCustomer(customerId);

    /// <summary>Adds a completed sale stamped now; null picks a customer (or walk-in) and a shop at random. Returns the new saleID.</summary>
    public int AddSale(int? customerId = null, int? shopId = null) => _mutator.AddSale(customerId, shopId);

    /// <summary>Voids a completed sale: voided="true", updatetime now, a SaleVoid row, stock restored.</summary>
    public void VoidSale(int saleId) => _mutator.VoidSale(saleId);

    /// <summary>Removes a line (the last one when <paramref name="saleLineId"/> is null) from a completed sale; updatetime moves. Returns the line's id.</summary>
    public int RemoveSaleLine(int saleId, int? saleLineId = null) => _mutator.RemoveSaleLine(saleId, saleLineId);

    /// <summary>Moves a sale to another shop and/or customer (0: walk-in); updatetime moves.</summary>
    public void MoveSale(int saleId, int? shopId = null, int? customerId = null) => _mutator.MoveSale(saleId, shopId, customerId);

    /// <summary>
    /// Makes a sale, or one of its lines, send <paramref name="value"/> as the wire field <paramref name="field"/>
    /// (a malformed record, e.g. <c>calcTotal "12,50"</c> or <c>shopID "0"</c>); null restores the real value.
    /// </summary>
    public void SetRawSaleField(int saleId, string field, string? value, int? saleLineId = null) => _mutator.SetRaw(saleId, saleLineId, field, value);

    /// <summary>
    /// Makes a sale, or one of its lines, send a raw JSON fragment (UTF-8, unchecked: any shape, even invalid bytes) as
    /// the wire field <paramref name="field"/>; an empty fragment leaves the field out; null restores the real value.
    /// </summary>
    public void SetRawSaleJson(int saleId, string field, byte[]? fragment, int? saleLineId = null) => _mutator.SetRawJson(saleId, saleLineId, field, fragment);

    /// <summary>Adds <paramref name="delta"/> to an item's stock in a shop (and the shop 0 summary); Item.timeStamp does not move. Returns the new qoh.</summary>
    public int ChangeStock(int itemId, int shopId, int delta) => _mutator.ChangeStock(itemId, shopId, delta);

    public EmulatorFaults Faults => _faults.Current;

    public void SetFaults(EmulatorFaults faults) => _faults.Set(faults);

    /// <summary>Sets the 5xx rate, the added latency and the dropped-connection rate of API requests.</summary>
    public void SetFaults(double serverErrorRate, TimeSpan latency, double droppedConnectionRate) =>
        _faults.Set(new EmulatorFaults(serverErrorRate, latency, droppedConnectionRate));

    public void ClearFaults() => _faults.Set(EmulatorFaults.None);

    public EmulatorCounterSnapshot GetCounters() => _counters.Snapshot();

    public void ResetCounters() => _counters.Reset();

    public void StartTraffic(double salesPerMinute, double editsPerMinute) => _traffic.Start(salesPerMinute, editsPerMinute);

    public void StopTraffic() => _traffic.Stop();

    public TrafficStatus Traffic => _traffic.Status;

    /// <summary>A valid access token without touching the refresh-token chain (for tests and tools).</summary>
    public string IssueAccessToken() => _tokens.IssueAccessTokenDirectly();

    /// <summary>
    /// A refresh token of a new, independent chain: what authorizing the app a second time gives, for a second
    /// deployment on the same account (each deployment rotates its own chain).
    /// </summary>
    public string IssueRefreshToken() => _tokens.IssueRefreshTokenDirectly();

    /// <summary>Number of active registers, which sizes the bucket.</summary>
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
}
