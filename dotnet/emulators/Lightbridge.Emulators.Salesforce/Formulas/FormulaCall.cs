namespace Lightbridge.Emulators.Salesforce.Formulas;

/// <summary>A function call: ISBLANK, ISNULL, ISPICKVAL, AND, OR, NOT, IF, LEN, TEXT, BEGINS, CONTAINS, BLANKVALUE.</summary>
internal sealed class FormulaCall : FormulaNode
{
    private static readonly Dictionary<string, (int Min, int Max)> Arity = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ISBLANK"] = (1, 1), ["ISNULL"] = (1, 1), ["ISPICKVAL"] = (2, 2), ["AND"] = (1, int.MaxValue),
        ["OR"] = (1, int.MaxValue), ["NOT"] = (1, 1), ["IF"] = (3, 3), ["LEN"] = (1, 1), ["TEXT"] = (1, 1),
        ["BEGINS"] = (2, 2), ["CONTAINS"] = (2, 2), ["BLANKVALUE"] = (2, 2),
    };

    private readonly string _name;
    private readonly IReadOnlyList<FormulaNode> _args;

    public FormulaCall(string name, IReadOnlyList<FormulaNode> args)
    {
        if (!Arity.TryGetValue(name, out var arity))
        {
            throw new FormulaException($"Unknown function {name.ToUpperInvariant()}. Check spelling.");
        }

        if (args.Count < arity.Min || args.Count > arity.Max)
        {
            throw new FormulaException($"Incorrect number of parameters for function '{name.ToUpperInvariant()}()'.");
        }

        _name = name.ToUpperInvariant();
        _args = args;
    }

    public override object? Evaluate(Func<string, object?> fieldValue)
    {
        object? Arg(int i) => _args[i].Evaluate(fieldValue);
        return _name switch
        {
            "ISBLANK" or "ISNULL" => FormulaValues.IsBlank(Arg(0)),
            "ISPICKVAL" => string.Equals(FormulaValues.Text(Arg(0)), FormulaValues.Text(Arg(1)), StringComparison.Ordinal),
            "AND" => _args.All(a => FormulaValues.Truthy(a.Evaluate(fieldValue))),
            "OR" => _args.Any(a => FormulaValues.Truthy(a.Evaluate(fieldValue))),
            "NOT" => !FormulaValues.Truthy(Arg(0)),
            "IF" => FormulaValues.Truthy(Arg(0)) ? Arg(1) : Arg(2),
            "LEN" => (decimal)FormulaValues.Text(Arg(0)).Length,
            "TEXT" => FormulaValues.Text(Arg(0)),
            "BEGINS" => FormulaValues.Text(Arg(0)).StartsWith(FormulaValues.Text(Arg(1)), StringComparison.Ordinal),
            "CONTAINS" => FormulaValues.Text(Arg(0)).Contains(FormulaValues.Text(Arg(1)), StringComparison.Ordinal),
            _ => FormulaValues.IsBlank(Arg(0)) ? Arg(1) : Arg(0),
        };
    }
}
