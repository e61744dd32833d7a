using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Mapping;
using Lightbridge.Lightspeed.Wire;

namespace Lightbridge.Lightspeed.Tests.Mapping;

/// <summary>Helpers for mapping tests: read a literal wire record, and shops in known zones.</summary>
internal static class MappingFixtures
{
    public static readonly ShopTimeZones TorontoAndParis = new([
        new Shop(new LightspeedId("1"), "Queen St", "America/Toronto", false, null),
        new Shop(new LightspeedId("2"), "Marais", "Europe/Paris", false, null),
    ]);

    public static T Read<T>(string json)
        where T : class
    {
        using var document = JsonDocument.Parse(json);
        return WireJson.Deserialize<T>(document.RootElement);
    }
}
