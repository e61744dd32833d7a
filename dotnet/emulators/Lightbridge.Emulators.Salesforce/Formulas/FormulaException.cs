namespace Lightbridge.Emulators.Salesforce.Formulas;

/// <summary>A formula the emulator cannot parse or evaluate.</summary>
internal sealed class FormulaException : Exception
{
    public FormulaException()
    {
    }

    public FormulaException(string message)
        : base(message)
    {
    }

    public FormulaException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
