using System.Text.Json;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// Reads the mapping file (<c>default-mapping.json</c>, embedded in this assembly). Its shape:
/// <code>
/// { "profiles": { "CustomObjects": { "Lightspeed_Sale__c": {
///     "source": "sale",
///     "externalId": { "field": "Lightspeed_Sale_Id__c", "from": "sale.external_id" },
///     "fields": { "Total__c": "sale.total",
///                 "FirstName": { "from": "customer.first_name", "ifNull": "Unknown" },
///                 "Name": { "template": "Sale {{ sale.ticket_number }}" } },
///     "references": { "Store__c": { "parent": "Lightspeed_Store__c", "parentExternalId": "Lightspeed_Shop_Id__c",
///                                   "from": "sale.shop_external_id" } } } } } }
/// </code>
/// A field given as a plain string is a source path.
/// </summary>
internal static class MappingDocumentReader
{
    /// <summary>The embedded file's resource name (set in the project file).</summary>
    public const string ResourceName = "Lightbridge.Sync.Mapping.default-mapping.json";

    /// <summary>The file name used in error messages.</summary>
    public const string FileName = "default-mapping.json";

    /// <summary>Reads the shipped default mapping.</summary>
    public static MappingDocument ReadDefault()
    {
        using var stream = typeof(MappingDocumentReader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new MappingConfigurationException(FileName, "the default mapping is missing from the assembly.");
        return Read(stream, FileName);
    }

    /// <summary>Reads a mapping file from <paramref name="stream"/>.</summary>
    /// <exception cref="MappingConfigurationException">The file is not valid JSON or not in the expected shape.</exception>
    public static MappingDocument Read(Stream stream, string fileName)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new MappingConfigurationException(fileName, $"not valid JSON: {e.Message}");
        }

        using (json)
        {
            var profiles = new Dictionary<MappingProfile, IReadOnlyList<ObjectSpec>>();
            foreach (var profile in Object(json.RootElement, fileName).Property("profiles"))
            {
                var setting = $"{fileName}:profiles:{profile.Name}";
                if (!Enum.TryParse<MappingProfile>(profile.Name, ignoreCase: false, out var name))
                {
                    throw new MappingConfigurationException(setting, $"unknown profile (known: {string.Join(", ", Enum.GetNames<MappingProfile>())}).");
                }

                profiles[name] = Object(profile.Value, setting).Select(o => ReadObject(o, $"{setting}:{o.Name}")).ToList();
            }

            return new MappingDocument(profiles);
        }
    }

    private static ObjectSpec ReadObject(JsonProperty obj, string setting)
    {
        var body = Object(obj.Value, setting);
        var externalId = Object(body.Required("externalId"), $"{setting}:externalId");
        var fields = body.Optional("fields") is { } f
            ? Object(f, $"{setting}:fields").Select(p => ReadField(p, $"{setting}:fields:{p.Name}")).ToList()
            : [];
        var references = body.Optional("references") is { } r
            ? Object(r, $"{setting}:references").Select(p => ReadReference(p, $"{setting}:references:{p.Name}")).ToList()
            : [];
        return new ObjectSpec(
            obj.Name,
            body.String("source"),
            externalId.String("field"),
            externalId.String("from"),
            fields,
            references,
            setting);
    }

    private static FieldSpec ReadField(JsonProperty field, string setting)
    {
        if (field.Value.ValueKind == JsonValueKind.String)
        {
            return new FieldSpec(field.Name, field.Value.GetString(), null, null, setting);
        }

        var body = Object(field.Value, setting);
        var template = body.Optional("template")?.GetString();
        var from = body.Optional("from")?.GetString();
        if ((template is null) == (from is null))
        {
            throw new MappingConfigurationException(setting, "a field needs exactly one of \"from\" and \"template\".");
        }

        return new FieldSpec(field.Name, from, body.Optional("ifNull")?.GetString(), template, setting);
    }

    private static ReferenceSpec ReadReference(JsonProperty reference, string setting)
    {
        var body = Object(reference.Value, setting);
        return new ReferenceSpec(reference.Name, body.String("parent"), body.String("parentExternalId"), body.String("from"), setting);
    }

    private static JsonObjectView Object(JsonElement element, string setting) =>
        element.ValueKind == JsonValueKind.Object
            ? new JsonObjectView(element, setting)
            : throw new MappingConfigurationException(setting, "expected a JSON object.");
}
