using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Wire;

namespace Lightbridge.Emulators.Lightspeed.Auth;

/// <summary>
/// OAuth as the R-Series auth server does it (shared/reference/lightspeed-api.md section 1): the refresh grant
/// rotates, issuing a new refresh token and revoking the presented one, so reusing it gets <c>invalid_grant</c>;
/// access tokens expire after the configured lifetime on the injected clock. Strict variant: revocation is
/// immediate (the 2026.01.15 deferred revocation is not emulated), which is what a correct client must survive.
/// </summary>
internal sealed class TokenService(
    string accountId,
    string clientId,
    string clientSecret,
    string initialRefreshToken,
    TimeSpan accessTokenLifetime,
    TimeProvider time)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly HashSet<string> _refreshTokens = new(StringComparer.Ordinal) { initialRefreshToken };
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);

    public int Refreshes { get; private set; }

    public int TokenRequests { get; private set; }

    public string IssueCode(string requestedClientId, string? redirectUri)
    {
        var code = "code" + RandomPart(24);
        lock (_gate)
        {
            _codes[code] = new AuthorizationCode(requestedClientId, redirectUri, time.GetUtcNow() + CodeLifetime);
        }

        return code;
    }

    /// <summary>Handles a POST to /auth/oauth/token with its parameters (from a JSON or form body).</summary>
    public TokenResult Exchange(IReadOnlyDictionary<string, string> form)
    {
        lock (_gate)
        {
            TokenRequests++;
            var grant = form.GetValueOrDefault("grant_type");
            if (string.IsNullOrEmpty(grant))
            {
                return Error(400, "invalid_request", "The request is missing a required parameter.", "Check the `grant_type` parameter");
            }

            if (grant is not ("refresh_token" or "authorization_code"))
            {
                return Error(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.", "Check that all required parameters have been provided");
            }

            if (form.GetValueOrDefault("client_id") != clientId || form.GetValueOrDefault("client_secret") != clientSecret)
            {
                return Error(401, "invalid_client", "Client authentication failed", null);
            }

            if (grant == "refresh_token")
            {
                var presented = form.GetValueOrDefault("refresh_token");
                if (string.IsNullOrEmpty(presented))
                {
                    return Error(400, "invalid_request", "The request is missing a required parameter.", "Check the `refresh_token` parameter");
                }

                if (!_refreshTokens.Remove(presented))
                {
                    return Error(400, "invalid_grant", "The refresh token is invalid.", "Token has been revoked");
                }

                Refreshes++;
                return Issue();
            }

            var code = form.GetValueOrDefault("code");
            if (string.IsNullOrEmpty(code))
            {
                return Error(400, "invalid_request", "The request is missing a required parameter.", "Check the `code` parameter");
            }

            if (!_codes.Remove(code, out var issued) || issued.ExpiresAt <= time.GetUtcNow() || issued.ClientId != clientId)
            {
                return Error(400, "invalid_grant", "The provided authorization grant is invalid, expired or revoked.", "Authorization code has expired or was already used");
            }

            return Issue();
        }
    }

    /// <summary>True for a known, unexpired bearer token.</summary>
    public bool IsValid(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = authorizationHeader[7..].Trim();
        lock (_gate)
        {
            return _accessTokens.TryGetValue(token, out var expires) && time.GetUtcNow() < expires;
        }
    }

    /// <summary>Test and control hook: a valid access token without a refresh (does not rotate anything).</summary>
    /// <summary>
    /// A refresh token of its own chain, as a second authorization of the app would give (a second deployment on one
    /// account); the chains rotate independently.
    /// </summary>
    public string IssueRefreshTokenDirectly()
    {
        lock (_gate)
        {
            var refresh = "def50200" + RandomPart(96);
            _refreshTokens.Add(refresh);
            return refresh;
        }
    }

    public string IssueAccessTokenDirectly()
    {
        lock (_gate)
        {
            return NewAccessToken();
        }
    }

    private TokenResult Issue()
    {
        var access = NewAccessToken();
        var refresh = "def50200" + RandomPart(96);
        _refreshTokens.Add(refresh);
        return new TokenResult(200, WireJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", (long)accessTokenLifetime.TotalSeconds);
            w.WriteString("access_token", access);
            w.WriteString("refresh_token", refresh);
            w.WriteEndObject();
        }));
    }

    /// <summary>JWT-shaped like the real RS256 token (claims iss, aud, sub, acct, scope, iat, nbf, exp); the signature is random.</summary>
    private string NewAccessToken()
    {
        var now = time.GetUtcNow();
        var expires = now + accessTokenLifetime;
        var header = Base64Url("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"lightbridge-emulator\"}"u8.ToArray());
        var payload = Base64Url(WireJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("iss", "lightbridge-emulator");
            w.WriteString("aud", clientId);
            w.WriteString("sub", "1");
            w.WriteString("acct", accountId);
            w.WriteString("scope", "employee:register_read employee:customers_read employee:inventory_read");
            w.WriteString("jti", RandomPart(16));
            w.WriteNumber("iat", now.ToUnixTimeSeconds());
            w.WriteNumber("nbf", now.ToUnixTimeSeconds());
            w.WriteNumber("exp", expires.ToUnixTimeSeconds());
            w.WriteEndObject();
        }));
        var token = $"{header}.{payload}.{Base64Url(RandomNumberGenerator.GetBytes(64))}";
        _accessTokens[token] = expires;
        return token;
    }

    private static string RandomPart(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes / 2));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static TokenResult Error(int status, string error, string description, string? hint) => new(status, WireJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteString("error_description", description);
        if (hint is not null)
        {
            w.WriteString("hint", hint);
        }

        w.WriteString("message", description);
        w.WriteEndObject();
    }));

    internal static IReadOnlyDictionary<string, string> ParseJsonBody(string body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        if (doc.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                result[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }

        return result;
    }

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
