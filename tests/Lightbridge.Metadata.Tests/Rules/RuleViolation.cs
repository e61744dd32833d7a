namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>One thing wrong with the package: which rule, which file, what.</summary>
internal sealed record RuleViolation(string Rule, string File, string Message)
{
    public override string ToString() => $"[{Rule}] {File}: {Message}";
}
