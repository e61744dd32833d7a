using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// A layout's object, fields, related lists (Child.Field pointing back at the object, with the
/// child's columns) and quick actions exist.
/// </summary>
internal sealed class LayoutReferenceRule : IPackageRule
{
    public string Name => "LayoutReference";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.OfKind(MetadataKinds.Layout))
        {
            var obj = file.OwnerName!;
            if (!package.HasObject(obj))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"layout for unknown object {obj}");
                continue;
            }

            foreach (var field in file.Root!.Descendants(MetadataFile.Ns + "layoutItems").Select(i => i.Element(MetadataFile.Ns + "field")?.Value).OfType<string>())
            {
                if (package.Field(obj, field) is null)
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"layout shows {field}, which {obj} does not have");
                }
            }

            foreach (var related in file.Elements("relatedLists"))
            {
                var name = related.Element(MetadataFile.Ns + "relatedList")?.Value ?? string.Empty;
                var link = package.Field(name);
                if (link is null || link.ReferenceTo != obj)
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"related list {name} is not a relationship field pointing at {obj}");
                    continue;
                }

                foreach (var column in related.Elements(MetadataFile.Ns + "fields").Select(f => f.Value).Where(c => c != "NAME"))
                {
                    if (package.Field(link.ObjectName, column) is null)
                    {
                        yield return new RuleViolation(Name, file.RelativePath, $"related list {name} shows {column}, which {link.ObjectName} does not have");
                    }
                }
            }

            foreach (var item in file.Root.Descendants(MetadataFile.Ns + "platformActionListItems"))
            {
                var action = item.Element(MetadataFile.Ns + "actionName")?.Value ?? string.Empty;
                if (item.Element(MetadataFile.Ns + "actionType")?.Value == "QuickAction"
                    && action.Contains('.', StringComparison.Ordinal)
                    && !package.OfKind(MetadataKinds.QuickAction).Any(q => $"{q.OwnerName}.{q.ComponentName}" == action))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"layout lists quick action {action}, which the package does not define");
                }
            }
        }
    }
}
