namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>A register; the account's register count drives the bucket size and drip (reference section 5).</summary>
internal sealed class RegisterRecord
{
    public int RegisterId { get; init; }

    public required string Name { get; set; }

    public int ShopId { get; init; }

    public bool Open { get; set; }

    public DateTimeOffset? OpenTime { get; set; }

    public int OpenEmployeeId { get; set; }

    public bool Archived { get; set; }

    public DateTimeOffset TimeStamp { get; set; }
}
