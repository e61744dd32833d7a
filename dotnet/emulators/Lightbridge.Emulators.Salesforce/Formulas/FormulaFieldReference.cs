namespace Lightbridge.Emulators.Salesforce.Formulas;

/// <summary>A reference to a field of the record being saved.</summary>
internal sealed class FormulaFieldReference(string field) : FormulaNode
{
    public string Field { get; } = field;

    public override object? Evaluate(Func<string, object?> fieldValue) => fieldValue(Field);
}
