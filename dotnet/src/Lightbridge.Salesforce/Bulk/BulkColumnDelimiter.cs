namespace Lightbridge.Salesforce;

/// <summary>The column delimiter a job declares (shared/reference/salesforce-api.md §1.2).</summary>
public enum BulkColumnDelimiter
{
    /// <summary><c>COMMA</c>, the default.</summary>
    Comma,

    /// <summary><c>BACKQUOTE</c> (<c>`</c>).</summary>
    Backquote,

    /// <summary><c>CARET</c> (<c>^</c>).</summary>
    Caret,

    /// <summary><c>PIPE</c> (<c>|</c>).</summary>
    Pipe,

    /// <summary><c>SEMICOLON</c>.</summary>
    Semicolon,

    /// <summary><c>TAB</c>.</summary>
    Tab,
}
