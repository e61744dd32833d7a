using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// A quick action's object exists, the fields it sets or shows exist on it (a literal picklist value
/// is a real value), and a Flow action names a flow the package defines.
/// </summary>
internal sealed class QuickActionReferenceRule : IPackageRule
{
    public string Name => "QuickActionReference";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        var ns = MetadataFile.Ns;
        foreach (var file in package.OfKind(MetadataKinds.QuickAction))
        {
            var obj = file.OwnerName!;
            if (!package.HasObject(obj))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"quick action on unknown object {obj}");
                continue;
            }

            var fields = file.Elements("fieldOverrides").Select(o => o.Element(ns + "field")?.Value ?? string.Empty)
                .Concat(file.Root!.Descendants(ns + "quickActionLayoutItems").Select(i => i.Element(ns + "field")?.Value).OfType<string>());
            foreach (var field in fields)
            {
                if (package.Field(obj, field) is null)
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"quick action uses {field}, which {obj} does not have");
                }
            }

            foreach (var over in file.Elements("fieldOverrides"))
            {
                var field = package.Field(obj, over.Element(ns + "field")?.Value ?? string.Empty);
                var literal = over.Element(ns + "literalValue")?.Value;
                if (field?.Type == "Picklist" && literal is not null
                    && !field.File!.Root!.Descendants(ns + "value").Any(v => v.Element(ns + "fullName")?.Value == literal))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"'{literal}' is not a value of {field.QualifiedName}");
                }
            }

            if (file.Value("type") == "Flow")
            {
                var flow = file.Value("flowDefinition");
                if (flow is null || !package.OfKind(MetadataKinds.Flow).Any(f => f.ComponentName == flow))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"flow action launches flow '{flow}', which the package does not define");
                }
            }
        }
    }
}
