using System.Globalization;

namespace Lightbridge.Salesforce.Records;

/// <summary>
/// The text forms Salesforce takes as input: dates <c>yyyy-MM-dd</c> (no offset), date-times in UTC with
/// milliseconds and <c>Z</c> (shared/reference/salesforce-api.md §2.2, §1.6, S30).
/// </summary>
internal static class SalesforceFormats
{
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A <see cref="System.DateTime"/> is taken only when its kind says what instant it is: UTC as is, local
    /// converted. An unspecified kind is refused rather than guessed (STYLE G20: instants are UTC).
    /// </summary>
    public static DateTimeOffset Instant(System.DateTime value, string field) => value.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(value, TimeSpan.Zero),
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => throw new ArgumentException(
            $"Field {field} holds a DateTime of unspecified kind; pass a DateTimeOffset or a UTC DateTime.", nameof(value)),
    };
}
