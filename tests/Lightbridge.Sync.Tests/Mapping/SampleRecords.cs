using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Sync.Normalization;

namespace Lightbridge.Sync.Tests.Mapping;

/// <summary>Canonical records for mapping tests, normalized by Core's own normalizers.</summary>
internal static class SampleRecords
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly SalesforceId ContactId = SalesforceId.Parse("003000000000001");

    public static AccountContext Account { get; } =
        new(Id("120645"), CurrencyCode.Parse("GBP"), new Dictionary<LightspeedId, CurrencyCode> { [Id("2")] = CurrencyCode.Parse("EUR") }, "GB");

    public static LightspeedId Id(string value) => new(value);

    public static IReadOnlyList<NormalizedShop> Shops() =>
    [
        ShopNormalizer.Normalize(new Shop(Id("1"), " Downtown ", "Europe/London", false, T0), Account),
        ShopNormalizer.Normalize(new Shop(Id("2"), "Amsterdam Centraal", "Europe/Amsterdam", true, null), Account),
    ];

    public static IReadOnlyList<NormalizedItem> Items() =>
    [
        ItemNormalizer.Normalize(new Item(Id("5"), "210000000005", "MUG-BLUE", null, null, null, "Blue Mug", 12m, [], false, ItemType.Default, T0, T0, []), Account),
        ItemNormalizer.Normalize(new Item(Id("6"), null, null, null, null, null, "Gift wrap", null, [], true, ItemType.NonInventory, T0, T0, []), Account),
    ];

    public static IReadOnlyList<NormalizedItemShop> Stock() =>
    [
        ItemShopNormalizer.Normalize(new ItemShop(Id("51"), Id("5"), Id("1"), 3m, 1m, 2m, T0), Account)!,
        ItemShopNormalizer.Normalize(new ItemShop(Id("52"), Id("6"), Id("2"), -2.12345m, 0m, 0m, T0), Account)!,
    ];

    public static IReadOnlyList<NormalizedCustomer> Customers()
    {
        var normalizer = new CustomerNormalizer(new LibPhoneNumberNormalizer());
        return
        [
            normalizer.Normalize(Customer("7", "Ada", "Lovelace", null, "020 7946 0958", "07400 123456"), Account),
            normalizer.Normalize(Customer("8", null, " ", "Acme Ltd", "n/a", null), Account),
            normalizer.Normalize(Customer("9", "Grace", null, null, null, null) with { Emails = [], DateOfBirth = null }, Account),
        ];
    }

    public static Customer Customer(string id, string? first, string? last, string? company, string? phone, string? mobile) =>
        new(Id(id), first, last, company, new DateOnly(1815, 12, 10),
            [new CustomerEmail($" Person{id}@Example.COM ", EmailUseType.Primary)],
            [.. new[] { (phone, PhoneUseType.Home), (mobile, PhoneUseType.Mobile) }.Where(p => p.Item1 is not null).Select(p => new CustomerPhone(p.Item1!, p.Item2))],
            null, false, T0, T0, null);

    public static NormalizedSale Sale(
        string id = "42",
        string? customer = "7",
        SaleStatus status = SaleStatus.Completed,
        string? shop = "1",
        string timeZone = "Europe/London",
        DateTimeOffset? completedAt = null,
        decimal total = 10.8m,
        IReadOnlyList<SaleLine>? lines = null,
        IReadOnlyList<SalePayment>? payments = null) =>
        SaleNormalizer.Normalize(
            new Sale(Id(id), shop is null ? null : Id(shop), Id("3"), customer is null ? null : Id(customer), Id("9"), "220000000002", status,
                timeZone, completedAt ?? T0, T0, T0, 10m, 0m, 0.8m, total, false,
                lines ?? [Line("100", id)], payments ?? [Payment("200", id)]),
            Account);

    public static SaleLine Line(string id, string saleId = "42", decimal quantity = 1, string? item = "5", string? parent = null, decimal total = 10m) =>
        new(Id(id), Id(saleId), item is null ? null : Id(item), quantity, 10m, 0m, 0.8m, total, parent is null ? null : Id(parent), T0, T0);

    public static SalePayment Payment(string id, string saleId = "42", decimal amount = 10.8m, PaymentKind kind = PaymentKind.Cash) =>
        new(Id(id), Id(saleId), Id("1"), kind == PaymentKind.Ecom ? "Web" : "Cash", kind, amount, T0, false);

    /// <summary>Sales covering the mapping's branches: customer by id, by external id, as a Lead, walk-in, voided refund.</summary>
    public static IReadOnlyList<SaleMappingSource> SaleSources()
    {
        var refund = Sale("43", status: SaleStatus.Voided, total: -10.8m,
            lines: [Line("101", "43", quantity: -1, parent: "100", total: -10m), Line("102", "43", item: null)],
            payments: [Payment("201", "43", amount: -10.8m, kind: PaymentKind.Ecom)]);
        return
        [
            new(Sale(), new CustomerLink(CustomerObjectType.Contact, ContactId)),
            new(Sale(), new CustomerLink(CustomerObjectType.Contact, null)),
            new(Sale(), new CustomerLink(CustomerObjectType.Lead, null)),
            new(Sale(), null),
            new(Sale("44", customer: null, shop: null), null),
            new(refund, new CustomerLink(CustomerObjectType.Lead, SalesforceId.Parse("00Q000000000001"))),
        ];
    }

    public static IReadOnlyList<NormalizedSaleLine> Lines() => SaleSources().SelectMany(s => s.Sale.Lines).ToList();

    public static IReadOnlyList<NormalizedSalePayment> Payments() => SaleSources().SelectMany(s => s.Sale.Payments).ToList();
}
