namespace Lightbridge.Core.Normalization;

/// <summary>
/// Rounds amounts the way Salesforce stores them, so what we compare and sum is what the org holds. Lightspeed line
/// values arrive unrounded (<c>calcTotal "75.032"</c>; shared/reference/lightspeed-api.md §9.5), and a Currency(16,2)
/// field keeps two decimals, rounding half away from zero.
/// </summary>
public static class MoneyRounding
{
    /// <summary>The scale of the package's Currency fields (Currency 16,2).</summary>
    public const int CurrencyScale = 2;

    /// <summary>The scale of the package's quantity fields (Number 16,4).</summary>
    public const int QuantityScale = 4;

    /// <summary>The precision (total digits) of the package's Currency and quantity fields.</summary>
    public const int Precision = 16;

    // Validation checks every amount of every record: a table, not sixteen decimal multiplications per check.
    private static readonly decimal[] PowersOfTen = [.. Enumerable.Range(0, 29).Select(TenToThe)];

    /// <summary>Rounds to <paramref name="scale"/> decimals, half away from zero (2.345 → 2.35, −2.345 → −2.35).</summary>
    public static decimal Round(decimal amount, int scale) => decimal.Round(amount, scale, MidpointRounding.AwayFromZero);

    /// <summary>Rounds an amount for a Currency(16,2) field.</summary>
    public static decimal ToCurrency(decimal amount) => Round(amount, CurrencyScale);

    /// <summary>Rounds a quantity for a Number(16,4) field.</summary>
    public static decimal ToQuantity(decimal quantity) => Round(quantity, QuantityScale);

    /// <summary>Whether <paramref name="value"/>, rounded to <paramref name="scale"/>, fits a field of that precision and scale.</summary>
    public static bool Fits(decimal value, int precision, int scale)
    {
        var integerDigits = precision - scale;
        var limit = integerDigits <= 0 ? 1m : integerDigits < PowersOfTen.Length ? PowersOfTen[integerDigits] : TenToThe(integerDigits);
        return Math.Abs(Round(value, scale)) < limit;
    }

    private static decimal TenToThe(int exponent)
    {
        var power = 1m;
        for (var i = 0; i < exponent; i++)
        {
            power *= 10;
        }

        return power;
    }
}
