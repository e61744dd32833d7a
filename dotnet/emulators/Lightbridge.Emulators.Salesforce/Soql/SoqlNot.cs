namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>NOT applied to a condition.</summary>
internal sealed record SoqlNot(SoqlCondition Operand) : SoqlCondition;
