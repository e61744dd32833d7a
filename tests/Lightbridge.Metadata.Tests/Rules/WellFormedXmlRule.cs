using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>Every XML file parses and its root is in the Metadata API namespace.</summary>
internal sealed class WellFormedXmlRule : IPackageRule
{
    public string Name => "WellFormedXml";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.Files.Where(f => f.RelativePath.EndsWith(".xml", StringComparison.Ordinal)))
        {
            if (file.ParseError is not null)
            {
                yield return new RuleViolation(Name, file.RelativePath, "malformed XML: " + file.ParseError);
            }
            else if (file.Root!.Name.Namespace != MetadataFile.Ns)
            {
                yield return new RuleViolation(Name, file.RelativePath, $"root element is not in the {MetadataFile.Ns} namespace");
            }
        }
    }
}
