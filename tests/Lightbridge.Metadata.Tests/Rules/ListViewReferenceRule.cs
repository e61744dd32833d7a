using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>Every column and filter field of a list view exists on its object; picklist filter values are real values.</summary>
internal sealed class ListViewReferenceRule : IPackageRule
{
    /// <summary>List view columns that name standard columns rather than fields.</summary>
    private static readonly HashSet<string> StandardColumns = new(
        ["NAME", "CREATED_DATE", "LAST_UPDATE", "OWNER.ALIAS", "OWNER.FIRST_NAME", "OWNER.LAST_NAME", "CREATEDBY_USER", "UPDATEDBY_USER", "RECORDTYPE"],
        StringComparer.Ordinal);

    public string Name => "ListViewReference";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.OfKind(MetadataKinds.ListView))
        {
            var obj = file.OwnerName!;
            var fields = file.Elements("columns").Select(c => c.Value)
                .Concat(file.Elements("filters").Select(f => f.Element(MetadataFile.Ns + "field")?.Value ?? string.Empty));
            foreach (var field in fields.Where(f => !StandardColumns.Contains(f)))
            {
                if (package.Field(obj, field) is null)
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"list view uses {field}, which {obj} does not have");
                }
            }

            foreach (var filter in file.Elements("filters"))
            {
                var field = package.Field(obj, filter.Element(MetadataFile.Ns + "field")?.Value ?? string.Empty);
                if (field?.Type != "Picklist" || field.File?.Root is null)
                {
                    continue;
                }

                var values = field.File.Root.Descendants(MetadataFile.Ns + "value")
                    .Select(v => v.Element(MetadataFile.Ns + "fullName")?.Value).ToHashSet(StringComparer.Ordinal);
                foreach (var value in (filter.Element(MetadataFile.Ns + "value")?.Value ?? string.Empty).Split(','))
                {
                    if (!values.Contains(value))
                    {
                        yield return new RuleViolation(Name, file.RelativePath, $"filter value '{value}' is not a value of {field.QualifiedName}");
                    }
                }
            }
        }
    }
}
