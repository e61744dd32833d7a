using System.Text;
using System.Text.RegularExpressions;

namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>Splits a SOQL statement into tokens. String literals keep <c>\%</c> and <c>\_</c> escaped for LIKE.</summary>
internal static partial class SoqlLexer
{
    public static List<SoqlToken> Tokenize(string soql)
    {
        var tokens = new List<SoqlToken>();
        var i = 0;
        while (i < soql.Length)
        {
            var c = soql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            var temporal = TemporalPattern().Match(soql, i);
            if (temporal.Success && temporal.Index == i)
            {
                var kind = temporal.Groups["time"].Success ? SoqlTokenKind.DateTime : SoqlTokenKind.Date;
                tokens.Add(new SoqlToken(kind, temporal.Value, start));
                i += temporal.Length;
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' && i + 1 < soql.Length && char.IsAsciiDigit(soql[i + 1]) && !AfterValue(tokens)))
            {
                i++;
                while (i < soql.Length && (char.IsAsciiDigit(soql[i]) || soql[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Number, soql[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < soql.Length && (char.IsAsciiLetterOrDigit(soql[i]) || soql[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Identifier, soql[start..i], start));
            }
            else if (c == '\'')
            {
                tokens.Add(new SoqlToken(SoqlTokenKind.String, ReadString(soql, ref i), start));
            }
            else
            {
                var two = i + 1 < soql.Length ? soql.Substring(i, 2) : "";
                if (two is "!=" or "<>" or "<=" or ">=")
                {
                    tokens.Add(new SoqlToken(SoqlTokenKind.Operator, two, start));
                    i += 2;
                    continue;
                }

                var kind = c switch
                {
                    ',' => SoqlTokenKind.Comma,
                    '.' => SoqlTokenKind.Dot,
                    ':' => SoqlTokenKind.Colon,
                    '(' => SoqlTokenKind.LeftParen,
                    ')' => SoqlTokenKind.RightParen,
                    '=' or '<' or '>' => SoqlTokenKind.Operator,
                    _ => throw SoqlException.At("MALFORMED_QUERY", soql, i, $"line 1:{i} no viable alternative at character '{c}'"),
                };
                tokens.Add(new SoqlToken(kind, c.ToString(), start));
                i++;
            }
        }

        tokens.Add(new SoqlToken(SoqlTokenKind.End, "", soql.Length));
        return tokens;
    }

    private static bool AfterValue(List<SoqlToken> tokens) =>
        tokens.Count > 0 && tokens[^1].Kind is SoqlTokenKind.Identifier or SoqlTokenKind.Number or SoqlTokenKind.RightParen;

    private static string ReadString(string soql, ref int i)
    {
        var start = i;
        var sb = new StringBuilder();
        i++;
        while (i < soql.Length && soql[i] != '\'')
        {
            if (soql[i] == '\\' && i + 1 < soql.Length)
            {
                var next = soql[i + 1];
                sb.Append(next switch
                {
                    'n' => "\n",
                    't' => "\t",
                    'r' => "\r",
                    // Kept escaped: only LIKE gives % and _ a meaning, and it needs to tell the literal ones apart.
                    '%' => "\\%",
                    '_' => "\\_",
                    _ => next.ToString(),
                });
                i += 2;
                continue;
            }

            sb.Append(soql[i]);
            i++;
        }

        if (i >= soql.Length)
        {
            throw SoqlException.At("MALFORMED_QUERY", soql, start, "unexpected token: <EOF>: unterminated string literal");
        }

        i++;
        return sb.ToString();
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}(?<time>T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2}))?")]
    private static partial Regex TemporalPattern();
}
