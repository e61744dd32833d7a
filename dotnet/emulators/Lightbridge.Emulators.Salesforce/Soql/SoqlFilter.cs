using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lightbridge.Emulators.Salesforce.Ids;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;

namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>
/// Compiles a WHERE clause into a predicate, checking each literal against its field's type first (the org rejects
/// <c>Total__c = '5'</c> with INVALID_FIELD). Text compares case-insensitively; dates and date literals compare as
/// ranges so <c>CreatedDate = TODAY</c> means "during today" (UTC here; a real org uses the user's time zone).
/// </summary>
internal sealed class SoqlFilter
{
    private readonly OrgSchema _schema;
    private readonly ObjectDefinition _root;
    private readonly string _soql;
    private readonly Func<string, SObjectRecord?> _lookup;
    private readonly DateOnly _today;

    public SoqlFilter(OrgSchema schema, ObjectDefinition root, string soql, Func<string, SObjectRecord?> lookup, DateOnly today)
    {
        _schema = schema;
        _root = root;
        _soql = soql;
        _lookup = lookup;
        _today = today;
    }

    public Func<SObjectRecord, bool> Compile(SoqlCondition condition) => condition switch
    {
        SoqlLogical { IsAnd: true } and => CompileAll(and.Operands),
        SoqlLogical or => CompileAny(or.Operands),
        SoqlNot not => Negate(Compile(not.Operand)),
        SoqlComparison comparison => CompileComparison(comparison),
        _ => throw new InvalidOperationException("Unknown condition"),
    };

    /// <summary>Reads a bound path from a record, following lookups; null when a parent is missing.</summary>
    public static object? Read(SObjectRecord record, SoqlBoundPath path, Func<string, SObjectRecord?> lookup)
    {
        var current = record;
        foreach (var hop in path.Hops)
        {
            if (current.Get(hop.Name) is not string parentId || lookup(parentId) is not { } parent)
            {
                return null;
            }

            current = parent;
        }

        return current.Get(path.Field.Name);
    }

    private Func<SObjectRecord, bool> CompileAll(IReadOnlyList<SoqlCondition> operands)
    {
        var compiled = operands.Select(Compile).ToArray();
        return r => compiled.All(p => p(r));
    }

    private Func<SObjectRecord, bool> CompileAny(IReadOnlyList<SoqlCondition> operands)
    {
        var compiled = operands.Select(Compile).ToArray();
        return r => compiled.Any(p => p(r));
    }

    private static Func<SObjectRecord, bool> Negate(Func<SObjectRecord, bool> inner) => r => !inner(r);

    private Func<SObjectRecord, bool> CompileComparison(SoqlComparison comparison)
    {
        var path = SoqlBinder.Bind(_schema, _root, comparison.Field, _soql);
        var field = path.Field;
        var operands = comparison.Values.Select(v => Convert(field, v, comparison.Operator)).ToArray();
        object? Value(SObjectRecord r) => Read(r, path, _lookup);
        switch (comparison.Operator)
        {
            case "LIKE":
                var regex = LikeRegex((string)operands[0]!);
                return r => Value(r) is string s && regex.IsMatch(s);
            case "IN":
                return r => operands.Any(o => Equal(Value(r), o));
            case "NOTIN":
                return r => !operands.Any(o => Equal(Value(r), o));
            case "=":
                return r => Equal(Value(r), operands[0]);
            case "!=":
                return r => !Equal(Value(r), operands[0]);
            default:
                var op = comparison.Operator;
                var operand = operands[0];
                return r => Ordered(Value(r), operand, op);
        }
    }

    private static bool Equal(object? value, object? operand)
    {
        if (operand is null || value is null)
        {
            return operand is null && value is null;
        }

        return operand switch
        {
            string s => value is string v && string.Equals(v, s, StringComparison.OrdinalIgnoreCase),
            DateRange range => ToMoment(value) is { } m && m >= range.Start && m < range.End,
            _ => Equals(value, operand),
        };
    }

