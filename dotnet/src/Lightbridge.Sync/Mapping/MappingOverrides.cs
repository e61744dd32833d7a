namespace Lightbridge.Sync.Mapping;

/// <summary>
/// Reads <c>Mapping:Overrides:{Object}:{Field}</c> against the profile's objects and the known fields. Configuration keys
/// are case-insensitive, like Salesforce API names, so each is resolved to its canonical spelling here.
/// </summary>
internal static class MappingOverrides
{
    /// <summary>
    /// The overrides per object (canonical object name), each a <see cref="FieldSpec"/> with a template; an empty template
    /// means "stop writing the field". Unknown objects and fields, and external-id fields, are added to <paramref name="errors"/>.
    /// </summary>
    public static Dictionary<string, List<FieldSpec>> Read(MappingOptions options, IReadOnlyList<ObjectSpec> objects, List<(string, string)> errors)
    {
        var result = new Dictionary<string, List<FieldSpec>>(StringComparer.Ordinal);
        foreach (var (objectKey, fields) in options.Overrides)
        {
            var objectSetting = $"{MappingOptions.SectionName}:Overrides:{objectKey}";
            var spec = objects.FirstOrDefault(o => string.Equals(o.ObjectName, objectKey, StringComparison.OrdinalIgnoreCase));
            if (spec is null)
            {
                errors.Add((objectSetting, $"profile {options.Profile} maps no object {objectKey} (it maps {string.Join(", ", objects.Select(o => o.ObjectName))})."));
                continue;
            }

            foreach (var (fieldKey, expression) in fields)
            {
                var setting = $"{objectSetting}:{fieldKey}";
                var known = TargetFieldCatalog.FindField(spec.ObjectName, fieldKey);
                if (known is null)
                {
                    errors.Add((setting, $"unknown field {fieldKey} on {spec.ObjectName} (known: {TargetFieldCatalog.DescribeFields(spec.ObjectName)})."));
                    continue;
                }

                if (known.IsExternalId)
                {
                    errors.Add((setting, $"{known.Name} is the external id {spec.ObjectName} upserts on; it is set from the record's key and cannot be overridden."));
                    continue;
                }

                // An empty override means "do not write this field"; the compiler removes it.
                (result.TryGetValue(spec.ObjectName, out var list) ? list : result[spec.ObjectName] = []).Add(
                    new FieldSpec(known.Name, null, null, expression ?? string.Empty, setting));
            }
        }

        return result;
    }
}
