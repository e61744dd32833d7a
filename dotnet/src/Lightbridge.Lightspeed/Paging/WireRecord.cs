using System.Text;
using System.Text.Json;
using Lightbridge.Lightspeed.Wire;

namespace Lightbridge.Lightspeed.Paging;

/// <summary>
/// One record of a page as the UTF-8 bytes it was sent as (a slice of the page's body, valid JSON: the page read checked
/// it), and the DTO the page read made of it, if it did. Its text and id are made only for a record that fails.
/// </summary>
internal readonly struct WireRecord(ReadOnlyMemory<byte> utf8, object? read = null)
{
    private readonly object? _read = read;

    /// <summary>The record's bytes.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    /// <summary>The record's JSON text as received.</summary>
    public string RawText => Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>The record as a <typeparamref name="T"/>: what the page read made, or read now with the tolerant wire settings.</summary>
    public T Deserialize<T>()
        where T : class => _read as T ?? WireJson.Deserialize<T>(Utf8.Span);

    /// <summary>The value of <paramref name="field"/> when it is a string or a number, else null: to name a record that cannot be read.</summary>
    public string? ReadId(string field)
    {
        using var document = JsonDocument.Parse(Utf8);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(field, out var value)
            && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : null;
    }

    /// <summary>The record as a <see cref="JsonElement"/> that outlives the page (the raw reads for tests and diagnostics).</summary>
    public JsonElement ToElement()
    {
        using var document = JsonDocument.Parse(Utf8);
        return document.RootElement.Clone();
    }
}
