using Lightbridge.Emulators.Lightspeed.Data;

namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>
/// Changes made after start (control surface and traffic), stamped with the injected clock at second resolution.
/// Faithful side effects: a customer edit bumps Customer and Contact timeStamp; a stock change bumps the ItemShop
/// rows but NOT Item.timeStamp (reference section 9 item 8); a void moves updatetime only (item 7).
/// </summary>
internal sealed class StoreMutator(EmulatorStore store, TimeProvider time)
{
    private Random _random = new(1);
    private int _edits;

    public void Reseed(int seed) => _random = new Random(unchecked((seed * 31) + 7));

    public DateTimeOffset Now()
    {
        var t = time.GetUtcNow();
        return new DateTimeOffset(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public int EditCustomer(int customerId)
    {
        lock (store.Gate)
        {
            var c = store.Customers.Find(customerId) ?? throw new KeyNotFoundException($"Customer {customerId} not found.");
            var now = Now();
            switch (_edits++ % 3)
            {
                case 0:
                    var number = $"+1 416 555 {_random.Next(1000, 9999)}";
                    var existing = c.Contact.Phones.FindIndex(p => p.UseType == "Mobile");
                    if (existing >= 0)
                    {
                        c.Contact.Phones[existing] = new ContactPhone(number, "Mobile");
                    }
                    else
                    {
                        c.Contact.Phones.Add(new ContactPhone(number, "Mobile"));
                    }

                    break;
                case 1:
                    var primary = c.Contact.Emails.FindIndex(e => e.UseType == "Primary");
                    var address = $"{c.CustomerId}.updated{_random.Next(100, 999)}@example.org";
                    if (primary >= 0)
                    {
                        c.Contact.Emails[primary] = new ContactEmail(address, "Primary");
                    }
                    else
                    {
                        c.Contact.Emails.Insert(0, new ContactEmail(address, "Primary"));
                    }

                    break;
                default:
                    c.Company = c.Company.Length == 0 ? "Edited Ltd." : string.Empty;
                    c.Contact.City = c.Contact.City.Length == 0 ? "Toronto" : c.Contact.City.ToUpperInvariant();
                    break;
            }

            c.TimeStamp = now;
            c.Contact.TimeStamp = now;
            return c.CustomerId;
        }
    }

    public int EditRandomCustomer()
    {
        lock (store.Gate)
        {
            if (store.Customers.Count == 0)
            {
                return 0;
            }

            return EditCustomer(store.Customers.Rows[_random.Next(store.Customers.Count)].CustomerId);
        }
    }

    public int AddSale(int? customerId, int? shopId)
    {
        lock (store.Gate)
        {
            var shop = shopId is { } s
                ? store.Shops.Find(s) ?? throw new KeyNotFoundException($"Shop {s} not found.")
                : store.Shops.Rows[_random.Next(store.Shops.Count)];
            var customer = customerId ?? (store.Customers.Count > 0 && _random.Next(10) >= 3 ? store.Customers.Rows[_random.Next(store.Customers.Count)].CustomerId : 0);
            if (customer != 0 && store.Customers.Find(customer) is null)
            {
                throw new KeyNotFoundException($"Customer {customer} not found.");
            }

            var now = Now();
            var sale = new SaleBuilder(store, _random).AddSale(now.AddMinutes(-2), shop, customer, completed: true, allowEmpty: false);
            sale.CompleteTime = now;
            sale.TimeStamp = now;
            sale.UpdateTime = now;
            foreach (var line in sale.Lines.Where(l => l.ItemId != 0))
            {
                line.TimeStamp = now;
                AdjustStock(line.ItemId, shop.ShopId, -line.UnitQuantity, now);
            }

            return sale.SaleId;
        }
    }

    public void VoidSale(int saleId)
    {
        lock (store.Gate)
        {
            var sale = store.Sales.Find(saleId) ?? throw new KeyNotFoundException($"Sale {saleId} not found.");
            if (!sale.Completed || sale.Voided)
            {
                throw new InvalidOperationException($"Sale {saleId} is not a completed, unvoided sale.");
            }

            var now = Now();
            new SaleBuilder(store, _random).Void(sale, now);
            // Voided sales restock their items (reference section 3, Sale).
            foreach (var line in sale.Lines.Where(l => l.ItemId != 0))
            {
                AdjustStock(line.ItemId, sale.ShopId, line.UnitQuantity, now);
            }
        }
    }

    /// <summary>
    /// Removes a line from a completed sale (an edit after completion): <paramref name="saleLineId"/> or, when null, the
    /// last line. updatetime moves; the sale's amounts follow its remaining lines. Returns the removed line's id.
    /// </summary>
    public int RemoveSaleLine(int saleId, int? saleLineId)
    {
        lock (store.Gate)
        {
            var sale = store.Sales.Find(saleId) ?? throw new KeyNotFoundException($"Sale {saleId} not found.");
            if (sale.Lines.Count < 2)
            {
                throw new InvalidOperationException($"Sale {saleId} has {sale.Lines.Count} line(s); at least one must stay.");
            }

            var line = saleLineId is { } id
                ? sale.Lines.Find(l => l.SaleLineId == id) ?? throw new KeyNotFoundException($"Sale line {id} is not on sale {saleId}.")
                : sale.Lines[^1];
            sale.Lines.Remove(line);
            sale.UpdateTime = Now();
            return line.SaleLineId;
        }
    }

    /// <summary>Moves a sale to another shop and/or customer (0: walk-in), as an edit after completion; updatetime moves.</summary>
    public void MoveSale(int saleId, int? shopId, int? customerId)
    {
        lock (store.Gate)
        {
            var sale = store.Sales.Find(saleId) ?? throw new KeyNotFoundException($"Sale {saleId} not found.");
            if (shopId is { } shop)
            {
                _ = store.Shops.Find(shop) ?? throw new KeyNotFoundException($"Shop {shop} not found.");
                sale.ShopId = shop;
                sale.Lines.ForEach(l => l.ShopId = shop);
            }

            if (customerId is { } customer)
            {
                if (customer != 0 && store.Customers.Find(customer) is null)
                {
                    throw new KeyNotFoundException($"Customer {customer} not found.");
                }

                sale.CustomerId = customer;
                sale.Lines.ForEach(l => l.CustomerId = customer);
            }

            sale.UpdateTime = Now();
        }
    }

    /// <summary>
    /// Makes a sale (or one of its lines) send <paramref name="value"/> as a JSON string for the wire field
    /// <paramref name="field"/> instead of the real value; null restores the real value. Either way it is an edit:
    /// updatetime moves.
    /// </summary>
    public void SetRaw(int saleId, int? saleLineId, string field, string? value) =>
        SetRawJson(saleId, saleLineId, field, value is null ? null : System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value));

    /// <summary>
    /// Like <see cref="SetRaw"/> with a raw JSON fragment in UTF-8, sent unchecked: any shape, any bytes; an empty
    /// fragment leaves the field out; null restores the real value.
    /// </summary>
    public void SetRawJson(int saleId, int? saleLineId, string field, byte[]? fragment)
    {
        lock (store.Gate)
        {
            var sale = store.Sales.Find(saleId) ?? throw new KeyNotFoundException($"Sale {saleId} not found.");
            var raw = saleLineId is { } id
                ? (sale.Lines.Find(l => l.SaleLineId == id) ?? throw new KeyNotFoundException($"Sale line {id} is not on sale {saleId}.")).RawFields
                : sale.RawFields;
            if (fragment is null)
            {
                raw.Remove(field);
            }
            else
            {
                raw[field] = fragment;
            }

            sale.UpdateTime = Now();
        }
    }

    public int ChangeStock(int itemId, int shopId, int delta)
    {
        lock (store.Gate)
        {
            if (store.Items.Find(itemId) is null)
            {
                throw new KeyNotFoundException($"Item {itemId} not found.");
            }

            if (store.Shops.Find(shopId) is null)
            {
                throw new KeyNotFoundException($"Shop {shopId} not found.");
            }

            return AdjustStock(itemId, shopId, delta, Now());
        }
    }

    private int AdjustStock(int itemId, int shopId, int delta, DateTimeOffset now)
    {
        var rows = store.ItemShopsByItem.GetValueOrDefault(itemId) ?? [];
        var row = rows.FirstOrDefault(r => r.ShopId == shopId);
        if (row is null)
        {
            return 0;
        }

        row.Qoh += delta;
        row.TimeStamp = now;
        if (rows.FirstOrDefault(r => r.ShopId == 0) is { } summary)
        {
            summary.Qoh += delta;
            summary.TimeStamp = now;
        }

        return row.Qoh;
    }
}
