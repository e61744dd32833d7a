using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Tests.Normalization;

/// <summary>Builders for canonical records with sensible defaults.</summary>
public static class Records
{
    public static readonly LightspeedId Account = new("120645");
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static LightspeedId Id(string value) => new(value);

    public static AccountContext AccountContext(string region = "GB") =>
        new(Account, CurrencyCode.Parse("GBP"), new Dictionary<LightspeedId, CurrencyCode> { [Id("2")] = CurrencyCode.Parse("EUR") }, region);

    public static Customer Customer(
        string id = "7",
        string? first = "Ada",
        string? last = "Lovelace",
        string? company = null,
        IReadOnlyList<CustomerEmail>? emails = null,
        IReadOnlyList<CustomerPhone>? phones = null,
        PostalAddress? address = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null,
        DateTimeOffset? contactUpdatedAt = null) =>
        new(Id(id), first, last, company, new DateOnly(1815, 12, 10),
            emails ?? [new CustomerEmail("ada@example.com", EmailUseType.Primary)],
            phones ?? [],
            address, false, createdAt ?? T0, updatedAt ?? T0, contactUpdatedAt);

    public static NormalizedCustomer Normalized(Customer customer) =>
        new CustomerNormalizer(new FakePhoneNumberNormalizer()).Normalize(customer, AccountContext());

    public static SaleLine Line(string id, string saleId = "42", decimal quantity = 1, string? item = "5", string? parent = null, decimal total = 10m) =>
        new(Id(id), Id(saleId), item is null ? null : Id(item), quantity, 10m, 0m, 0.8m, total, parent is null ? null : Id(parent), T0, T0);

    public static SalePayment Payment(string id, string saleId = "42", decimal amount = 10.8m, PaymentKind kind = PaymentKind.Cash, bool archived = false) =>
        new(Id(id), Id(saleId), Id("1"), kind == PaymentKind.Ecom ? "Web" : "Cash", kind, amount, T0, archived);

    public static Sale Sale(
        string id = "42",
        string? shop = "1",
        string? customer = "7",
        SaleStatus status = SaleStatus.Completed,
        DateTimeOffset? completedAt = null,
        DateTimeOffset? createdAt = null,
        decimal total = 10.8m,
        IReadOnlyList<SaleLine>? lines = null,
        IReadOnlyList<SalePayment>? payments = null) =>
        new(Id(id), shop is null ? null : Id(shop), Id("3"), customer is null ? null : Id(customer), Id("9"), "220000000002", status,
            "Europe/London", completedAt ?? T0, createdAt ?? T0, T0, 10m, 0m, 0.8m, total, false,
            lines ?? [Line("100", id)], payments ?? [Payment("200", id)]);
}
