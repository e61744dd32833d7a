using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lightbridge.Core.Model;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// The masked copy of a record kept with its replay-queue item, so an operator can see what was read without the
/// queue holding personal data: any property whose name speaks of a person's contact details is replaced by
/// <c>***</c>, and the text is capped.
/// </summary>
internal static class PayloadSnapshot
{
    /// <summary>The longest snapshot kept, in characters.</summary>
    public const int MaxLength = 8_000;

    private const string Mask = "***";

    private static readonly string[] PersonalParts = ["email", "phone", "mobile", "fax", "address", "street", "birth", "dob", "firstname", "lastname", "postal", "zip"];

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new LightspeedIdConverter(), new JsonStringEnumConverter() },
    };

    /// <summary>The masked JSON of <paramref name="record"/>.</summary>
    public static string Of<T>(T record)
    {
        var node = JsonSerializer.SerializeToNode(record, Options);
        MaskPersonal(node);
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    private static void MaskPersonal(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsPersonal(name) && obj[name] is not null)
                    {
                        obj[name] = Mask;
                    }
                    else
                    {
                        MaskPersonal(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    MaskPersonal(element);
                }

                break;
        }
    }

    private static bool IsPersonal(string name) =>
        PersonalParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes a Lightspeed id as its wire string.</summary>
    private sealed class LightspeedIdConverter : JsonConverter<LightspeedId>
    {
        public override LightspeedId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? string.Empty);

        public override void Write(Utf8JsonWriter writer, LightspeedId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
