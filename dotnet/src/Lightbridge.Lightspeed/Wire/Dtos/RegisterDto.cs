using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>A <c>Register</c> as the API sends it.</summary>
internal sealed class RegisterDto
{
    [JsonPropertyName("registerID")]
    public string? RegisterId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("shopID")]
    public string? ShopId { get; init; }

    [JsonPropertyName("archived")]
    public bool Archived { get; init; }
}
