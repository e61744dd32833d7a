namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>
/// Fills the store with a seeded, realistic and messy account: one <see cref="Random"/> from the seed drives every
/// choice, and all times fall in the two years before a fixed history end, so the same seed gives byte-identical
/// responses on any day.
/// </summary>
internal sealed class DataGenerator(DataSize size, DateTimeOffset historyEnd)
{
    private static readonly TimeSpan HistoryLength = TimeSpan.FromDays(730);

    private readonly Random _random = new(size.Seed);
    private readonly DateTimeOffset _start = Truncate(historyEnd - HistoryLength);

    public void Fill(EmulatorStore store)
    {
        store.Clear();
        store.Size = size;
        AddShopsAndRegisters(store);
        AddPaymentTypes(store);
        AddCustomers(store);
        AddItems(store);
        AddSales(store);
        store.RecountRegisters();
    }

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private DateTimeOffset RandomTime(DateTimeOffset from, DateTimeOffset to)
    {
        var span = Math.Max(1, (long)(to - from).TotalSeconds);
        return from.AddSeconds(_random.NextInt64(span));
    }

    private List<DateTimeOffset> SortedTimes(int count, DateTimeOffset from, DateTimeOffset to)
    {
        var times = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            times.Add(RandomTime(from, to));
        }

