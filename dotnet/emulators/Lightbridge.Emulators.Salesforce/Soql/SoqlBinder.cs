using Lightbridge.Emulators.Salesforce.Schema;

namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>Resolves field paths against the schema with the org's INVALID_FIELD / INVALID_TYPE messages.</summary>
internal static class SoqlBinder
{
    public static ObjectDefinition BindObject(OrgSchema schema, SoqlQuery query)
    {
        var definition = schema.Find(query.From);
        if (definition is null || !definition.IsQueryable)
        {
            throw SoqlException.At("INVALID_TYPE", query.Text, query.FromPosition,
                $"sObject type '{query.From}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.");
        }

        return definition;
    }

    public static SoqlBoundPath Bind(OrgSchema schema, ObjectDefinition root, SoqlFieldPath path, string soql)
    {
        var segments = path.Segments;
        // "SELECT Account.Name FROM Account" may qualify a field with its own object's name.
        if (segments.Count > 1 && string.Equals(segments[0], root.Name, StringComparison.OrdinalIgnoreCase) && root.FindRelationship(segments[0]) is null)
        {
            segments = segments.Skip(1).ToArray();
        }

        var current = root;
        var hops = new List<Schema.FieldDefinition>();
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var relationship = current.FindRelationship(segments[i]);
            var target = relationship is null ? null : schema.Find(relationship.ReferenceTo ?? "");
            if (relationship is null || target is null)
            {
                throw SoqlException.At("INVALID_FIELD", soql, path.Position,
                    $"Didn't understand relationship '{segments[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.");
            }

            hops.Add(relationship);
            current = target;
        }

        var field = current.FindField(segments[^1]);
        if (field is null)
        {
            throw SoqlException.At("INVALID_FIELD", soql, path.Position,
                $"No such column '{segments[^1]}' on entity '{current.Name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.");
        }

        return new SoqlBoundPath(hops, field);
    }
}
