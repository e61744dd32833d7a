using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// Renders records the way the REST API does (reference section 2.2): <c>attributes {type,url}</c> first, DateTimes as
/// <c>2013-05-20T20:49:32.000+0000</c>, dates as <c>yyyy-MM-dd</c>, Number/Currency/Percent as doubles (<c>3.0</c>).
/// </summary>
internal static class RecordJson
{
    public static string Url(string version, string objectName, string id) => $"/services/data/v{version}/sobjects/{objectName}/{id}";

    public static JsonObject Attributes(string type, string? url)
    {
        var attributes = new JsonObject { ["type"] = type };
        if (url is not null)
        {
            attributes["url"] = url;
        }

        return attributes;
    }

    public static JsonObject Full(SObjectRecord record, string version, IReadOnlyCollection<string>? fieldNames = null)
    {
        var json = new JsonObject { ["attributes"] = Attributes(record.Definition.Name, Url(version, record.Definition.Name, record.Id)) };
        var fields = fieldNames is null
            ? record.Definition.Fields
            : fieldNames.Select(n => record.Definition.FindField(n)).OfType<FieldDefinition>();
        foreach (var field in fields)
        {
            json[field.Name] = Value(field.Type, record.Get(field.Name));
        }

        return json;
    }

    public static JsonNode? Value(FieldType type, object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        decimal d => Number(d, type is FieldType.Number or FieldType.Currency or FieldType.Percent or FieldType.Summary),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTimeOffset d => JsonValue.Create(FormatDateTime(d)),
        _ => JsonValue.Create(value.ToString()),
    };

    public static JsonNode Number(decimal value, bool asDouble)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (asDouble && !text.Contains('.', StringComparison.Ordinal))
        {
            // Custom numbers are doubles on the wire even at scale 0: 3 is written 3.0.
            text += ".0";
        }

        return JsonNode.Parse(text)!;
    }

    public static string FormatDateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";
}
