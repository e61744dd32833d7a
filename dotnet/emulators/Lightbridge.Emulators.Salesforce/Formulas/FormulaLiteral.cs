namespace Lightbridge.Emulators.Salesforce.Formulas;

/// <summary>A number, string, TRUE, FALSE or NULL literal.</summary>
internal sealed class FormulaLiteral(object? value) : FormulaNode
{
    public object? Value { get; } = value;

    public override object? Evaluate(Func<string, object?> fieldValue) => Value;
}
