using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>One <c>ContactPhone</c>.</summary>
internal sealed class ContactPhoneDto
{
    [JsonPropertyName("number")]
    public string? Number { get; init; }

    [JsonPropertyName("useType")]
    public string? UseType { get; init; }
}
