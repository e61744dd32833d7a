using System.Text.RegularExpressions;

namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>Compiles parsed conditions into a predicate over records, validating fields and operands.</summary>
internal static class RecordFilter
{
    public static bool TryCompile<T>(
        FilterCondition condition,
        IReadOnlyDictionary<string, FieldDefinition<T>> fields,
        string entity,
        out Func<T, bool>? predicate,
        out string? error)
    {
        predicate = null;
        error = null;
        if (!fields.TryGetValue(condition.Field, out var field))
        {
            error = $"Invalid field '{condition.Field}' for {entity}.";
            return false;
        }

        if (condition.Operator is FilterOperator.Like or FilterOperator.NotLike)
        {
            var regex = LikePattern.ToRegex(condition.Operands[0]);
            var negate = condition.Operator == FilterOperator.NotLike;
            predicate = r => Matches(regex, field.Get(r)) != negate;
            return true;
        }

        var operands = new List<object?>();
        foreach (var text in condition.Operands)
        {
            if (!FieldValueParser.TryParse(field.Kind, text, out var value))
            {
                error = $"Invalid value '{text}' for {field.Kind} field '{field.Name}'.";
                return false;
            }

            operands.Add(value);
        }

        var first = operands[0];
        predicate = condition.Operator switch
        {
            FilterOperator.Equal => r => FieldComparer.Compare(field.Get(r), first) == 0,
            FilterOperator.NotEqual => r => FieldComparer.Compare(field.Get(r), first) != 0,
            FilterOperator.GreaterThan => r => field.Get(r) is { } v && FieldComparer.Compare(v, first) > 0,
            FilterOperator.GreaterOrEqual => r => field.Get(r) is { } v && FieldComparer.Compare(v, first) >= 0,
            FilterOperator.LessThan => r => field.Get(r) is { } v && FieldComparer.Compare(v, first) < 0,
            FilterOperator.LessOrEqual => r => field.Get(r) is { } v && FieldComparer.Compare(v, first) <= 0,
            // Between is inclusive at both ends (reference section 4: itemID=><,1,10).
            FilterOperator.Between => r => field.Get(r) is { } v && FieldComparer.Compare(v, first) >= 0 && FieldComparer.Compare(v, operands[1]) <= 0,
            FilterOperator.In => r => operands.Exists(o => FieldComparer.Compare(field.Get(r), o) == 0),
            _ => throw new InvalidOperationException($"Unhandled operator {condition.Operator}"),
        };
        return true;
    }

    private static bool Matches(Regex regex, object? value) => value switch
    {
        null => false,
        string s => regex.IsMatch(s),
        _ => regex.IsMatch(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };
}
