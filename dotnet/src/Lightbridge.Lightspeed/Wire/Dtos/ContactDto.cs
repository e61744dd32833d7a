using System.Text.Json.Serialization;
using Lightbridge.Lightspeed.Wire.Converters;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>A customer's <c>Contact</c>; each part is an object, or <c>""</c> when empty (§9.2).</summary>
internal sealed class ContactDto
{
    [JsonPropertyName("Emails")]
    [JsonConverter(typeof(WireObjectConverter<ContactEmailsDto>))]
    public ContactEmailsDto? Emails { get; init; }

    [JsonPropertyName("Phones")]
    [JsonConverter(typeof(WireObjectConverter<ContactPhonesDto>))]
    public ContactPhonesDto? Phones { get; init; }

    [JsonPropertyName("Addresses")]
    [JsonConverter(typeof(WireObjectConverter<ContactAddressesDto>))]
    public ContactAddressesDto? Addresses { get; init; }

    [JsonPropertyName("timeStamp")]
    public DateTimeOffset? TimeStamp { get; init; }
}
