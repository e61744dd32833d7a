namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>
/// All records of the one emulated account. A single lock (<see cref="Gate"/>) guards every read and write: the
/// handlers hold it while selecting and serialising a page, which is cheap next to the network.
/// </summary>
internal sealed class EmulatorStore
{
    public Lock Gate { get; } = new();

    public RecordTable<ShopRecord> Shops { get; } = new(r => r.ShopId);

    public RecordTable<RegisterRecord> Registers { get; } = new(r => r.RegisterId);

    public RecordTable<PaymentTypeRecord> PaymentTypes { get; } = new(r => r.PaymentTypeId);

    public RecordTable<CustomerRecord> Customers { get; } = new(r => r.CustomerId);

    public RecordTable<ItemRecord> Items { get; } = new(r => r.ItemId);

    public RecordTable<ItemShopRecord> ItemShops { get; } = new(r => r.ItemShopId);

    public RecordTable<SaleRecord> Sales { get; } = new(r => r.SaleId);

    public RecordTable<SaleVoidRecord> SaleVoids { get; } = new(r => r.SaleVoidId);

    /// <summary>ItemShop rows per item, summary (shop 0) first.</summary>
    public Dictionary<int, List<ItemShopRecord>> ItemShopsByItem { get; } = [];

    public int NextSaleLineId { get; set; } = 1;

    public int NextSalePaymentId { get; set; } = 1;

    public DataSize Size { get; set; } = new(1, 0, 0, 0, 0);

    /// <summary>The account zone: the first shop's, used for dates without a shop (Customer.dob).</summary>
    public string AccountTimeZone => Shops.Count == 0 ? "UTC" : Shops.Rows[0].TimeZone;

    public int ActiveRegisterCount { get; private set; }

    public void Clear()
    {
        Shops.Clear();
        Registers.Clear();
        PaymentTypes.Clear();
        Customers.Clear();
        Items.Clear();
        ItemShops.Clear();
        Sales.Clear();
        SaleVoids.Clear();
        ItemShopsByItem.Clear();
        NextSaleLineId = 1;
        NextSalePaymentId = 1;
        ActiveRegisterCount = 0;
    }

    public void AddItemShop(ItemShopRecord row)
    {
        ItemShops.Add(row);
        if (!ItemShopsByItem.TryGetValue(row.ItemId, out var list))
        {
            list = [];
            ItemShopsByItem.Add(row.ItemId, list);
        }

        list.Add(row);
    }

    public void RecountRegisters() => ActiveRegisterCount = Registers.Rows.Count(r => !r.Archived);
}
