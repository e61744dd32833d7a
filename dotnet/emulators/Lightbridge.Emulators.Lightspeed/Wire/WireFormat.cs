using System.Globalization;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>
/// Every value on the R-Series wire is a string (shared/reference/lightspeed-api.md section 9 item 3): these
/// turn typed values into exactly the strings the real API sends.
/// </summary>
internal static class WireFormat
{
    /// <summary><c>2021-06-06T15:19:18+00:00</c>: always UTC, second resolution, explicit offset.</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";

    /// <summary>Stored money at cents: <c>12.50</c>.</summary>
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Unrounded computed amounts, as line <c>calc*</c> fields show them: <c>75.032</c>, <c>11.4860025</c>.</summary>
    public static string Exact(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
