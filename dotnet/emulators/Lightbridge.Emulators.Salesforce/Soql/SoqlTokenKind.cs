namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>Token kinds of the SOQL lexer. Keywords are identifiers; the parser matches them case-insensitively.</summary>
internal enum SoqlTokenKind
{
    Identifier,
    String,
    Number,
    Date,
    DateTime,
    Comma,
    Dot,
    Colon,
    LeftParen,
    RightParen,
    Operator,
    End,
}
