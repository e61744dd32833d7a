using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Each field has a known type, the elements that type needs, none that belong to other types (a
/// Summary with a precision fails to deploy: shared/reference/salesforce-api.md §4.3), a type its
/// object kind supports (platform events and custom metadata types take only some), and, for
/// picklists, a restricted value set with exactly one default (STYLE.md G18).
/// </summary>
internal sealed class FieldTypeRule : IPackageRule
{
    /// <summary>Elements that only some types may carry.</summary>
    private static readonly Dictionary<string, string[]> OnlyFor = new(StringComparer.Ordinal)
    {
        ["length"] = ["Text", "TextArea", "LongTextArea", "Html", "EncryptedText"],
        ["precision"] = ["Number", "Currency", "Percent", "Location"],
        ["scale"] = ["Number", "Currency", "Percent", "Location"],
        ["referenceTo"] = ["Lookup", "MasterDetail", "MetadataRelationship"],
        ["relationshipName"] = ["Lookup", "MasterDetail"],
        ["relationshipLabel"] = ["Lookup", "MasterDetail"],
        ["deleteConstraint"] = ["Lookup"],
        ["relationshipOrder"] = ["MasterDetail"],
        ["reparentableMasterDetail"] = ["MasterDetail"],
        ["writeRequiresMasterRead"] = ["MasterDetail"],
        ["summaryOperation"] = ["Summary"],
        ["summaryForeignKey"] = ["Summary"],
        ["summarizedField"] = ["Summary"],
        ["summaryFilterItems"] = ["Summary"],
        ["valueSet"] = ["Picklist", "MultiselectPicklist"],
        ["visibleLines"] = ["LongTextArea", "Html", "MultiselectPicklist", "TextArea"],
        ["caseSensitive"] = ["Text"],
        ["displayFormat"] = ["AutoNumber"],
        ["required"] = ["Text", "TextArea", "LongTextArea", "Html", "EncryptedText", "Number", "Currency", "Percent", "Date",
            "DateTime", "Time", "Email", "Phone", "Url", "Picklist", "MultiselectPicklist", "Lookup", "MetadataRelationship"],
    };

    /// <summary>Elements each type cannot do without.</summary>
    private static readonly Dictionary<string, string[]> Needs = new(StringComparer.Ordinal)
    {
        ["Text"] = ["length"],
        ["LongTextArea"] = ["length", "visibleLines"],
        ["Number"] = ["precision", "scale"],
        ["Currency"] = ["precision", "scale"],
        ["Percent"] = ["precision", "scale"],
        ["Checkbox"] = ["defaultValue"],
        ["Picklist"] = ["valueSet"],
        ["Lookup"] = ["referenceTo", "relationshipName"],
        ["MasterDetail"] = ["referenceTo", "relationshipName", "relationshipOrder"],
        ["Summary"] = ["summaryForeignKey", "summaryOperation"],
    };

    private static readonly HashSet<string> EventTypes = new(["Checkbox", "Date", "DateTime", "Number", "Text", "LongTextArea"], StringComparer.Ordinal);

    private static readonly HashSet<string> MetadataTypeTypes = new(
        ["Checkbox", "Date", "DateTime", "Email", "Number", "Percent", "Phone", "Picklist", "Text", "TextArea", "LongTextArea", "Url", "MetadataRelationship"],
        StringComparer.Ordinal);

    public string Name => "FieldType";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.OfKind(MetadataKinds.CustomField))
        {
            var type = file.Value("type");
            if (type is null || !KnownElements.FieldTypes.Contains(type))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"field type '{type}' is unknown to the Metadata API");
                continue;
            }

            foreach (var (element, types) in OnlyFor)
            {
                if (file.Value(element) is not null && !types.Contains(type))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"<{element}> is not allowed on a {type} field");
                }
            }

            foreach (var element in Needs.GetValueOrDefault(type) ?? [])
            {
                if (file.Value(element) is null)
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"a {type} field needs <{element}>");
                }
            }

            if (type == "Summary" && file.Value("summaryOperation") != "count" && file.Value("summarizedField") is null)
            {
                yield return new RuleViolation(Name, file.RelativePath, "a sum, min or max Summary field needs <summarizedField>");
            }

            var owner = file.OwnerName!;
            if (owner.EndsWith("__e", StringComparison.Ordinal) && !EventTypes.Contains(type))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"platform events do not support {type} fields");
            }

            if (owner.EndsWith("__mdt", StringComparison.Ordinal) && !MetadataTypeTypes.Contains(type))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"custom metadata types do not support {type} fields");
            }

            if (type == "Picklist")
            {
                var valueSet = file.Root!.Element(MetadataFile.Ns + "valueSet");
                if (valueSet?.Element(MetadataFile.Ns + "restricted")?.Value != "true")
                {
                    yield return new RuleViolation(Name, file.RelativePath, "picklists must be restricted (STYLE.md G18)");
                }

                var defaults = valueSet?.Descendants(MetadataFile.Ns + "default").Count(d => d.Value == "true") ?? 0;
                if (defaults != 1)
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"a picklist needs exactly one default value, found {defaults}");
                }
            }
        }
    }
}
