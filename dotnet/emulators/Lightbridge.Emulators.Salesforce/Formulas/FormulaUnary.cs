namespace Lightbridge.Emulators.Salesforce.Formulas;

/// <summary>Unary minus, or the <c>!</c> negation.</summary>
internal sealed class FormulaUnary(string op, FormulaNode operand) : FormulaNode
{
    public override object? Evaluate(Func<string, object?> fieldValue)
    {
        var value = operand.Evaluate(fieldValue);
        return op switch
        {
            "-" => value is decimal d ? -d : null,
            _ => !FormulaValues.Truthy(value),
        };
    }
}
