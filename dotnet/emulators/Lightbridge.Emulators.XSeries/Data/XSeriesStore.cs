namespace Lightbridge.Emulators.XSeries.Data;

/// <summary>
/// All data of one retailer plus the global change counter. Every access holds <see cref="Gate"/>; every change
/// takes a fresh version from <see cref="NextVersion"/>, which steps by a seeded 1–3 so clients meet gaps.
/// </summary>
internal sealed class XSeriesStore
{
    private Random _versionSteps = new(1);

    public Lock Gate { get; } = new();

    public long CurrentVersion { get; private set; }

    public string RetailerId { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string DefaultTaxId { get; set; } = string.Empty;

    public decimal TaxRate { get; set; } = 0.15m;

    public int NextInvoice { get; set; } = 1;

    public List<OutletRecord> Outlets { get; } = [];

    public List<RegisterRecord> Registers { get; } = [];

    public List<PaymentTypeRecord> PaymentTypes { get; } = [];

    public List<CustomerRecord> Customers { get; } = [];

    public List<ProductRecord> Products { get; } = [];

    public List<InventoryRecord> Inventory { get; } = [];

    public List<SaleRecord> Sales { get; } = [];

    public int ActiveRegisterCount => Registers.Count(r => r.DeletedAt is null);

    public void Clear(int seed, long startVersion)
    {
        Outlets.Clear();
        Registers.Clear();
        PaymentTypes.Clear();
        Customers.Clear();
        Products.Clear();
        Inventory.Clear();
        Sales.Clear();
        NextInvoice = 1;
        CurrentVersion = startVersion;
        _versionSteps = new Random(unchecked(seed * 7919 + 17));
    }

    /// <summary>Bumps the global counter by 1–3 and returns the new value.</summary>
    public long NextVersion()
    {
        CurrentVersion += _versionSteps.Next(1, 4);
        return CurrentVersion;
    }

    /// <summary>Stamps a record as changed now: a new version and <c>updated_at</c>.</summary>
    public void Touch(VersionedRecord record, DateTimeOffset now)
    {
        record.Version = NextVersion();
        record.UpdatedAt = now;
    }
}