    private static bool Ordered(object? value, object? operand, string op)
    {
        if (value is null || operand is null)
        {
            return false;
        }

        if (operand is DateRange range)
        {
            if (ToMoment(value) is not { } m)
            {
                return false;
            }

            return op switch
            {
                "<" => m < range.Start,
                "<=" => m < range.End,
                ">" => m >= range.End,
                _ => m >= range.Start,
            };
        }

        var order = (value, operand) switch
        {
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            (decimal a, decimal b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            _ => 0,
        };
        return op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    }

    private static DateTimeOffset? ToMoment(object value) => value switch
    {
        DateTimeOffset d => d,
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        _ => null,
    };

    private object? Convert(FieldDefinition field, SoqlValue literal, string op)
    {
        if (literal.Kind == SoqlValueKind.Null)
        {
            return null;
        }

        var type = field.Type;
        if (op == "LIKE" && !type.IsText() && !type.IsReference())
        {
            throw SoqlException.At("INVALID_FIELD", _soql, literal.Position, $"invalid operator on {type.SoapName()} field: {field.Name}");
        }

        if (type.IsText() || type.IsReference())
        {
            if (literal.Kind != SoqlValueKind.String)
            {
                throw TypeMismatch(field, literal, "should be enclosed in quotes");
            }

            if (op == "LIKE")
            {
                return literal.Text;
            }

            var text = literal.Text.Replace("\\%", "%", StringComparison.Ordinal).Replace("\\_", "_", StringComparison.Ordinal);
            return type.IsReference() && SalesforceId.TryNormalize(text, out var id) ? id : text;
        }

        if (type.IsNumeric() || type == FieldType.Summary)
        {
            return literal.Kind == SoqlValueKind.Number && decimal.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw TypeMismatch(field, literal, "should not be enclosed in quotes");
        }

        if (type == FieldType.Checkbox)
        {
            return literal.Kind == SoqlValueKind.Boolean ? literal.Text == "true" : throw TypeMismatch(field, literal, "should not be enclosed in quotes");
        }

        return DateOperand(field, literal);
    }

    private DateRange DateOperand(FieldDefinition field, SoqlValue literal)
    {
        switch (literal.Kind)
        {
            case SoqlValueKind.Date when field.Type == FieldType.Date:
                var date = DateOnly.ParseExact(literal.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return DayRange(date, date);
            case SoqlValueKind.DateTime when field.Type == FieldType.DateTime:
                var text = literal.Text;
                if (text.Length > 5 && text[^5] is '+' or '-' && text[^3] != ':')
                {
                    text = text[..^2] + ":" + text[^2..];
                }

                var moment = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                return new DateRange(moment, moment.AddTicks(1));
            case SoqlValueKind.DateLiteral:
                return literal.Text switch
                {
                    "TODAY" => DayRange(_today, _today),
                    "YESTERDAY" => DayRange(_today.AddDays(-1), _today.AddDays(-1)),
                    "TOMORROW" => DayRange(_today.AddDays(1), _today.AddDays(1)),
                    "LAST_N_DAYS" => DayRange(_today.AddDays(-literal.N), _today),
                    "NEXT_N_DAYS" => DayRange(_today.AddDays(1), _today.AddDays(literal.N)),
                    _ => DayRange(_today.AddDays(-literal.N), _today.AddDays(-literal.N)),
                };
            default:
                throw TypeMismatch(field, literal, "should not be enclosed in quotes");
        }
    }

    private static DateRange DayRange(DateOnly first, DateOnly last) =>
        new(new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    private SoqlException TypeMismatch(FieldDefinition field, SoqlValue literal, string quoting) =>
        SoqlException.At("INVALID_FIELD", _soql, literal.Position,
            $"value of filter criterion for field '{field.Name}' must be of type {field.Type.SoapName()} and {quoting}");

    private static Regex LikeRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                sb.Append(c switch { '%' => ".*", '_' => ".", _ => Regex.Escape(c.ToString()) });
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private sealed record DateRange(DateTimeOffset Start, DateTimeOffset End);
}
