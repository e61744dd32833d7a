using System.Globalization;
using System.Text;

namespace Lightbridge.Emulators.Salesforce.Formulas;

/// <summary>
/// Recursive-descent parser for the small formula language validation rules use. Precedence, loosest first:
/// <c>||</c>, <c>&amp;&amp;</c>, comparisons, <c>&amp;</c> and <c>+ -</c>, <c>* /</c>, unary, primary.
/// </summary>
internal sealed class FormulaParser
{
    private readonly List<(string Kind, string Text, int Position)> _tokens;
    private int _index;

    private FormulaParser(string text)
    {
        _tokens = Tokenize(text);
    }

    public static FormulaNode Parse(string text)
    {
        var parser = new FormulaParser(text);
        var node = parser.ParseOr();
        if (parser.Peek.Kind != "end")
        {
            throw new FormulaException($"Syntax error. Extra '{parser.Peek.Text}' at position {parser.Peek.Position}");
        }

        return node;
    }

    private (string Kind, string Text, int Position) Peek => _tokens[_index];

    private (string Kind, string Text, int Position) Next() => _tokens[_index++];

    private bool Accept(string text)
    {
        if (Peek.Kind == "op" && Peek.Text == text)
        {
            _index++;
            return true;
        }

        return false;
    }

    private FormulaNode ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||"))
        {
            left = new FormulaBinary("||", left, ParseAnd());
        }

        return left;
    }

    private FormulaNode ParseAnd()
    {
        var left = ParseComparison();
        while (Accept("&&"))
        {
            left = new FormulaBinary("&&", left, ParseComparison());
        }

        return left;
    }

    private FormulaNode ParseComparison()
    {
        var left = ParseAdditive();
        foreach (var op in new[] { "==", "!=", "<>", "<=", ">=", "=", "<", ">" })
        {
            if (Accept(op))
            {
                return new FormulaBinary(op, left, ParseAdditive());
            }
        }

        return left;
    }

    private FormulaNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            var op = Peek.Kind == "op" && Peek.Text is "+" or "-" or "&" ? Next().Text : null;
            if (op is null)
            {
                return left;
            }

            left = new FormulaBinary(op, left, ParseMultiplicative());
        }
    }

    private FormulaNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            var op = Peek.Kind == "op" && Peek.Text is "*" or "/" ? Next().Text : null;
            if (op is null)
            {
                return left;
            }

            left = new FormulaBinary(op, left, ParseUnary());
        }
    }

    private FormulaNode ParseUnary()
    {
        if (Accept("-"))
        {
            return new FormulaUnary("-", ParseUnary());
        }

        return Accept("!") ? new FormulaUnary("!", ParseUnary()) : ParsePrimary();
    }

    private FormulaNode ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case "number":
                return new FormulaLiteral(decimal.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case "string":
                return new FormulaLiteral(token.Text);
            case "op" when token.Text == "(":
                var inner = ParseOr();
                Expect(")");
                return inner;
            case "ident":
                if (Accept("("))
                {
                    var args = new List<FormulaNode>();
                    if (!Accept(")"))
                    {
                        do
                        {
                            args.Add(ParseOr());
                        }
                        while (Accept(","));
                        Expect(")");
                    }

                    return new FormulaCall(token.Text, args);
                }

                return token.Text.ToUpperInvariant() switch
                {
                    "TRUE" => new FormulaLiteral(true),
                    "FALSE" => new FormulaLiteral(false),
                    "NULL" => new FormulaLiteral(null),
                    _ => new FormulaFieldReference(token.Text),
                };
            default:
                throw new FormulaException(token.Kind == "end"
                    ? "Syntax error. Missing ')'"
                    : $"Syntax error. Found '{token.Text}' at position {token.Position}");
        }
    }

    private void Expect(string text)
    {
        if (!Accept(text))
        {
            throw new FormulaException($"Syntax error. Missing '{text}' at position {Peek.Position}");
        }
    }

    private static List<(string Kind, string Text, int Position)> Tokenize(string text)
    {
        var tokens = new List<(string, string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(("number", text[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_' || c == '$')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '$'))
                {
                    i++;
                }

                tokens.Add(("ident", text[start..i], start));
            }
            else if (c is '\'' or '"')
            {
                var start = i;
                var sb = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != c)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    sb.Append(text[i]);
                    i++;
                }

                if (i >= text.Length)
                {
                    throw new FormulaException($"Syntax error. Unterminated string at position {start}");
                }

                i++;
                tokens.Add(("string", sb.ToString(), start));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "&&" or "||" or "==" or "!=" or "<>" or "<=" or ">=")
                {
                    tokens.Add(("op", two, i));
                    i += 2;
                }
                else if ("+-*/&=<>!(),".Contains(c, StringComparison.Ordinal))
                {
                    tokens.Add(("op", c.ToString(), i));
                    i++;
                }
                else
                {
                    throw new FormulaException($"Syntax error. Unexpected '{c}' at position {i}");
                }
            }
        }

        tokens.Add(("end", "", text.Length));
        return tokens;
    }
}
