using System.Text.RegularExpressions;

namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// Pulls the field names out of a formula or a SOQL condition: identifiers that are not string
/// literals, function calls, keywords or literals.
/// </summary>
internal static partial class FormulaFields
{
    private static readonly HashSet<string> Keywords = new(
        ["AND", "OR", "NOT", "TRUE", "FALSE", "NULL", "IN", "LIKE", "INCLUDES", "EXCLUDES", "TODAY", "YESTERDAY", "TOMORROW"],
        StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> In(string expression)
    {
        var withoutStrings = StringLiteral().Replace(expression, " ");
        foreach (Match match in Identifier().Matches(withoutStrings))
        {
            var name = match.Groups["name"].Value;
            var isCall = match.Groups["call"].Success;
            if (!isCall && !Keywords.Contains(name))
            {
                yield return name;
            }
        }
    }

    [GeneratedRegex(@"'(?:[^'\\]|\\.)*'|""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\w.$])(?<name>[A-Za-z_$][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)(?<call>\s*\()?")]
    private static partial Regex Identifier();
}
