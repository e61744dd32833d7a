using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>Every object, field, tab and custom metadata type a permission set names exists.</summary>
internal sealed class PermissionSetReferenceRule : IPackageRule
{
    public string Name => "PermissionSetReference";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.OfKind(MetadataKinds.PermissionSet))
        {
            foreach (var field in file.Elements("fieldPermissions").Select(e => e.Element(MetadataFile.Ns + "field")?.Value ?? string.Empty))
            {
                if (package.Field(field) is null)
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"field permission on unknown field {field}");
                }
            }

            foreach (var obj in file.Elements("objectPermissions").Select(e => e.Element(MetadataFile.Ns + "object")?.Value ?? string.Empty))
            {
                if (!package.HasObject(obj))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"object permission on unknown object {obj}");
                }
            }

            foreach (var tab in file.Elements("tabSettings").Select(e => e.Element(MetadataFile.Ns + "tab")?.Value ?? string.Empty))
            {
                if (!package.OfKind(MetadataKinds.CustomTab).Any(t => t.ComponentName == tab))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"tab setting for tab {tab}, which the package does not define");
                }
            }

            foreach (var type in file.Elements("customMetadataTypeAccesses").Select(e => e.Element(MetadataFile.Ns + "name")?.Value ?? string.Empty))
            {
                if (!package.HasObject(type))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"access to unknown custom metadata type {type}");
                }
            }
        }
    }
}
