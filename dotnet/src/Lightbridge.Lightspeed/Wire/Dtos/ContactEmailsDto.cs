using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary><c>Emails</c>: one <c>ContactEmail</c> object or an array of them.</summary>
internal sealed class ContactEmailsDto
{
    [JsonPropertyName("ContactEmail")]
    public List<ContactEmailDto> ContactEmail { get; init; } = [];
}
