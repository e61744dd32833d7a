using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary><c>Phones</c>: one <c>ContactPhone</c> object or an array of them.</summary>
internal sealed class ContactPhonesDto
{
    [JsonPropertyName("ContactPhone")]
    public List<ContactPhoneDto> ContactPhone { get; init; } = [];
}
