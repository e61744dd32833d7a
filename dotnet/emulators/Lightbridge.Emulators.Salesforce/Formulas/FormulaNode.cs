namespace Lightbridge.Emulators.Salesforce.Formulas;

/// <summary>
/// A node of a parsed validation-rule formula. Values are null, bool, decimal, string, DateOnly or DateTimeOffset;
/// <c>fieldValue</c> answers a field reference with the record's stored value.
/// </summary>
internal abstract class FormulaNode
{
    public abstract object? Evaluate(Func<string, object?> fieldValue);
}
