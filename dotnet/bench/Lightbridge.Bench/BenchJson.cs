using System.Text.Json;

namespace Lightbridge.Bench;

internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
