using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Sharing rules and public groups deploy and mean what they say: a rules file names an object of the package whose
/// organization-wide default is Private or Read (a ControlledByParent object takes no rules of its own); each criteria item
/// names a field of that object with a known operation; each group a rule shares to or from is a group of the deploy;
/// rule and group names are developer names, unique per file; labels fit (40 characters for a group, 80 for a rule);
/// access is Read or Edit; an object has at most 50 criteria-based rules.
/// </summary>
internal sealed class SharingRuleReferenceRule : IPackageRule
{
    private static readonly Regex DeveloperName = new("^[A-Za-z](?:_?[A-Za-z0-9])*$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "equals", "notEqual", "lessThan", "greaterThan", "lessOrEqual", "greaterOrEqual", "contains", "notContain", "startsWith",
        "includes", "excludes", "within",
    };

    public string Name => "SharingRuleReference";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        var groups = package.OfKind(MetadataKinds.Group).Select(g => g.ComponentName!).ToHashSet(StringComparer.Ordinal);
        foreach (var group in package.OfKind(MetadataKinds.Group))
        {
            if (!DeveloperName.IsMatch(group.ComponentName!) || group.ComponentName!.Length > 80)
            {
                yield return new RuleViolation(Name, group.RelativePath, $"{group.ComponentName} is not a developer name of at most 80 characters");
            }

            if (group.Value("name") is not { Length: > 0 and <= 40 })
            {
                yield return new RuleViolation(Name, group.RelativePath, "a group needs a name (its label) of 1 to 40 characters");
            }
        }

        foreach (var file in package.OfKind(MetadataKinds.SharingRules))
        {
            foreach (var violation in CheckFile(package, groups, file))
            {
                yield return violation;
            }
        }
    }

    private IEnumerable<RuleViolation> CheckFile(PackageModel package, HashSet<string> groups, MetadataFile file)
    {
        var ns = MetadataFile.Ns;
        var objectName = file.ComponentName!;
        if (!package.Objects.TryGetValue(objectName, out var obj))
        {
            yield return new RuleViolation(Name, file.RelativePath, $"sharing rules for unknown object {objectName}");
            yield break;
        }

        if (obj.Definition?.Value("sharingModel") is { } model && model is not ("Private" or "Read"))
        {
            yield return new RuleViolation(Name, file.RelativePath, $"{objectName} is {model}: sharing rules need a Private or Read organization-wide default");
        }

        var criteriaRules = file.Elements("sharingCriteriaRules").ToList();
        if (criteriaRules.Count > 50)
        {
            yield return new RuleViolation(Name, file.RelativePath, $"{criteriaRules.Count} criteria-based rules; Salesforce allows 50 per object");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in criteriaRules.Concat(file.Elements("sharingOwnerRules")))
        {
            var name = rule.Element(ns + "fullName")?.Value ?? string.Empty;
            if (!DeveloperName.IsMatch(name) || name.Length > 80)
            {
                yield return new RuleViolation(Name, file.RelativePath, $"rule name '{name}' is not a developer name of at most 80 characters");
            }

            if (!names.Add(name))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"rule {name} appears twice");
            }

            if (rule.Element(ns + "label")?.Value is not { Length: > 0 and <= 80 })
            {
                yield return new RuleViolation(Name, file.RelativePath, $"rule {name} needs a label of 1 to 80 characters");
            }

            if (rule.Element(ns + "accessLevel")?.Value is not ("Read" or "Edit"))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"rule {name} grants '{rule.Element(ns + "accessLevel")?.Value}', not Read or Edit");
            }

            foreach (var target in rule.Elements(ns + "sharedTo").Concat(rule.Elements(ns + "sharedFrom")).SelectMany(t => t.Elements(ns + "group")))
            {
                if (!groups.Contains(target.Value))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"rule {name} names group {target.Value}, which the deploy does not define");
                }
            }

            foreach (var item in rule.Elements(ns + "criteriaItems"))
            {
                foreach (var violation in CheckCriteria(package, file, objectName, name, item))
                {
                    yield return violation;
                }
            }
        }
    }

    private IEnumerable<RuleViolation> CheckCriteria(PackageModel package, MetadataFile file, string objectName, string rule, XElement item)
    {
        var ns = MetadataFile.Ns;
        var field = item.Element(ns + "field")?.Value ?? string.Empty;
        if (package.Field(objectName, field) is null)
        {
            yield return new RuleViolation(Name, file.RelativePath, $"rule {rule} filters on {objectName}.{field}, which does not exist");
        }

        var operation = item.Element(ns + "operation")?.Value ?? string.Empty;
        if (!Operations.Contains(operation))
        {
            yield return new RuleViolation(Name, file.RelativePath, $"rule {rule} uses unknown operation '{operation}'");
        }
    }
}
