namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>AND or OR over two or more conditions (SOQL forbids mixing them without parentheses).</summary>
internal sealed record SoqlLogical(bool IsAnd, IReadOnlyList<SoqlCondition> Operands) : SoqlCondition;
