namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>
/// Parses <c>or=description%3Dfoo|description%3Dbar</c>: operands split on the raw <c>|</c>, and each operand's
/// <c>=</c> arrives as <c>%3D</c> (shared/reference/lightspeed-api.md section 4). Works on the RAW (still encoded)
/// value so an encoded <c>%7C</c> inside a value stays a literal pipe.
/// </summary>
internal static class OrParser
{
    public static bool TryParse(string rawValue, out IReadOnlyList<FilterCondition> conditions, out string? error)
    {
        var list = new List<FilterCondition>();
        conditions = list;
        error = null;
        // Some HTTP stacks escape the separator itself; with no raw pipe at all, accept the escaped one.
        var separator = rawValue.Contains('|', StringComparison.Ordinal) ? "|" : "%7C";
        foreach (var rawOperand in rawValue.Split(separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var operand = QueryStringReader.Decode(rawOperand);
            var eq = operand.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = $"Invalid or operand '{operand}': expected field%3Dvalue";
                return false;
            }

            if (!FilterParser.TryParse(operand[..eq], operand[(eq + 1)..], out var condition, out error))
            {
                return false;
            }

            list.Add(condition!);
        }

        if (list.Count == 0)
        {
            error = "Empty or parameter";
            return false;
        }

        return true;
    }
}