        times.Sort();
        return times;
    }

    private void AddShopsAndRegisters(EmulatorStore store)
    {
        for (var i = 0; i < size.Shops; i++)
        {
            var profile = SampleData.ShopProfiles[i];
            var shop = new ShopRecord
            {
                ShopId = i + 1,
                Name = profile.Name,
                TimeZone = profile.TimeZone,
                Tax1Rate = profile.Tax1Rate,
                Tax2Rate = profile.Tax2Rate,
                TimeStamp = RandomTime(_start, _start.AddDays(30)),
            };
            store.Shops.Add(shop);
            var registers = _random.Next(1, 4);
            for (var r = 0; r < registers; r++)
            {
                store.Registers.Add(new RegisterRecord
                {
                    RegisterId = store.Registers.NextId,
                    Name = r == 0 ? "Register 1" : $"Register {r + 1}",
                    ShopId = shop.ShopId,
                    Open = r == 0,
                    OpenTime = r == 0 ? historyEnd.AddHours(-6) : null,
                    OpenEmployeeId = r == 0 ? 1 : 0,
                    TimeStamp = shop.TimeStamp,
                });
            }
        }
    }

    private void AddPaymentTypes(EmulatorStore store)
    {
        (string Name, string Type, bool Customer, bool Reserved)[] types =
        [
            ("Cash", "cash", false, false),
            ("Credit Card", "credit card", false, false),
            ("Debit Card", "user defined", false, false),
            ("Gift Card", "gift card", false, false),
            ("Credit Account", "credit account", true, true),
            ("Check", "user defined", false, false),
            ("ECom", "ecom", false, true),
        ];
        for (var i = 0; i < types.Length; i++)
        {
            var t = types[i];
            store.PaymentTypes.Add(new PaymentTypeRecord
            {
                PaymentTypeId = i + 1,
                Name = t.Name,
                Type = t.Type,
                RequireCustomer = t.Customer,
                InternalReserved = t.Reserved,
                Archived = t.Name == "Check",
                RefundAsPaymentTypeId = t.Type == "gift card" ? 1 : 0,
                TimeStamp = _start,
            });
        }
    }

    private void AddCustomers(EmulatorStore store)
    {
        var created = SortedTimes(size.Customers, _start, historyEnd.AddDays(-1));
        var emails = new List<string>();
        var contacts = new ContactGenerator(_random);
        for (var i = 0; i < size.Customers; i++)
        {
            var profile = SampleData.ShopProfiles[_random.Next(size.Shops)];
            var first = SampleData.FirstNames[_random.Next(SampleData.FirstNames.Length)];
            var last = SampleData.LastNames[_random.Next(SampleData.LastNames.Length)];
            var timeStamp = _random.Next(3) == 0 ? RandomTime(created[i], historyEnd) : created[i];
            var contact = new ContactRecord { ContactId = i + 1, TimeStamp = timeStamp };
            contacts.Fill(contact, profile, first, last, emails);
            var customer = new CustomerRecord
            {
                CustomerId = i + 1,
                FirstName = _random.Next(40) == 0 ? first.ToLowerInvariant() : first,
                LastName = _random.Next(50) == 0 ? string.Empty : last,
                Title = _random.Next(8) == 0 ? "Dr." : string.Empty,
                Company = _random.Next(10) == 0 ? $"{last} & Co." : string.Empty,
                CreateTime = created[i],
                TimeStamp = timeStamp,
                Archived = _random.Next(20) == 0,
                CustomerTypeId = _random.Next(4) == 0 ? 2 : 1,
                Contact = contact,
            };
            if (_random.Next(3) == 0)
            {
                var dob = new DateOnly(_random.Next(1950, 2006), _random.Next(1, 13), _random.Next(1, 29));
                customer.Dob = LocalMidnight.ToUtc(dob, store.AccountTimeZone);
            }

            store.Customers.Add(customer);
        }
    }

    private void AddItems(EmulatorStore store)
    {
        var created = SortedTimes(size.Items, _start, historyEnd.AddDays(-30));
        var itemShopId = 1;
        for (var i = 0; i < size.Items; i++)
        {
            var id = i + 1;
            var price = (_random.Next(4, 250) + (_random.Next(3) switch { 0 => 0.99m, 1 => 0.50m, _ => 0m })) * 1m;
            var upcRoll = _random.Next(10);
            var item = new ItemRecord
            {
                ItemId = id,
                SystemSku = (210000000000L + id).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CustomSku = _random.Next(5) < 3 ? $"CS-{_random.Next(1000, 9999)}" : string.Empty,
                ManufacturerSku = _random.Next(5) < 2 ? $"M{_random.Next(100000, 999999)}" : string.Empty,
                Upc = upcRoll < 6 ? Digits(12) : string.Empty,
                Ean = upcRoll is >= 5 and < 8 ? Digits(13) : string.Empty,
                Description = SampleData.Adjectives[_random.Next(SampleData.Adjectives.Length)] + " " +
                    SampleData.Nouns[_random.Next(SampleData.Nouns.Length)] + SampleData.Sizes[_random.Next(SampleData.Sizes.Length)],
                DefaultCost = SaleRecord.Round(price * _random.Next(35, 60) / 100m),
                PriceDefault = price,
                PriceMsrp = SaleRecord.Round(price * _random.Next(100, 130) / 100m),
                PriceOnline = _random.Next(3) == 0 ? SaleRecord.Round(price * 0.95m) : price,
                Tax = _random.Next(15) != 0,
                Discountable = _random.Next(10) != 0,
                Archived = _random.Next(20) == 0,
                ItemType = _random.Next(14) == 0 ? "non_inventory" : "default",
                ModelYear = _random.Next(3) == 0 ? _random.Next(2019, 2027) : 0,
                CategoryId = _random.Next(1, 9),
                ManufacturerId = _random.Next(0, 6),
                DefaultVendorId = _random.Next(0, 4),
                CreateTime = created[i],
                TimeStamp = _random.Next(3) == 0 ? RandomTime(created[i], historyEnd) : created[i],
            };
            store.Items.Add(item);

            var summary = new ItemShopRecord { ItemShopId = itemShopId++, ItemId = id, ShopId = 0, AverageCost = item.DefaultCost, TimeStamp = item.TimeStamp };
            store.AddItemShop(summary);
            foreach (var shop in store.Shops.Rows)
            {
                var row = new ItemShopRecord
                {
                    ItemShopId = itemShopId++,
                    ItemId = id,
                    ShopId = shop.ShopId,
                    Qoh = _random.Next(12) == 0 ? -_random.Next(1, 3) : _random.Next(0, 41),
                    ReorderPoint = _random.Next(0, 6),
                    ReorderLevel = _random.Next(0, 20),
                    TimeStamp = RandomTime(item.CreateTime, historyEnd),
                };
                summary.Qoh += row.Qoh;
                summary.TimeStamp = row.TimeStamp > summary.TimeStamp ? row.TimeStamp : summary.TimeStamp;
                store.AddItemShop(row);
            }
        }
    }

    private string Digits(int count)
    {
        var chars = new char[count];
        chars[0] = (char)('1' + _random.Next(9));
        for (var i = 1; i < count; i++)
        {
            chars[i] = (char)('0' + _random.Next(10));
        }

        return new string(chars);
    }

    private void AddSales(EmulatorStore store)
    {
        var builder = new SaleBuilder(store, _random);
        var times = SortedTimes(size.Sales, _start.AddDays(7), historyEnd.AddHours(-2));
        var refundable = new List<SaleRecord>();
        var voids = new List<(SaleRecord Sale, DateTimeOffset When)>();
        var customers = store.Customers.Rows;
        foreach (var created in times)
        {
            var roll = _random.Next(100);
            if (roll < 5 && refundable.Count > 0)
            {
                var original = refundable[_random.Next(refundable.Count)];
                refundable.Remove(original);
                builder.AddRefund(created, original);
                continue;
            }

            var shop = store.Shops.Rows[_random.Next(store.Shops.Count)];
            var customerId = 0;
            // About 30% walk-in sales (customerID "0"); the rest pick a customer who existed by then.
            if (_random.Next(10) >= 3 && customers.Count > 0)
            {
                var candidate = customers[_random.Next(customers.Count)];
                customerId = candidate.CreateTime <= created ? candidate.CustomerId : 0;
            }

            var completed = roll >= 7 || roll < 5;
            var sale = builder.AddSale(created, shop, customerId, completed, allowEmpty: true);
            if (!completed || sale.Lines.Count == 0)
            {
                continue;
            }

            if (_random.Next(33) == 0)
            {
                var when = sale.CompleteTime!.Value.AddMinutes(_random.Next(1, 180));
                voids.Add((sale, when < historyEnd ? when : historyEnd.AddSeconds(-1)));
            }
            else
            {
                refundable.Add(sale);
            }
        }

        foreach (var (sale, when) in voids.OrderBy(v => v.When).ThenBy(v => v.Sale.SaleId))
        {
            builder.Void(sale, when);
        }
    }
}
