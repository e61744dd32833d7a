using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Every file has a known suffix, sits in the folder its type requires, has the matching root
/// element, and a fullName inside (where one is kept) equal to its file name
/// (shared/reference/salesforce-api.md §4.2).
/// </summary>
internal sealed class FileLocationRule : IPackageRule
{
    public string Name => "FileLocation";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.Files)
        {
            if (file.Kind is null)
            {
                yield return new RuleViolation(Name, file.RelativePath, "unknown suffix: not a metadata type this package uses");
                continue;
            }

            if (file.Placed is null)
            {
                yield return new RuleViolation(Name, file.RelativePath, $"a {file.Kind.TypeName} must match {file.Kind.Placement}");
                continue;
            }

            if (file.Root is null)
            {
                continue; // WellFormedXmlRule reports it.
            }

            if (file.Root.Name.LocalName != file.Kind.TypeName)
            {
                yield return new RuleViolation(Name, file.RelativePath, $"root element <{file.Root.Name.LocalName}> in a {file.Kind.TypeName} file");
            }

            var fullName = file.Value("fullName");
            if (fullName is not null && fullName != file.ComponentName)
            {
                yield return new RuleViolation(Name, file.RelativePath, $"fullName {fullName} differs from the file name {file.ComponentName}");
            }

            if (file.Kind == MetadataKinds.CustomMetadata && !package.HasObject(file.OwnerName + "__mdt"))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"record of unknown custom metadata type {file.OwnerName}__mdt");
            }
        }
    }
}
