namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>A payment type; <see cref="Type"/> is one of the defined values (reference section 3, PaymentType).</summary>
internal sealed class PaymentTypeRecord
{
    public int PaymentTypeId { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    public bool RequireCustomer { get; init; }

    public bool Archived { get; init; }

    public bool InternalReserved { get; init; }

    public int RefundAsPaymentTypeId { get; init; }

    public DateTimeOffset TimeStamp { get; init; }
}
