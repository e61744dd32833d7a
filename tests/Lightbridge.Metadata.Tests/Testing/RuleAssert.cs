using Lightbridge.Metadata.Tests.Model;
using Lightbridge.Metadata.Tests.Rules;

namespace Lightbridge.Metadata.Tests.Testing;

/// <summary>Runs one rule on a package and asserts on what it reports.</summary>
internal static class RuleAssert
{
    /// <summary>The rule reports at least one violation whose text contains every fragment.</summary>
    public static void Reports(IPackageRule rule, PackageModel package, params string[] fragments)
    {
        var violations = rule.Check(package).Select(v => v.ToString()).ToList();
        Assert.That(
            violations.Any(v => fragments.All(f => v.Contains(f, StringComparison.Ordinal))),
            Is.True,
            $"{rule.Name} should report [{string.Join(" + ", fragments)}] but reported:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    public static void Passes(IPackageRule rule, PackageModel package)
    {
        var violations = rule.Check(package).Select(v => v.ToString()).ToList();
        Assert.That(violations, Is.Empty, $"{rule.Name} reported:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}
