using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary><c>Addresses</c>: one <c>ContactAddress</c> object (possibly all <c>""</c>) or an array.</summary>
internal sealed class ContactAddressesDto
{
    [JsonPropertyName("ContactAddress")]
    public List<ContactAddressDto> ContactAddress { get; init; } = [];
}
