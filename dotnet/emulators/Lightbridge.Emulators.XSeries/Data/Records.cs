namespace Lightbridge.Emulators.XSeries.Data;

/// <summary>Every stored record carries the global change version and, where the API can delete, a deletion time.</summary>
internal abstract class VersionedRecord
{
    public required string Id { get; init; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

internal sealed class OutletRecord : VersionedRecord
{
    public required string Name { get; set; }

    /// <summary>IANA zone name, as the real outlet's <c>time_zone</c>.</summary>
    public required string TimeZone { get; set; }

    public required string City { get; set; }

    public required string CountryCode { get; set; }
}

internal sealed class RegisterRecord : VersionedRecord
{
    public required string Name { get; set; }

    public required string OutletId { get; set; }

    public bool IsOpen { get; set; } = true;
}

internal sealed class PaymentTypeRecord : VersionedRecord
{
    public required string Name { get; set; }

    /// <summary>The built-in payment type id (e.g. 1 cash, 3 credit card) behind this retailer payment type.</summary>
    public required int TypeId { get; set; }
}

internal sealed class CustomerRecord : VersionedRecord
{
    public required string CustomerCode { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? CompanyName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Mobile { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Address1 { get; set; }

    public string? City { get; set; }

    public string? Postcode { get; set; }

    public string? State { get; set; }

    public string? CountryId { get; set; }

    public string? CustomerGroupId { get; set; }

    public string? Note { get; set; }
}

internal sealed class ProductRecord : VersionedRecord
{
    public required string Sku { get; set; }

    public required string Name { get; set; }

    public required string Handle { get; set; }

    public string? VariantParentId { get; set; }

    public string? VariantName { get; set; }

    public decimal PriceExcludingTax { get; set; }

    public decimal SupplyPrice { get; set; }

    public bool Active { get; set; } = true;

    public string? BrandName { get; set; }
}

internal sealed class InventoryRecord : VersionedRecord
{
    public required string ProductId { get; init; }

    public required string OutletId { get; init; }

    public int InventoryLevel { get; set; }

    public int ReorderPoint { get; set; }

    public int ReorderAmount { get; set; }
}

internal sealed class LineItemRecord
{
    public required string Id { get; init; }

    public required string ProductId { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal Price { get; init; }

    public required decimal Tax { get; init; }

    public decimal Discount { get; init; }

    public bool IsReturn { get; init; }

    public string? TaxId { get; init; }

    public decimal PriceTotal => Quantity * Price;

    public decimal TaxTotal => Quantity * Tax;
}

internal sealed class PaymentRecord
{
    public required string Id { get; init; }

    public required string RetailerPaymentTypeId { get; init; }

    public required int PaymentTypeId { get; init; }

    public required string Name { get; init; }

    public required decimal Amount { get; init; }

    public required DateTimeOffset PaymentDate { get; init; }
}

internal sealed class SaleRecord : VersionedRecord
{
    public required string OutletId { get; set; }

    public required string RegisterId { get; set; }

    public required string UserId { get; set; }

    public string? CustomerId { get; set; }

    public required string InvoiceNumber { get; set; }

    public required string Status { get; set; }

    public string? ReturnFor { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset SaleDate { get; set; }

    public List<LineItemRecord> LineItems { get; } = [];

    public List<PaymentRecord> Payments { get; } = [];

    /// <summary>Ex tax, as the real <c>total_price</c>.</summary>
    public decimal TotalPrice => LineItems.Sum(l => l.PriceTotal);

    public decimal TotalTax => LineItems.Sum(l => l.TaxTotal);
}
