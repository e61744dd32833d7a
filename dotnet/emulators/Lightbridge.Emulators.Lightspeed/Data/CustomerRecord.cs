namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>A customer. <see cref="Dob"/> is the UTC instant of local midnight (reference section 9 item 10).</summary>
internal sealed class CustomerRecord
{
    public int CustomerId { get; init; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Company { get; set; } = string.Empty;

    public DateTimeOffset? Dob { get; set; }

    public DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset TimeStamp { get; set; }

    public bool Archived { get; set; }

    public int CustomerTypeId { get; set; }

    public int DiscountId { get; set; }

    public int TaxCategoryId { get; set; }

    public int CreditAccountId { get; set; }

    public required ContactRecord Contact { get; init; }
}
