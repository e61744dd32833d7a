using System.Globalization;

namespace Lightbridge.Emulators.XSeries.Data;

/// <summary>
/// Fills a store with a believable retailer from a seed: outlets in several time zones, registers, payment types,
/// products (some variants, some inactive), customers with messy contact data, stock per outlet, and sales over
/// the history window with lines, payments, refunds (negative quantities, <c>return_for</c>) and voids.
/// </summary>
internal sealed class DataGenerator(GeneratorSize size, DateTimeOffset historyEnd)
{
    private static readonly (string Name, string Zone, string City, string Country)[] OutletProfiles =
    [
        ("Main Street", "Pacific/Auckland", "Auckland", "NZ"),
        ("Harbour Store", "Australia/Sydney", "Sydney", "AU"),
        ("Downtown", "America/New_York", "New York", "US"),
        ("Westside", "America/Los_Angeles", "Los Angeles", "US"),
        ("Canal Shop", "Europe/Amsterdam", "Amsterdam", "NL"),
        ("Old Town", "Europe/London", "London", "GB"),
    ];

    private static readonly string[] FirstNames = ["Aroha", "Liam", "Mia", "Noah", "Olivia", "Jack", "Ava", "Lucas", "Isla", "Mateo", "Zoë", "Hēmi", "Chloé", "Søren", "Priya", "Wei"];
    private static readonly string[] LastNames = ["Smith", "Ngata", "Williams", "Brown", "O'Connor", "Van der Berg", "Müller", "Tanaka", "Patel", "García", "Nguyen", "Kowalski"];
    private static readonly string[] Companies = ["Kiwi Cafe Ltd", "Harbour Builders", "Acme Events", "Northwind Traders"];
    private static readonly string[] ProductWords = ["Merino", "Flat White", "Kauri", "Canvas", "Linen", "Ceramic", "Pounamu", "Cotton", "Leather", "Oak"];
    private static readonly string[] ProductKinds = ["Beanie", "Mug", "Tote", "Scarf", "Notebook", "Candle", "Bowl", "Tee", "Wallet", "Coaster"];
    private static readonly string[] Sizes = ["S", "M", "L"];

    public void Fill(XSeriesStore store)
    {
        var random = new Random(size.Seed);
        var ids = new IdSource(random);
        var start = historyEnd.AddDays(-size.HistoryDays);
        var setupTime = start.AddDays(-60);
        store.Clear(size.Seed, 1000 + random.Next(0, 5000));
        store.RetailerId = ids.Next();
        store.UserId = ids.Next();
        store.DefaultTaxId = ids.Next();

        for (var o = 0; o < size.Outlets; o++)
        {
            var p = OutletProfiles[o];
            var outlet = new OutletRecord { Id = ids.Next(), Name = p.Name, TimeZone = p.Zone, City = p.City, CountryCode = p.Country, CreatedAt = setupTime };
            Stamp(store, outlet, setupTime);
            store.Outlets.Add(outlet);
            for (var r = 0; r < size.RegistersPerOutlet; r++)
            {
                var register = new RegisterRecord { Id = ids.Next(), Name = $"{p.Name} Register {r + 1}", OutletId = outlet.Id, CreatedAt = setupTime };
                Stamp(store, register, setupTime);
                store.Registers.Add(register);
            }
        }

        foreach (var (name, typeId) in new[] { ("Cash", 1), ("Credit Card", 3), ("EFTPOS", 4), ("Gift Card", 7), ("On Account", 2) })
        {
            var type = new PaymentTypeRecord { Id = ids.Next(), Name = name, TypeId = typeId, CreatedAt = setupTime };
            Stamp(store, type, setupTime);
            store.PaymentTypes.Add(type);
        }

        GenerateProducts(store, random, ids, setupTime);
        GenerateCustomers(store, random, ids, start);
        foreach (var product in store.Products.Where(p => p.VariantParentId is not null || !store.Products.Any(c => c.VariantParentId == p.Id)))
        {
            foreach (var outlet in store.Outlets)
            {
                var row = new InventoryRecord
                {
                    Id = ids.Next(),
                    ProductId = product.Id,
                    OutletId = outlet.Id,
                    InventoryLevel = random.Next(-2, 60),
                    ReorderPoint = random.Next(0, 6),
                    ReorderAmount = random.Next(5, 25),
                    CreatedAt = setupTime,
                };
                Stamp(store, row, setupTime);
                store.Inventory.Add(row);
            }
        }

        GenerateSales(store, random, ids, start);
    }

    private static void Stamp(XSeriesStore store, VersionedRecord record, DateTimeOffset at)
    {
        record.Version = store.NextVersion();
        record.UpdatedAt = at;
    }

