using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Every field a validation rule's formula names, and its error display field, exists on the object.
/// Relationship paths (Sale__r.Total__c) are followed through the lookup.
/// </summary>
internal sealed class ValidationFormulaReferenceRule : IPackageRule
{
    public string Name => "ValidationFormulaReference";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.OfKind(MetadataKinds.ValidationRule))
        {
            var obj = file.OwnerName!;
            var names = FormulaFields.In(file.Value("errorConditionFormula") ?? string.Empty).ToList();
            if (file.Value("errorDisplayField") is { } display)
            {
                names.Add(display);
            }

            foreach (var name in names)
            {
                if (!Resolves(package, obj, name))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"formula names {name}, which {obj} does not have");
                }
            }
        }
    }

    internal static bool Resolves(PackageModel package, string obj, string path)
    {
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var lookupName = parts[i].EndsWith("__r", StringComparison.Ordinal) ? parts[i][..^3] + "__c" : parts[i] + "Id";
            var lookup = package.Field(obj, lookupName);
            if (lookup?.ReferenceTo is null)
            {
                return false;
            }

            obj = lookup.ReferenceTo;
        }

        return package.Field(obj, parts[^1]) is not null;
    }
}
