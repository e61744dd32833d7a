namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>One token with its character offset in the statement (for "ERROR at Row:r:Column:c").</summary>
internal sealed record SoqlToken(SoqlTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) => Kind == SoqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind == SoqlTokenKind.End ? "<EOF>" : Text;
}
