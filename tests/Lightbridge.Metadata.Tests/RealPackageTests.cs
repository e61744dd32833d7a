using Lightbridge.Metadata.Tests.Model;
using Lightbridge.Metadata.Tests.Rules;
using Lightbridge.Metadata.Tests.Testing;

namespace Lightbridge.Metadata.Tests;

/// <summary>The committed force-app/ passes every rule.</summary>
public sealed class RealPackageTests
{
    private static readonly Lazy<PackageModel> Package = new(() => PackageModel.Load(RepositoryRoot.ForceApp()));

    private static IEnumerable<string> RuleNames => AllRules.Rules.Select(r => r.Name);

    [TestCaseSource(nameof(RuleNames))]
    public void Check_RealPackage_NoViolations(string rule) => RuleAssert.Passes(AllRules.Named(rule), Package.Value);

    [Test]
    public void Load_RealPackage_EveryFileIsAKnownParsedMetadataFile()
    {
        Assert.That(Package.Value.Files, Has.Count.GreaterThan(100));
        Assert.That(Package.Value.Files.Where(f => f.Kind is null || f.Root is null).Select(f => f.RelativePath), Is.Empty);
    }

    [Test]
    public void Rules_EachRuleHasItsOwnBrokenCopyTests()
    {
        var fixtures = typeof(RealPackageTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var untested = AllRules.Rules.Select(r => r.GetType().Name).Where(n => !fixtures.Contains(n + "Tests"));
        Assert.That(untested, Is.Empty);
    }
}
