using System.Text;
using System.Text.Unicode;

namespace Lightbridge.Lightspeed.Http;

/// <summary>
/// A response body as valid UTF-8, read the way a string read would have read it: the byte order mark dropped, a
/// declared other charset decoded, and invalid sequences replaced by U+FFFD (so a stray byte in one customer's name
/// reads as a replacement character in that field, not as an unreadable page).
/// </summary>
internal static class WireBody
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static byte[] ToUtf8(byte[] body, string? charset)
    {
        if (charset is { Length: > 0 } && !IsUtf8(charset))
        {
            Encoding encoding;
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                encoding = Encoding.UTF8; // An unknown charset: read as UTF-8, as the string read did.
            }

            return Encoding.UTF8.GetBytes(encoding.GetString(body));
        }

        var span = body.AsSpan();
        if (span.StartsWith(ByteOrderMark))
        {
            return Utf8.IsValid(span[ByteOrderMark.Length..]) ? span[ByteOrderMark.Length..].ToArray() : Reencode(span[ByteOrderMark.Length..]);
        }

        return Utf8.IsValid(span) ? body : Reencode(span);
    }

    private static bool IsUtf8(string charset) =>
        charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static byte[] Reencode(ReadOnlySpan<byte> invalid) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(invalid));
}