    private void GenerateProducts(XSeriesStore store, Random random, IdSource ids, DateTimeOffset setupTime)
    {
        var count = 0;
        while (count < size.Products)
        {
            var name = $"{ProductWords[random.Next(ProductWords.Length)]} {ProductKinds[random.Next(ProductKinds.Length)]}";
            var price = Math.Round((decimal)(random.Next(300, 15000) / 100.0), 2);
            var sku = (10000 + count).ToString(CultureInfo.InvariantCulture);
            var product = new ProductRecord
            {
                Id = ids.Next(),
                Sku = sku,
                Name = name,
                Handle = name.ToLowerInvariant().Replace(' ', '-'),
                PriceExcludingTax = price,
                SupplyPrice = Math.Round(price * 0.45m, 2),
                Active = random.NextDouble() > 0.08,
                BrandName = random.NextDouble() < 0.5 ? "Lightbridge Goods" : null,
                CreatedAt = setupTime,
            };
            Stamp(store, product, setupTime);
            store.Products.Add(product);
            count++;

            // About one product in eight has size variants: the family parent plus one row per size.
            if (random.NextDouble() < 0.125 && count + Sizes.Length <= size.Products)
            {
                foreach (var s in Sizes)
                {
                    var variant = new ProductRecord
                    {
                        Id = ids.Next(),
                        Sku = $"{sku}-{s}",
                        Name = $"{name} / {s}",
                        Handle = product.Handle,
                        VariantParentId = product.Id,
                        VariantName = s,
                        PriceExcludingTax = price,
                        SupplyPrice = product.SupplyPrice,
                        Active = product.Active,
                        BrandName = product.BrandName,
                        CreatedAt = setupTime,
                    };
                    Stamp(store, variant, setupTime);
                    store.Products.Add(variant);
                    count++;
                }
            }
        }
    }

    private void GenerateCustomers(XSeriesStore store, Random random, IdSource ids, DateTimeOffset start)
    {
        for (var i = 0; i < size.Customers; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var created = start.AddMinutes(-random.Next(0, 60 * 24 * 300));
            var customer = new CustomerRecord
            {
                Id = ids.Next(),
                CustomerCode = $"{first}-{(1000 + i).ToString(CultureInfo.InvariantCulture)}",
                FirstName = first,
                LastName = last,
                CompanyName = random.NextDouble() < 0.1 ? Companies[random.Next(Companies.Length)] : null,
                Email = ContactNoise.Email(random, first, last, i),
                Phone = ContactNoise.Phone(random),
                Mobile = random.NextDouble() < 0.6 ? ContactNoise.Phone(random) : null,
                DateOfBirth = random.NextDouble() < 0.4 ? new DateOnly(1950 + random.Next(0, 55), random.Next(1, 13), random.Next(1, 29)) : null,
                Address1 = random.NextDouble() < 0.7 ? $"{random.Next(1, 400).ToString(CultureInfo.InvariantCulture)} {LastNames[random.Next(LastNames.Length)]} Road" : null,
                City = random.NextDouble() < 0.7 ? OutletProfiles[random.Next(size.Outlets)].City : null,
                Postcode = random.NextDouble() < 0.6 ? random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) : null,
                CountryId = random.NextDouble() < 0.8 ? OutletProfiles[random.Next(size.Outlets)].Country : null,
                CreatedAt = created,
            };
            Stamp(store, customer, created);
            store.Customers.Add(customer);
        }
    }

    private void GenerateSales(XSeriesStore store, Random random, IdSource ids, DateTimeOffset start)
    {
        var span = (historyEnd - start).TotalMinutes;
        var dates = Enumerable.Range(0, size.Sales).Select(_ => start.AddMinutes(Math.Floor(random.NextDouble() * span))).Order().ToList();
        var sellable = store.Products.Where(p => !store.Products.Any(c => c.VariantParentId == p.Id)).ToList();
        var closed = new List<SaleRecord>();
        foreach (var date in dates)
        {
            SaleRecord sale;
            if (closed.Count > 5 && random.NextDouble() < 0.06)
            {
                var original = closed[random.Next(closed.Count)];
                sale = SaleFactory.Refund(store, ids, original, date, random.Next(1, original.LineItems.Count + 1));
            }
            else
            {
                var status = Pick(random);
                var register = store.Registers[random.Next(store.Registers.Count)];
                var customer = random.NextDouble() < 0.7 && store.Customers.Count > 0 ? store.Customers[random.Next(store.Customers.Count)].Id : null;
                var lines = Enumerable.Range(0, random.Next(1, 5))
                    .Select(_ => (sellable[random.Next(sellable.Count)], random.Next(1, 4)))
                    .ToList();
                sale = SaleFactory.Create(store, ids, register, customer, lines, date, status, random);
                if (status == SaleStatus.Closed)
                {
                    closed.Add(sale);
                }
            }

            store.Sales.Add(sale);
        }
    }

    private static string Pick(Random random)
    {
        var r = random.NextDouble();
        return r switch
        {
            < 0.80 => SaleStatus.Closed,
            < 0.85 => SaleStatus.Voided,
            < 0.89 => SaleStatus.Saved,
            < 0.92 => SaleStatus.Layby,
            < 0.96 => SaleStatus.OnAccount,
            _ => SaleStatus.OnAccountClosed,
        };
    }
}
