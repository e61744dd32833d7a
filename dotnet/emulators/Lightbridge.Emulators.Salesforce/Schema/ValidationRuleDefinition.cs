using Lightbridge.Emulators.Salesforce.Formulas;

namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>A validation rule: when <see cref="Condition"/> is true the save fails with FIELD_CUSTOM_VALIDATION_EXCEPTION.</summary>
internal sealed record ValidationRuleDefinition(
    string Name,
    bool Active,
    FormulaNode Condition,
    string ErrorMessage,
    string? ErrorDisplayField);
