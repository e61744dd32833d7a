using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lightbridge.Salesforce.Auth;

/// <summary>
/// Builds the JWT of the bearer flow: header <c>{"alg":"RS256"}</c> (the only algorithm Salesforce takes), claims
/// <c>iss</c> = consumer key, <c>sub</c> = username, <c>aud</c> = the login URL as one string (an array or a bare
/// host gives "audience is invalid"), <c>exp</c> in epoch seconds; base64url, signed RS256 with PKCS#1 v1.5
/// padding (shared/reference/salesforce-api.md §2.1, S31).
/// </summary>
internal static class JwtBearerAssertion
{
    /// <summary>
    /// How far ahead <c>exp</c> is set. Salesforce allows about three minutes of skew; two keeps us inside that
    /// window even if our clock runs a little ahead of the server's.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private static readonly byte[] EncodedHeader = Base64Url.EncodeToUtf8("""{"alg":"RS256"}"""u8);

    /// <summary>Builds and signs an assertion.</summary>
    /// <param name="clientId">The connected app's consumer key.</param>
    /// <param name="username">The user the token is for.</param>
    /// <param name="audience">The login URL, e.g. <c>https://login.salesforce.com</c>.</param>
    /// <param name="expiresAt">The <c>exp</c> instant.</param>
    /// <param name="key">The RSA private key matching the certificate uploaded to the connected app.</param>
    public static string Create(string clientId, string username, string audience, DateTimeOffset expiresAt, RSA key)
    {
        using var claims = new MemoryStream();
        using (var writer = new Utf8JsonWriter(claims))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", clientId);
            writer.WriteString("sub", username);
            writer.WriteString("aud", audience);
            writer.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        var signingInput = new StringBuilder()
            .Append(Encoding.ASCII.GetString(EncodedHeader))
            .Append('.')
            .Append(Base64Url.EncodeToString(claims.ToArray()))
            .ToString();
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Loads an unencrypted RSA private key from PEM text (PKCS#8 <c>PRIVATE KEY</c> or PKCS#1 <c>RSA PRIVATE KEY</c>).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="source">Where the PEM came from, for the message (a path or "PrivateKeyPem"; never its content).</param>
    /// <exception cref="ArgumentException">The text holds no usable RSA private key.</exception>
    public static RSA LoadPrivateKey(string pem, string source)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException(
                $"{source} holds no unencrypted RSA private key in PEM form (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY).", ex);
        }
    }
}
