using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Custom metadata records set only fields their type has; each Lightspeed_Rollup__mdt record names a
/// parent field that exists, a child object whose relationship field points at the parent, a child
/// field that exists (unless COUNT), a filter over real child fields, and carries a description
/// (STYLE.md G18).
/// </summary>
internal sealed class RollupRecordReferenceRule : IPackageRule
{
    private static readonly HashSet<string> Operations = new(["SUM", "COUNT", "MAX", "MIN"], StringComparer.Ordinal);

    public string Name => "RollupRecordReference";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.OfKind(MetadataKinds.CustomMetadata))
        {
            var type = file.OwnerName + "__mdt";
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var entry in file.Elements("values"))
            {
                var field = entry.Element(MetadataFile.Ns + "field")?.Value ?? string.Empty;
                var value = entry.Element(MetadataFile.Ns + "value");
                values[field] = value is null || value.IsEmpty && value.Value.Length == 0 ? null : value.Value;
                if (package.Field(type, field) is null)
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"record sets {field}, which {type} does not have");
                }
            }

            if (type != "Lightspeed_Rollup__mdt")
            {
                continue;
            }

            foreach (var message in CheckRollup(package, values))
            {
                yield return new RuleViolation(Name, file.RelativePath, message);
            }
        }
    }

    private static IEnumerable<string> CheckRollup(PackageModel package, Dictionary<string, string?> v)
    {
        var parent = v.GetValueOrDefault("Parent_Object__c") ?? string.Empty;
        var child = v.GetValueOrDefault("Child_Object__c") ?? string.Empty;
        var operation = v.GetValueOrDefault("Operation__c") ?? string.Empty;
        if (package.Field(parent, v.GetValueOrDefault("Parent_Field__c") ?? string.Empty) is null)
        {
            yield return $"parent field {parent}.{v.GetValueOrDefault("Parent_Field__c")} does not exist";
        }

        var relationship = package.Field(child, v.GetValueOrDefault("Relationship_Field__c") ?? string.Empty);
        if (relationship is null || relationship.ReferenceTo != parent)
        {
            yield return $"relationship field {child}.{v.GetValueOrDefault("Relationship_Field__c")} does not exist or does not point at {parent}";
        }

        if (!Operations.Contains(operation))
        {
            yield return $"operation '{operation}' is not SUM, COUNT, MAX or MIN";
        }

        var childField = v.GetValueOrDefault("Child_Field__c");
        if (operation != "COUNT" && (childField is null || package.Field(child, childField) is null))
        {
            yield return $"child field {child}.{childField} does not exist";
        }

        foreach (var name in FormulaFields.In(v.GetValueOrDefault("Filter__c") ?? string.Empty))
        {
            if (!ValidationFormulaReferenceRule.Resolves(package, child, name))
            {
                yield return $"filter names {name}, which {child} does not have";
            }
        }

        if (string.IsNullOrWhiteSpace(v.GetValueOrDefault("Description__c")))
        {
            yield return "every rollup record needs a Description__c (STYLE.md G18)";
        }
    }
}
