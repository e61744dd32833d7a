using System.Text.Json;
using System.Text.RegularExpressions;
using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests;

/// <summary>
/// Keeps docs/data-model.md true: every object of the package has a section, and every field of the package and every
/// field the default mapping writes is named in its object's section. A field added without its documentation fails here.
/// </summary>
public sealed partial class DataModelDocumentationTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Sections = new(ReadSections);

    private static IEnumerable<TestCaseData> PackageFields()
    {
        var objects = Path.Combine(RepositoryRoot.ForceApp(), "main", "default", "objects");
        foreach (var folder in Directory.GetDirectories(objects).Order(StringComparer.Ordinal))
        {
            var sObject = Path.GetFileName(folder);
            var fields = Path.Combine(folder, "fields");
            var names = Directory.Exists(fields)
                ? Directory.GetFiles(fields, "*.field-meta.xml").Select(f => Path.GetFileName(f)[..^".field-meta.xml".Length]).Order(StringComparer.Ordinal)
                : Enumerable.Empty<string>();
            yield return new TestCaseData(sObject, null).SetArgDisplayNames(sObject);
            foreach (var field in names)
            {
                yield return new TestCaseData(sObject, field).SetArgDisplayNames($"{sObject}.{field}");
            }
        }
    }

    private static IEnumerable<TestCaseData> MappedFields()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "dotnet", "src", "Lightbridge.Sync", "Mapping", "default-mapping.json");
        using var mapping = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var sObject in mapping.RootElement.GetProperty("profiles").GetProperty("CustomObjects").EnumerateObject())
        {
            var fields = new SortedSet<string>(StringComparer.Ordinal) { sObject.Value.GetProperty("externalId").GetProperty("field").GetString()! };
            fields.UnionWith(sObject.Value.GetProperty("fields").EnumerateObject().Select(f => f.Name));
            if (sObject.Value.TryGetProperty("references", out var references))
            {
                fields.UnionWith(references.EnumerateObject().Select(r => r.Name));
            }

            foreach (var field in fields)
            {
                yield return new TestCaseData(sObject.Name, field).SetArgDisplayNames($"{sObject.Name}.{field}");
            }
        }
    }

    [TestCaseSource(nameof(PackageFields))]
    public void PackageField_IsNamedInItsObjectsSection(string sObject, string? field) => AssertDocumented(sObject, field);

    [TestCaseSource(nameof(MappedFields))]
    public void MappedField_IsNamedInItsObjectsSection(string sObject, string field) => AssertDocumented(sObject, field);

    private static void AssertDocumented(string sObject, string? field)
    {
        Assert.That(Sections.Value.ContainsKey(sObject), Is.True, $"docs/data-model.md has no '## `{sObject}`' section.");
        if (field is not null)
        {
            Assert.That(Sections.Value[sObject], Does.Contain($"`{field}`"), $"docs/data-model.md does not name {sObject}.{field} in the {sObject} section.");
        }
    }

    /// <summary>The page's sections keyed by the object in their heading (<c>## `Contact` (...)</c>).</summary>
    private static IReadOnlyDictionary<string, string> ReadSections()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "data-model.md"));
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var headings = Heading().Matches(text);
        for (var i = 0; i < headings.Count; i++)
        {
            var end = i + 1 < headings.Count ? headings[i + 1].Index : text.Length;
            sections[headings[i].Groups["object"].Value] = text[headings[i].Index..end];
        }

        return sections;
    }

    [GeneratedRegex(@"^## `(?<object>[A-Za-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
