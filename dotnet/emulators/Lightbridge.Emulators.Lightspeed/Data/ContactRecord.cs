namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>A customer's Contact relation, with its own <see cref="TimeStamp"/> (reference section 9 item 8).</summary>
internal sealed class ContactRecord
{
    public int ContactId { get; init; }

    public string Address1 { get; set; } = string.Empty;

    public string Address2 { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public string StateCode { get; set; } = string.Empty;

    public string Zip { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string CountryCode { get; set; } = string.Empty;

    public List<ContactPhone> Phones { get; } = [];

    public List<ContactEmail> Emails { get; } = [];

    public List<string> Websites { get; } = [];

    public bool NoEmail { get; set; }

    public bool NoPhone { get; set; }

    public bool NoMail { get; set; }

    public DateTimeOffset TimeStamp { get; set; }
}
