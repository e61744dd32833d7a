using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Lightbridge.Emulators.Salesforce.Auth;

/// <summary>
/// Checks a JWT bearer assertion as the token endpoint does (reference section 2.1): RS256 only, signed by the
/// configured certificate, <c>iss</c> the client id, <c>aud</c> a single string naming the login URL, <c>sub</c> a
/// known username, <c>exp</c> not past (3 minutes of skew) and not absurdly far ahead.
/// </summary>
internal sealed class JwtBearerValidator
{
    /// <summary>Allowed clock skew on exp, as the platform allows.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(3);

    /// <summary>How far ahead exp may lie. The platform's limit is undocumented; an hour covers every client seen.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    private static readonly string[] WellKnownAudiences = ["https://login.salesforce.com", "https://test.salesforce.com"];

    private readonly SigningCertificate _certificate;
    private readonly string _clientId;
    private readonly string _loginUrl;
    private readonly Func<string, bool> _isKnownUser;
    private readonly TimeProvider _time;

    public JwtBearerValidator(SigningCertificate certificate, string clientId, string loginUrl, Func<string, bool> isKnownUser, TimeProvider time)
    {
        _certificate = certificate;
        _clientId = clientId;
        _loginUrl = loginUrl.TrimEnd('/');
        _isKnownUser = isKnownUser;
        _time = time;
    }

    /// <summary>Returns the username the assertion is for, or the error to answer.</summary>
    public (string? Username, OAuthError? Error) Validate(string? assertion)
    {
        var parts = assertion?.Split('.') ?? [];
        if (parts.Length != 3)
        {
            return (null, OAuthError.InvalidAssertion);
        }

        JsonElement header;
        JsonElement claims;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
            claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement;
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return (null, OAuthError.InvalidAssertion);
        }

        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "RS256"
            || !_certificate.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature))
        {
            return (null, OAuthError.InvalidAssertion);
        }

        if (Text(claims, "iss") != _clientId)
        {
            return (null, OAuthError.UnknownClient);
        }

        // aud must be one string; an array or a bare host name is "audience is invalid" (reference section 2.1).
        var audience = Text(claims, "aud")?.TrimEnd('/');
        if (audience is null || !(audience == _loginUrl || WellKnownAudiences.Contains(audience, StringComparer.Ordinal)))
        {
            return (null, OAuthError.BadAudience);
        }

        var now = _time.GetUtcNow();
        if (!claims.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds))
        {
            return (null, OAuthError.InvalidAssertion);
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expSeconds);
        if (expires + ClockSkew < now || expires > now + MaxLifetime)
        {
            return (null, OAuthError.InvalidAssertion);
        }

        var subject = Text(claims, "sub");
        return subject is null || !_isKnownUser(subject) ? (null, OAuthError.NotApproved) : (subject, null);
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
