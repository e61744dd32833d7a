using System.Text.Json.Serialization;
using Lightbridge.Lightspeed.Wire.Converters;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>A <c>Customer</c>, with <c>Contact</c> when that relation is loaded.</summary>
internal sealed class CustomerDto
{
    [JsonPropertyName("customerID")]
    public string? CustomerId { get; init; }

    [JsonPropertyName("firstName")]
    public string? FirstName { get; init; }

    [JsonPropertyName("lastName")]
    public string? LastName { get; init; }

    [JsonPropertyName("company")]
    public string? Company { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("dob")]
    public DateTimeOffset? Dob { get; init; }

    [JsonPropertyName("createTime")]
    public DateTimeOffset? CreateTime { get; init; }

    [JsonPropertyName("timeStamp")]
    public DateTimeOffset? TimeStamp { get; init; }

    [JsonPropertyName("archived")]
    public bool Archived { get; init; }

    [JsonPropertyName("Contact")]
    [JsonConverter(typeof(WireObjectConverter<ContactDto>))]
    public ContactDto? Contact { get; init; }
}
