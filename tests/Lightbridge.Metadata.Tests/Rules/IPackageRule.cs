using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>A check of the package that needs no org. Returns every violation it finds, never throws for bad input.</summary>
internal interface IPackageRule
{
    string Name { get; }

    IEnumerable<RuleViolation> Check(PackageModel package);
}
