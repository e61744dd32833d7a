using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Schema;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>The describe shapes (global, summary and per object), reduced to the attributes clients read.</summary>
internal static class Describe
{
    public static JsonObject Global(OrgSchema schema) => new()
    {
        ["encoding"] = "UTF-8",
        ["maxBatchSize"] = 200,
        ["sobjects"] = new JsonArray(schema.Objects.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => (JsonNode?)Summary(o)).ToArray()),
    };

    public static JsonObject Summary(ObjectDefinition definition) => new()
    {
        ["name"] = definition.Name,
        ["label"] = definition.Label,
        ["keyPrefix"] = definition.KeyPrefix,
        ["custom"] = definition.Kind != ObjectKind.Standard,
        ["queryable"] = definition.IsQueryable,
        ["createable"] = definition.Kind != ObjectKind.CustomMetadata,
        ["updateable"] = definition.Kind is ObjectKind.Standard or ObjectKind.Custom,
        ["deletable"] = definition.Kind is ObjectKind.Standard or ObjectKind.Custom,
    };

    public static JsonObject Object(ObjectDefinition definition)
    {
        var describe = Summary(definition);
        describe["fields"] = new JsonArray(definition.Fields.Select(f => (JsonNode?)Field(f)).ToArray());
        return describe;
    }

    private static JsonObject Field(FieldDefinition field) => new()
    {
        ["name"] = field.Name,
        ["label"] = field.DisplayLabel,
        ["type"] = field.Type.SoapName(),
        ["length"] = field.Length,
        ["precision"] = field.Precision,
        ["scale"] = field.Scale,
        ["nillable"] = !field.Required && field.Type != FieldType.Checkbox,
        ["unique"] = field.Unique,
        ["externalId"] = field.ExternalId,
        ["caseSensitive"] = field.CaseSensitive,
        ["createable"] = !field.ReadOnly,
        ["updateable"] = !field.ReadOnly,
        ["calculated"] = field.Type == FieldType.Summary,
        ["autoNumber"] = field.Type == FieldType.AutoNumber,
        ["relationshipName"] = field.RelationshipName,
        ["referenceTo"] = new JsonArray(field.ReferenceTo is null ? [] : [JsonValue.Create(field.ReferenceTo)]),
        ["restrictedPicklist"] = field.RestrictedPicklist,
        ["picklistValues"] = new JsonArray(field.PicklistValues.Select(v => (JsonNode?)new JsonObject
        {
            ["active"] = true, ["value"] = v, ["label"] = v, ["defaultValue"] = Equals(field.DefaultValue, v),
        }).ToArray()),
    };
}
