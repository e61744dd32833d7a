namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>A literal as written; <see cref="N"/> is the number of a parameterized date literal.</summary>
internal sealed record SoqlValue(SoqlValueKind Kind, string Text, int Position, int N = 0);
