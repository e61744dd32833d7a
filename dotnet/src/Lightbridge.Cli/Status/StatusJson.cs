using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Cli.Status;

/// <summary>The <c>--json</c> form of a <see cref="StatusReport"/>: camelCase, ISO 8601 instants, lags in seconds.</summary>
internal static class StatusJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new SecondsConverter() },
    };

    public static string Serialize(StatusReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report back, e.g. the one a running worker serves on <c>/status</c>.</summary>
    /// <exception cref="JsonException">The text is not a status report.</exception>
    public static StatusReport Deserialize(string json) =>
        JsonSerializer.Deserialize<StatusReport>(json, Options) ?? throw new JsonException("The status report is empty.");

    /// <summary>Durations as a number of seconds: what a monitoring script wants to compare against a threshold.</summary>
    private sealed class SecondsConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TimeSpan.FromSeconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteNumberValue(Math.Round(value.TotalSeconds, 3));
    }
}
