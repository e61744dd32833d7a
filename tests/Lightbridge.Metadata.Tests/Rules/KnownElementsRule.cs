using System.Xml.Linq;
using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Every element is one the Metadata API knows at that place for that type (see <see cref="KnownElements"/>),
/// and the only attributes are namespace declarations and the xsi:type/xsi:nil of custom metadata values.
/// </summary>
internal sealed class KnownElementsRule : IPackageRule
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public string Name => "KnownElements";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.Files.Where(f => f.Root is not null && f.Kind is not null))
        {
            foreach (var violation in CheckElement(file, file.Root!, file.Root!.Name.LocalName))
            {
                yield return violation;
            }
        }
    }

    private IEnumerable<RuleViolation> CheckElement(MetadataFile file, XElement element, string path)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            if (attribute.Name != Xsi + "type" && attribute.Name != Xsi + "nil")
            {
                yield return new RuleViolation(Name, file.RelativePath, $"attribute {attribute.Name.LocalName} on <{path}> is unknown");
            }
        }

        var children = element.Elements().ToList();
        if (children.Count == 0)
        {
            yield break;
        }

        if (!KnownElements.Children.TryGetValue(path, out var known))
        {
            yield return new RuleViolation(Name, file.RelativePath, $"<{path}> holds elements, but the Metadata API knows it as a plain value");
            yield break;
        }

        foreach (var child in children)
        {
            if (child.Name.Namespace != MetadataFile.Ns || !known.Contains(child.Name.LocalName))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"<{child.Name.LocalName}> is not a known element of <{path}>");
                continue;
            }

            foreach (var violation in CheckElement(file, child, path + "/" + child.Name.LocalName))
            {
                yield return violation;
            }
        }
    }
}
