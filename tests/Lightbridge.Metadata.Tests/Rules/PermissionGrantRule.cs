using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// No permission set lists a required or master-detail field (deploys fail with "You cannot deploy to
/// a required field": shared/reference/salesforce-api.md §4.3), none makes a computed field editable,
/// none lists a platform event field (field-level security does not apply to them: Platform Events
/// Developer Guide, "Considerations for Defining Platform Events"), and every field permission comes
/// with read access to its object.
/// </summary>
internal sealed class PermissionGrantRule : IPackageRule
{
    public string Name => "PermissionGrant";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        var ns = MetadataFile.Ns;
        foreach (var file in package.OfKind(MetadataKinds.PermissionSet))
        {
            var readable = file.Elements("objectPermissions")
                .Where(o => o.Element(ns + "allowRead")?.Value == "true")
                .Select(o => o.Element(ns + "object")?.Value)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var grant in file.Elements("fieldPermissions"))
            {
                var field = package.Field(grant.Element(ns + "field")?.Value ?? string.Empty);
                if (field is null)
                {
                    continue; // PermissionSetReferenceRule reports it.
                }

                if (field.CannotBeGranted)
                {
                    yield return new RuleViolation(Name, file.RelativePath,
                        $"{field.QualifiedName} is {(field.IsMasterDetail ? "master-detail" : "required")}: permission sets must not list it");
                }

                if (field.ObjectName.EndsWith("__e", StringComparison.Ordinal))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"{field.QualifiedName} is a platform event field: field-level security does not apply");
                }

                if (field.IsReadOnly && grant.Element(ns + "editable")?.Value == "true")
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"{field.QualifiedName} is computed ({field.Type}) and cannot be editable");
                }

                if (!readable.Contains(StandardSchema.AccessObject(field.ObjectName)))
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"grants {field.QualifiedName} without read access to {field.ObjectName}");
                }
            }
        }
    }
}
