namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>Orders typed field values; null first, text case-insensitively as the real (MySQL-backed) API does.</summary>
internal static class FieldComparer
{
    public static int Compare(object? a, object? b)
    {
        if (a is null)
        {
            return b is null ? 0 : -1;
        }

        if (b is null)
        {
            return 1;
        }

        return (a, b) switch
        {
            (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            (long x, long y) => x.CompareTo(y),
            (decimal x, decimal y) => x.CompareTo(y),
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            (bool x, bool y) => x.CompareTo(y),
            _ => string.Compare(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(b, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
        };
    }
}
