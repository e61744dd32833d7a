namespace Lightbridge.Emulators.Salesforce.Formulas;

/// <summary>Comparison, logical (&amp;&amp;, ||), arithmetic and concatenation (&amp;) operators.</summary>
internal sealed class FormulaBinary(string op, FormulaNode left, FormulaNode right) : FormulaNode
{
    public override object? Evaluate(Func<string, object?> fieldValue)
    {
        switch (op)
        {
            case "&&":
                return FormulaValues.Truthy(left.Evaluate(fieldValue)) && FormulaValues.Truthy(right.Evaluate(fieldValue));
            case "||":
                return FormulaValues.Truthy(left.Evaluate(fieldValue)) || FormulaValues.Truthy(right.Evaluate(fieldValue));
            default:
                break;
        }

        var a = left.Evaluate(fieldValue);
        var b = right.Evaluate(fieldValue);
        return op switch
        {
            "=" or "==" => FormulaValues.AreEqual(a, b),
            "!=" or "<>" => !FormulaValues.AreEqual(a, b),
            "<" => FormulaValues.Compare(a, b) < 0,
            "<=" => FormulaValues.Compare(a, b) <= 0,
            ">" => FormulaValues.Compare(a, b) > 0,
            ">=" => FormulaValues.Compare(a, b) >= 0,
            "&" => FormulaValues.Text(a) + FormulaValues.Text(b),
            _ => Arithmetic(a, b),
        };
    }

    private decimal? Arithmetic(object? a, object? b)
    {
        if (a is not decimal x || b is not decimal y)
        {
            // Blank numbers propagate as blank ("treat blank fields as blanks", the default for new rules).
            return null;
        }

        return op switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => y == 0 ? throw new FormulaException("Division by zero") : x / y,
            _ => throw new FormulaException($"Unknown operator {op}"),
        };
    }
}
