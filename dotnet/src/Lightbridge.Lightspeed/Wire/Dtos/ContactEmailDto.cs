using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>One <c>ContactEmail</c>.</summary>
internal sealed class ContactEmailDto
{
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("useType")]
    public string? UseType { get; init; }
}
