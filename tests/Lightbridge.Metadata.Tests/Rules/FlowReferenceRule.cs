using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Objects and fields a flow reads or writes exist: record lookups (object, filters, queried fields),
/// record creates (object, input assignments), the start object, and "Get_X.Field" references to a
/// lookup's output.
/// </summary>
internal sealed class FlowReferenceRule : IPackageRule
{
    public string Name => "FlowReference";

    public IEnumerable<RuleViolation> Check(PackageModel package)
    {
        var ns = MetadataFile.Ns;
        foreach (var file in package.OfKind(MetadataKinds.Flow))
        {
            var lookups = new Dictionary<string, string>(StringComparer.Ordinal);
            var uses = new List<(string Object, string Field)>();
            var objects = new List<string>();
            foreach (var lookup in file.Elements("recordLookups"))
            {
                var obj = lookup.Element(ns + "object")?.Value ?? string.Empty;
                objects.Add(obj);
                lookups[lookup.Element(ns + "name")?.Value ?? string.Empty] = obj;
                uses.AddRange(lookup.Elements(ns + "filters").Select(f => (obj, f.Element(ns + "field")?.Value ?? string.Empty)));
                uses.AddRange(lookup.Elements(ns + "queriedFields").Select(f => (obj, f.Value)));
            }

            foreach (var create in file.Elements("recordCreates"))
            {
                var obj = create.Element(ns + "object")?.Value ?? string.Empty;
                uses.AddRange(create.Elements(ns + "inputAssignments").Select(a => (obj, a.Element(ns + "field")?.Value ?? string.Empty)));
                objects.Add(obj);
            }

            if (file.Root!.Element(ns + "start")?.Element(ns + "object")?.Value is { } startObject)
            {
                objects.Add(startObject);
            }

            foreach (var reference in file.Root.Descendants(ns + "elementReference").Select(e => e.Value))
            {
                var dot = reference.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && lookups.TryGetValue(reference[..dot], out var obj))
                {
                    uses.Add((obj, reference[(dot + 1)..]));
                }
            }

            foreach (var obj in objects.Distinct().Where(o => !package.HasObject(o)))
            {
                yield return new RuleViolation(Name, file.RelativePath, $"flow uses unknown object {obj}");
            }

            foreach (var (obj, field) in uses.Distinct().Where(u => package.HasObject(u.Object)))
            {
                if (package.Field(obj, field) is null)
                {
                    yield return new RuleViolation(Name, file.RelativePath, $"flow uses {obj}.{field}, which does not exist");
                }
            }
        }
    }
}
