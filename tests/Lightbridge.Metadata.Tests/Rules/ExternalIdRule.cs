using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// External IDs are Text, unique and case-insensitive (STYLE.md G18): upserts on a non-unique key
/// would fail with DUPLICATE_EXTERNAL_ID as soon as two records shared it.
/// </summary>
internal sealed class ExternalIdRule : IPackageRule
{
    public string Name => "ExternalId";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var file in package.OfKind(MetadataKinds.CustomField).Where(f => f.Value("externalId") == "true"))
        {
            if (file.Value("type") != "Text")
            {
                yield return new RuleViolation(Name, file.RelativePath, "external IDs are Text ({accountId}-{entityId})");
            }

            if (file.Value("unique") != "true")
            {
                yield return new RuleViolation(Name, file.RelativePath, "external ID is not unique");
            }

            if (file.Value("caseSensitive") != "false")
            {
                yield return new RuleViolation(Name, file.RelativePath, "external ID must be case-insensitive (caseSensitive false)");
            }
        }
    }
}
