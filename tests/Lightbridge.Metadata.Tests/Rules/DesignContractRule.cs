using Lightbridge.Metadata.Tests.Design;
using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Every object and field of shared/DESIGN.md exists with the design's type, target, external-ID
/// role and values; the resync event is HighVolume and PublishAfterCommit (STYLE.md G18).
/// </summary>
internal sealed class DesignContractRule : IPackageRule
{
    public string Name => "DesignContract";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        foreach (var name in DesignDataModel.CustomObjects)
        {
            if (!package.Objects.TryGetValue(name, out var obj) || obj.Definition is null)
            {
                yield return new RuleViolation(Name, $"objects/{name}", $"design object {name} is missing");
            }
        }

        if (package.Objects.GetValueOrDefault(DesignDataModel.ResyncRequest)?.Definition is { } evt
            && (evt.Value("eventType") != "HighVolume" || evt.Value("publishBehavior") != "PublishAfterCommit"))
        {
            yield return new RuleViolation(Name, evt.RelativePath, "the resync event must be HighVolume and PublishAfterCommit");
        }

        foreach (var expected in DesignDataModel.Fields)
        {
            var where = $"objects/{expected.Object}/fields/{expected.Field}";
            var actual = package.Field(expected.Object, expected.Field);
            if (actual?.File is null)
            {
                yield return new RuleViolation(Name, where, $"design field {expected.Object}.{expected.Field} is missing");
                continue;
            }

            if (actual.Type != expected.Type)
            {
                yield return new RuleViolation(Name, where, $"is {actual.Type}, the design says {expected.Type}");
            }

            if (expected.ReferenceTo is not null && actual.ReferenceTo != expected.ReferenceTo)
            {
                yield return new RuleViolation(Name, where, $"points at {actual.ReferenceTo}, the design says {expected.ReferenceTo}");
            }

            if (actual.ExternalId != expected.ExternalId)
            {
                yield return new RuleViolation(Name, where, expected.ExternalId ? "the design makes it an external ID" : "the design does not make it an external ID");
            }

            if (expected.Values is not null)
            {
                var values = actual.File.Root!.Descendants(MetadataFile.Ns + "value")
                    .Select(v => v.Element(MetadataFile.Ns + "fullName")?.Value).OfType<string>().ToArray();
                if (!values.SequenceEqual(expected.Values, StringComparer.Ordinal))
                {
                    yield return new RuleViolation(Name, where, $"values are [{string.Join(", ", values)}], the design says [{string.Join(", ", expected.Values)}]");
                }
            }
        }
    }
}
