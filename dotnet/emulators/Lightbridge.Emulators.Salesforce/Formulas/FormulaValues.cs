using System.Globalization;

namespace Lightbridge.Emulators.Salesforce.Formulas;

/// <summary>Comparison and truth rules shared by formula operators and functions.</summary>
internal static class FormulaValues
{
    /// <summary>Blank as ISBLANK sees it: null or the empty string.</summary>
    public static bool IsBlank(object? value) => value is null || (value is string s && s.Length == 0);

    public static bool Truthy(object? value) => value switch
    {
        bool b => b,
        null => false,
        _ => throw new FormulaException($"Expected Boolean, received {Describe(value)}"),
    };

    /// <summary>Compares two values; null when either side is blank (so every comparison with a blank is false).</summary>
    public static int? Compare(object? left, object? right)
    {
        if (IsBlank(left) || IsBlank(right))
        {
            return null;
        }

        return (left, right) switch
        {
            (decimal a, decimal b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            (bool a, bool b) => a.CompareTo(b),
            (DateOnly a, DateOnly b) => a.CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (string a, decimal b) when decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n.CompareTo(b),
            (decimal a, string b) when decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => a.CompareTo(n),
            _ => throw new FormulaException($"Incorrect parameter type for comparison: {Describe(left)} and {Describe(right)}"),
        };
    }

    public static bool AreEqual(object? left, object? right)
    {
        if (IsBlank(left) && IsBlank(right))
        {
            return true;
        }

        return Compare(left, right) == 0;
    }

    public static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Describe(object? value) => value switch
    {
        null => "Null",
        decimal => "Number",
        string => "Text",
        bool => "Boolean",
        DateOnly => "Date",
        DateTimeOffset => "DateTime",
        _ => value.GetType().Name,
    };
}
