using System.Security.Cryptography;
using System.Text;

namespace Lightbridge.Cli.Webhooks;

/// <summary>
/// The signature X-Series puts on a webhook delivery: header <c>X-Signature</c> of the form
/// <c>signature=HEX,algorithm=HMAC-SHA256</c>, an HMAC-SHA256 of the raw request body keyed with the app's client
/// secret. Compared in constant time.
/// </summary>
internal static class WebhookSignature
{
    /// <summary>The header the signature travels in.</summary>
    public const string Header = "X-Signature";

    /// <summary>The header value for <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return $"signature={Convert.ToHexStringLower(mac)},algorithm=HMAC-SHA256";
    }

    /// <summary>Whether <paramref name="header"/> is a valid signature of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static bool Verify(string? header, ReadOnlySpan<byte> body, string secret)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        string? signature = null;
        string? algorithm = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (name.Equals("signature", StringComparison.OrdinalIgnoreCase))
            {
                signature = value;
            }
            else if (name.Equals("algorithm", StringComparison.OrdinalIgnoreCase))
            {
                algorithm = value;
            }
        }

        if (signature is null || (algorithm is not null && !algorithm.Equals("HMAC-SHA256", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
