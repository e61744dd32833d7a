using System.Globalization;

namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>
/// Hand-written recursive-descent parser for the SOQL subset the product uses:
/// <code>
/// query     := SELECT item (',' item)* FROM ident [WHERE or] [GROUP BY path (',' path)*]
///              [ORDER BY order (',' order)*] [LIMIT int] [OFFSET int]
/// item      := COUNT '(' ')' | func '(' path ')' [alias] | path
/// or        := and (OR and)*        and := not (AND not)*     (mixing AND and OR needs parentheses, as in SOQL)
/// not       := NOT not | '(' or ')' | path op value | path [NOT] IN '(' value (',' value)* ')' | path LIKE string
/// </code>
/// Errors carry the org's wording and position. Just over 300 lines: one production per method, and the grammar reads
/// best as one file.
/// </summary>
internal sealed class SoqlParser
{
    private static readonly HashSet<string> Functions = new(StringComparer.OrdinalIgnoreCase) { "COUNT", "COUNT_DISTINCT", "SUM", "MIN", "MAX", "AVG" };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "GROUP", "ORDER", "BY", "LIMIT", "OFFSET", "AND", "OR", "NOT", "IN", "LIKE", "ASC", "DESC", "NULLS", "FIRST", "LAST", "HAVING",
    };

    private static readonly HashSet<string> DateLiterals = new(StringComparer.OrdinalIgnoreCase) { "TODAY", "YESTERDAY", "TOMORROW" };

    private static readonly HashSet<string> DateLiteralsWithN = new(StringComparer.OrdinalIgnoreCase) { "LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO" };

    private readonly string _soql;
    private readonly List<SoqlToken> _tokens;
    private int _index;

    private SoqlParser(string soql)
    {
        _soql = soql;
        _tokens = SoqlLexer.Tokenize(soql);
    }

    public static SoqlQuery Parse(string soql)
    {
        var parser = new SoqlParser(soql);
        return parser.ParseQuery();
    }

    private SoqlToken Peek => _tokens[_index];

    private SoqlToken Next() => _tokens[_index++];

    private SoqlException Unexpected(SoqlToken token) => SoqlException.At("MALFORMED_QUERY", _soql, token.Position, $"unexpected token: {token.Describe()}");

    private bool AcceptKeyword(string keyword)
    {
        if (Peek.IsKeyword(keyword))
        {
            _index++;
            return true;
        }

        return false;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!AcceptKeyword(keyword))
        {
            throw Unexpected(Peek);
        }
    }

    private SoqlToken Expect(SoqlTokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            throw Unexpected(Peek);
        }

        return Next();
    }

    private SoqlQuery ParseQuery()
    {
        ExpectKeyword("SELECT");
        var select = new List<SoqlSelectItem> { ParseSelectItem() };
        while (Peek.Kind == SoqlTokenKind.Comma)
        {
            _index++;
            select.Add(ParseSelectItem());
        }

        ExpectKeyword("FROM");
        var from = Expect(SoqlTokenKind.Identifier);
        if (Reserved.Contains(from.Text))
        {
            throw Unexpected(from);
        }

        var where = AcceptKeyword("WHERE") ? ParseOr() : null;
        var groupBy = new List<SoqlFieldPath>();
        if (AcceptKeyword("GROUP"))
        {
            ExpectKeyword("BY");
            do
            {
                groupBy.Add(ParsePath());
            }
            while (AcceptComma());
        }

        var orderBy = new List<SoqlOrderItem>();
        if (AcceptKeyword("ORDER"))
        {
            ExpectKeyword("BY");
            do
            {
                orderBy.Add(ParseOrderItem());
            }
            while (AcceptComma());
        }

        int? limit = AcceptKeyword("LIMIT") ? ParseInteger() : null;
        int? offset = AcceptKeyword("OFFSET") ? ParseInteger() : null;
        if (Peek.Kind != SoqlTokenKind.End)
        {
            throw Unexpected(Peek);
        }

        if (select.Any(s => s.IsCountStar) && select.Count > 1)
        {
            var countItem = select.First(s => s.IsCountStar);
            throw SoqlException.At("MALFORMED_QUERY", _soql, countItem.Position, "COUNT() may only be used by itself in the select list");
        }

        return new SoqlQuery(_soql, select, from.Text, from.Position, where, groupBy, orderBy, limit, offset);
    }

    private bool AcceptComma()
    {
        if (Peek.Kind == SoqlTokenKind.Comma)
        {
            _index++;
            return true;
        }

        return false;
    }

    private int ParseInteger()
    {
        var token = Expect(SoqlTokenKind.Number);
        return int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Unexpected(token);
    }

    private SoqlSelectItem ParseSelectItem()
    {
        var token = Peek;
        if (token.Kind == SoqlTokenKind.Identifier && Functions.Contains(token.Text) && _tokens[_index + 1].Kind == SoqlTokenKind.LeftParen)
        {
            _index += 2;
            SoqlFieldPath? field = null;
            if (Peek.Kind != SoqlTokenKind.RightParen)
            {
                field = ParsePath();
            }
            else if (!token.IsKeyword("COUNT"))
            {
                throw Unexpected(Peek);
            }

            Expect(SoqlTokenKind.RightParen);
            string? alias = null;
            if (Peek.Kind == SoqlTokenKind.Identifier && !Reserved.Contains(Peek.Text))
            {
                alias = Next().Text;
            }

            return new SoqlSelectItem(field, token.Text.ToUpperInvariant(), alias, token.Position);
        }

        var path = ParsePath();
        return new SoqlSelectItem(path, null, null, path.Position);
    }

    private SoqlOrderItem ParseOrderItem()
    {
        var key = ParseSelectItem();
        var descending = AcceptKeyword("DESC");
        if (!descending)
        {
            AcceptKeyword("ASC");
        }

        var nullsLast = descending;
        if (AcceptKeyword("NULLS"))
        {
            if (AcceptKeyword("LAST"))
            {
                nullsLast = true;
            }
            else
            {
                ExpectKeyword("FIRST");
                nullsLast = false;
            }
        }

        return new SoqlOrderItem(key, descending, nullsLast);
    }

    private SoqlFieldPath ParsePath()
    {
        var first = Expect(SoqlTokenKind.Identifier);
        if (Reserved.Contains(first.Text))
        {
            throw Unexpected(first);
        }

        var segments = new List<string> { first.Text };
        while (Peek.Kind == SoqlTokenKind.Dot)
        {
            _index++;
            segments.Add(Expect(SoqlTokenKind.Identifier).Text);
        }

        return new SoqlFieldPath(segments, first.Position);
    }

    private SoqlCondition ParseOr()
    {
        // SOQL has no precedence between AND and OR: a mix without parentheses is a syntax error.
        var first = ParseNot();
        var operands = new List<SoqlCondition> { first };
        string? op = null;
        while (Peek.IsKeyword("AND") || Peek.IsKeyword("OR"))
        {
            var token = Next();
            if (op is not null && !token.IsKeyword(op))
            {
                throw Unexpected(token);
            }

            op = token.Text.ToUpperInvariant();
            operands.Add(ParseNot());
        }

        return op is null ? first : new SoqlLogical(op == "AND", operands);
    }

    private SoqlCondition ParseNot()
    {
        if (AcceptKeyword("NOT"))
        {
            return new SoqlNot(ParseNot());
        }

        if (Peek.Kind == SoqlTokenKind.LeftParen)
        {
            _index++;
            var inner = ParseOr();
            Expect(SoqlTokenKind.RightParen);
            return inner;
        }

        return ParseComparison();
    }

    private SoqlComparison ParseComparison()
    {
        var field = ParsePath();
        var token = Peek;
        if (token.Kind == SoqlTokenKind.Operator)
        {
            _index++;
            return new SoqlComparison(field, token.Text == "<>" ? "!=" : token.Text, [ParseValue()]);
        }

        if (token.IsKeyword("LIKE"))
        {
            _index++;
            var pattern = ParseValue();
            if (pattern.Kind != SoqlValueKind.String)
            {
                throw SoqlException.At("MALFORMED_QUERY", _soql, pattern.Position, $"unexpected token: {pattern.Text}");
            }

            return new SoqlComparison(field, "LIKE", [pattern]);
        }

        var negated = AcceptKeyword("NOT");
        if (AcceptKeyword("IN"))
        {
            Expect(SoqlTokenKind.LeftParen);
            var values = new List<SoqlValue> { ParseValue() };
            while (AcceptComma())
            {
                values.Add(ParseValue());
            }

            Expect(SoqlTokenKind.RightParen);
            return new SoqlComparison(field, negated ? "NOTIN" : "IN", values);
        }

        throw Unexpected(Peek);
    }

    private SoqlValue ParseValue()
    {
        var token = Next();
        switch (token.Kind)
        {
            case SoqlTokenKind.String:
                return new SoqlValue(SoqlValueKind.String, token.Text, token.Position);
            case SoqlTokenKind.Number:
                return new SoqlValue(SoqlValueKind.Number, token.Text, token.Position);
            case SoqlTokenKind.Date:
                return new SoqlValue(SoqlValueKind.Date, token.Text, token.Position);
            case SoqlTokenKind.DateTime:
                return new SoqlValue(SoqlValueKind.DateTime, token.Text, token.Position);
            case SoqlTokenKind.Identifier when token.IsKeyword("null"):
                return new SoqlValue(SoqlValueKind.Null, "null", token.Position);
            case SoqlTokenKind.Identifier when token.IsKeyword("true") || token.IsKeyword("false"):
                return new SoqlValue(SoqlValueKind.Boolean, token.Text.ToLowerInvariant(), token.Position);
            case SoqlTokenKind.Identifier when DateLiterals.Contains(token.Text):
                return new SoqlValue(SoqlValueKind.DateLiteral, token.Text.ToUpperInvariant(), token.Position);
            case SoqlTokenKind.Identifier when DateLiteralsWithN.Contains(token.Text):
                Expect(SoqlTokenKind.Colon);
                return new SoqlValue(SoqlValueKind.DateLiteral, token.Text.ToUpperInvariant(), token.Position, ParseInteger());
            default:
                throw Unexpected(token);
        }
    }
}
