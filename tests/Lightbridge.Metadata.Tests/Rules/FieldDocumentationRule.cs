using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>Every custom field has a description and help text (STYLE.md G16, G18).</summary>
internal sealed class FieldDocumentationRule : IPackageRule
{
    public string Name => "FieldDocumentation";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.OfKind(MetadataKinds.CustomField))
        {
            foreach (var element in new[] { "description", "inlineHelpText", "label" })
            {
                if (string.IsNullOrWhiteSpace(file.Value(element)))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"custom field lacks <{element}>");
                }
            }
        }
    }
}
