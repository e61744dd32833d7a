namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>A query the org rejects: MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE or NUMBER_OUTSIDE_VALID_RANGE, with the org's message.</summary>
public sealed class SoqlException : Exception
{
    public SoqlException()
    {
        ErrorCode = "MALFORMED_QUERY";
    }

    public SoqlException(string message)
        : base(message)
    {
        ErrorCode = "MALFORMED_QUERY";
    }

    public SoqlException(string message, Exception inner)
        : base(message, inner)
    {
        ErrorCode = "MALFORMED_QUERY";
    }

    public SoqlException(string errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    public string ErrorCode { get; }

    /// <summary>Builds the org's positioned message: the statement line, a caret, "ERROR at Row:r:Column:c", then the detail.</summary>
    internal static SoqlException At(string errorCode, string soql, int position, string detail)
    {
        var row = 1;
        var lineStart = 0;
        for (var i = 0; i < Math.Min(position, soql.Length); i++)
        {
            if (soql[i] == '\n')
            {
                row++;
                lineStart = i + 1;
            }
        }

        var lineEnd = soql.IndexOf('\n', lineStart);
        var line = lineEnd < 0 ? soql[lineStart..] : soql[lineStart..lineEnd];
        var column = position - lineStart + 1;
        return new SoqlException(errorCode, $"\n{line}\n{new string(' ', Math.Max(0, column - 1))}^\nERROR at Row:{row}:Column:{column}\n{detail}");
    }
}
