using System.Text.Json;

namespace Lightbridge.Salesforce.Rest;

/// <summary>
/// Removes the <c>attributes: {type, url}</c> object that every queried record, and every parent record nested in
/// it, carries (shared/reference/salesforce-api.md §2.2), so callers see only fields. Child-relationship
/// sub-results (<c>{totalSize, done, records}</c>) are walked too. A null parent stays JSON null.
/// </summary>
internal static class RecordAttributes
{
    /// <summary>Returns a detached copy of <paramref name="record"/> without <c>attributes</c> at any depth.</summary>
    public static JsonElement Strip(JsonElement record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, record);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("attributes") && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        continue;
                    }

                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
