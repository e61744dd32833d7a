using Lightbridge.Emulators.XSeries.Webhooks;
using Lightbridge.Emulators.XSeries.Wire;

namespace Lightbridge.Emulators.XSeries.Data;

/// <summary>
/// Changes the store as the POS would, one record at a time: each change takes a new global version, moves
/// <c>updated_at</c> to now, and publishes the matching webhook (after the change is in place).
/// </summary>
internal sealed class StoreMutator(XSeriesStore store, WebhookDispatcher webhooks, TimeProvider time)
{
    private Random _random = new(1);
    private IdSource _ids = new(new Random(1));
    private int _edits;

    public void Reseed(int seed)
    {
        _random = new Random(unchecked(seed * 101 + 3));
        _ids = new IdSource(new Random(unchecked(seed * 211 + 5)));
        _edits = 0;
    }

    public XSeriesChange CreateSale(string? customerId, string? outletId)
    {
        lock (store.Gate)
        {
            var registers = store.Registers.Where(r => r.DeletedAt is null && (outletId is null || r.OutletId == outletId)).ToList();
            if (registers.Count == 0)
            {
                throw new KeyNotFoundException($"outlet {outletId}: no such outlet with a register.");
            }

            if (customerId is not null && !store.Customers.Any(c => c.Id == customerId && c.DeletedAt is null))
            {
                throw new KeyNotFoundException($"customer {customerId}: no such customer.");
            }

            var sellable = store.Products.Where(p => p.DeletedAt is null && p.Active && !store.Products.Any(c => c.VariantParentId == p.Id)).ToList();
            if (sellable.Count == 0)
            {
                throw new InvalidOperationException("No active product to sell.");
            }

            var register = registers[_random.Next(registers.Count)];
            var lines = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => (sellable[_random.Next(sellable.Count)], _random.Next(1, 3))).ToList();
            var sale = SaleFactory.Create(store, _ids, register, customerId, lines, time.GetUtcNow(), SaleStatus.Closed, _random);
            store.Sales.Add(sale);
            foreach (var (product, quantity) in lines)
            {
                var stock = store.Inventory.FirstOrDefault(i => i.ProductId == product.Id && i.OutletId == register.OutletId);
                if (stock is not null)
                {
                    stock.InventoryLevel -= quantity;
                    store.Touch(stock, sale.SaleDate);
                    webhooks.Publish(WebhookTypes.Inventory, stock, LegacyPayloadWriter.Inventory(stock, store.RetailerId));
                }
            }

            webhooks.Publish(WebhookTypes.Sale, sale, LegacyPayloadWriter.Sale(sale, store.RetailerId));
            return new XSeriesChange(sale.Id, sale.Version);
        }
    }

    public XSeriesChange VoidSale(string saleId)
    {
        lock (store.Gate)
        {
            var sale = store.Sales.FirstOrDefault(s => s.Id == saleId) ?? throw new KeyNotFoundException($"sale {saleId}: no such sale.");
            if (sale.Status == SaleStatus.Voided)
            {
                throw new InvalidOperationException($"sale {saleId}: already voided.");
            }

            sale.Status = SaleStatus.Voided;
            store.Touch(sale, time.GetUtcNow());
            webhooks.Publish(WebhookTypes.Sale, sale, LegacyPayloadWriter.Sale(sale, store.RetailerId));
            return new XSeriesChange(sale.Id, sale.Version);
        }
    }

    /// <summary>Edits the customer's phone, email or address in turn (messy values included).</summary>
    public XSeriesChange UpdateCustomer(string customerId)
    {
        lock (store.Gate)
        {
            var c = store.Customers.FirstOrDefault(x => x.Id == customerId && x.DeletedAt is null) ?? throw new KeyNotFoundException($"customer {customerId}: no such customer.");
            switch (_edits++ % 3)
            {
                case 0:
                    c.Phone = ContactNoise.Phone(_random);
                    break;
                case 1:
                    c.Email = ContactNoise.Email(_random, c.FirstName ?? "customer", c.LastName ?? "x", _edits);
                    break;
                default:
                    c.Address1 = $"{_random.Next(1, 500)} Queen Street";
                    c.City = "Auckland";
                    break;
            }

            store.Touch(c, time.GetUtcNow());
            webhooks.Publish(WebhookTypes.Customer, c, LegacyPayloadWriter.Customer(c, store.RetailerId));
            return new XSeriesChange(c.Id, c.Version);
        }
    }

    /// <summary>Changes a product's price (and supply price) by a few percent.</summary>
    public XSeriesChange UpdateProduct(string productId)
    {
        lock (store.Gate)
        {
            var p = store.Products.FirstOrDefault(x => x.Id == productId && x.DeletedAt is null) ?? throw new KeyNotFoundException($"product {productId}: no such product.");
            p.PriceExcludingTax = Math.Round(p.PriceExcludingTax * (1 + (_random.Next(-10, 11) / 100m)), 2) + 0.01m;
            p.SupplyPrice = Math.Round(p.PriceExcludingTax * 0.45m, 2);
            store.Touch(p, time.GetUtcNow());
            webhooks.Publish(WebhookTypes.Product, p, LegacyPayloadWriter.Product(p, store.RetailerId));
            return new XSeriesChange(p.Id, p.Version);
        }
    }

    public XSeriesChange SetInventoryLevel(string productId, string outletId, int level)
    {
        lock (store.Gate)
        {
            if (!store.Products.Any(p => p.Id == productId))
            {
                throw new KeyNotFoundException($"product {productId}: no such product.");
            }

            if (!store.Outlets.Any(o => o.Id == outletId))
            {
                throw new KeyNotFoundException($"outlet {outletId}: no such outlet.");
            }

            var now = time.GetUtcNow();
            var row = store.Inventory.FirstOrDefault(i => i.ProductId == productId && i.OutletId == outletId);
            if (row is null)
            {
                row = new InventoryRecord { Id = _ids.Next(), ProductId = productId, OutletId = outletId, CreatedAt = now };
                store.Inventory.Add(row);
            }

            row.InventoryLevel = level;
            store.Touch(row, now);
            webhooks.Publish(WebhookTypes.Inventory, row, LegacyPayloadWriter.Inventory(row, store.RetailerId));
            return new XSeriesChange(row.Id, row.Version);
        }
    }

    public XSeriesChange DeleteCustomer(string customerId)
    {
        lock (store.Gate)
        {
            var c = store.Customers.FirstOrDefault(x => x.Id == customerId && x.DeletedAt is null) ?? throw new KeyNotFoundException($"customer {customerId}: no such customer.");
            var now = time.GetUtcNow();
            c.DeletedAt = now;
            store.Touch(c, now);
            webhooks.Publish(WebhookTypes.Customer, c, LegacyPayloadWriter.Customer(c, store.RetailerId));
            return new XSeriesChange(c.Id, c.Version);
        }
    }

    public XSeriesChange DeleteProduct(string productId)
    {
        lock (store.Gate)
        {
            var p = store.Products.FirstOrDefault(x => x.Id == productId && x.DeletedAt is null) ?? throw new KeyNotFoundException($"product {productId}: no such product.");
            var now = time.GetUtcNow();
            p.DeletedAt = now;
            p.Active = false;
            store.Touch(p, now);
            webhooks.Publish(WebhookTypes.Product, p, LegacyPayloadWriter.Product(p, store.RetailerId));
            return new XSeriesChange(p.Id, p.Version);
        }
    }
}
