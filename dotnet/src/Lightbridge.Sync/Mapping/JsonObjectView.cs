using System.Collections;
using System.Text.Json;

namespace Lightbridge.Sync.Mapping;

/// <summary>A JSON object read for the mapping file, whose errors name the setting path they occur at.</summary>
internal readonly struct JsonObjectView : IEnumerable<JsonProperty>
{
    private readonly JsonElement _element;
    private readonly string _setting;

    public JsonObjectView(JsonElement element, string setting)
    {
        _element = element;
        _setting = setting;
    }

    public JsonElement? Optional(string name) => _element.TryGetProperty(name, out var value) ? value : null;

    public JsonElement Required(string name) =>
        Optional(name) ?? throw new MappingConfigurationException($"{_setting}:{name}", "is required.");

    public JsonObjectView Property(string name) =>
        Required(name) is { ValueKind: JsonValueKind.Object } value
            ? new JsonObjectView(value, $"{_setting}:{name}")
            : throw new MappingConfigurationException($"{_setting}:{name}", "expected a JSON object.");

    public string String(string name) =>
        Required(name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text
            ? text
            : throw new MappingConfigurationException($"{_setting}:{name}", "expected a non-empty string.");

    public IEnumerator<JsonProperty> GetEnumerator() => _element.EnumerateObject().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
