using System.Reflection;
using System.Xml.Linq;

namespace Lightbridge.Core.Tests.Conventions;

/// <summary>Core is pure: the BCL only (STYLE G1, G16).</summary>
public sealed class CoreDependencyTests
{
    [Test]
    public void CoreProject_HasNoPackageOrProjectReferences()
    {
        var project = XDocument.Load(FindCoreProject());
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference")
            .Select(e => (string?)e.Attribute("Include"))
            .ToList();

        Assert.That(references, Is.Empty);
    }

    [Test]
    public void CoreAssembly_ReferencesOnlyTheBcl()
    {
        var assembly = typeof(Lightbridge.Core.Model.Sale).Assembly;
        var foreign = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "mscorlib" or "netstandard"))
            .ToList();

        Assert.That(foreign, Is.Empty);
    }

    [Test]
    public void ModelRecords_AreSealed()
    {
        var unsealed = typeof(Lightbridge.Core.Model.Sale).Assembly.GetTypes()
            .Where(t => t.Namespace == "Lightbridge.Core.Model" && t.IsClass && t.IsPublic && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.Name)
            .ToList();

        Assert.That(unsealed, Is.Empty);
    }

    private static string FindCoreProject()
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)!);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "dotnet", "src", "Lightbridge.Core", "Lightbridge.Core.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        throw new FileNotFoundException("Lightbridge.Core.csproj not found above the test output.");
    }
}
