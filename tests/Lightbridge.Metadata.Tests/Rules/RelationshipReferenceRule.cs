using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Lookups and master-details point at objects that exist; a Summary field counts a master-detail
/// child that points back at its own object, and summarizes a field that exists
/// (shared/reference/salesforce-api.md §4.4: roll-ups only over master-detail); an object has at most
/// two master-detail fields.
/// </summary>
internal sealed class RelationshipReferenceRule : IPackageRule
{
    public string Name => "RelationshipReference";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var field in package.Objects.Values.SelectMany(o => o.Fields.Values).Where(f => f.File is not null))
        {
            var path = field.File!.RelativePath;
            if (field.Type is "Lookup" or "MasterDetail" && (field.ReferenceTo is null || !package.HasObject(field.ReferenceTo)))
            {
                yield return new RuleViolation(Name, path, $"{field.QualifiedName} points at unknown object {field.ReferenceTo}");
            }

            if (field.Type == "MasterDetail" && field.ReferenceTo is "Lead" or "User")
            {
                yield return new RuleViolation(Name, path, $"{field.ReferenceTo} cannot be the master of a master-detail relationship");
            }

            if (field.Type != "Summary")
            {
                continue;
            }

            var key = package.Field(field.File.Value("summaryForeignKey") ?? string.Empty);
            if (key is null || !key.IsMasterDetail || key.ReferenceTo != field.ObjectName)
            {
                yield return new RuleViolation(Name, path, $"summaryForeignKey {field.File.Value("summaryForeignKey")} is not a master-detail field pointing at {field.ObjectName}");
            }

            var summarized = field.File.Value("summarizedField");
            if (summarized is not null && (package.Field(summarized) is not { } target || target.ObjectName != key?.ObjectName))
            {
                yield return new RuleViolation(Name, path, $"summarizedField {summarized} does not exist on the detail object");
            }
        }

        foreach (var obj in package.Objects.Values.Where(o => o.Fields.Values.Count(f => f.IsMasterDetail) > 2))
        {
            yield return new RuleViolation(Name, obj.Definition?.RelativePath ?? obj.Name, "an object can have at most two master-detail fields");
        }
    }
}
