using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>An <c>Account</c> as the API sends it.</summary>
internal sealed class AccountDto
{
    [JsonPropertyName("accountID")]
    public string? AccountId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
