namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>A shop. <see cref="TimeZone"/> is an IANA name, sometimes a legacy one (<c>US/Pacific</c>; reference section 9 item 10).</summary>
internal sealed class ShopRecord
{
    public int ShopId { get; init; }

    public required string Name { get; set; }

    public required string TimeZone { get; init; }

    public decimal Tax1Rate { get; init; }

    public decimal Tax2Rate { get; init; }

    public bool Archived { get; set; }

    public DateTimeOffset TimeStamp { get; set; }
}
