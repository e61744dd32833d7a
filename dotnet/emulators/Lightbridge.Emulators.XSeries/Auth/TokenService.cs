using System.Security.Cryptography;
using System.Text.Json;

namespace Lightbridge.Emulators.XSeries.Auth;

/// <summary>
/// X-Series OAuth at <c>/api/1.0/token</c> (reference section 7): code and refresh grants, refresh tokens that
/// rotate (the presented one is revoked the moment a new one is issued), access tokens that expire on the injected
/// clock. Unknown or expired bearer tokens are refused.
/// </summary>
internal sealed class TokenService(
    string domainPrefix,
    string clientId,
    string clientSecret,
    string initialRefreshToken,
    TimeSpan accessTokenLifetime,
    TimeProvider time)
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly HashSet<string> _refreshTokens = new(StringComparer.Ordinal) { initialRefreshToken };
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _codes = new(StringComparer.Ordinal);

    public long Refreshes { get; private set; }

    public long TokenRequests { get; private set; }

    public (int Status, byte[] Body) Exchange(IReadOnlyDictionary<string, string> form)
    {
        lock (_gate)
        {
            TokenRequests++;
            var grant = form.GetValueOrDefault("grant_type");
            if (grant is not ("refresh_token" or "authorization_code"))
            {
                return Error(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
            }

            if (form.GetValueOrDefault("client_id") != clientId || form.GetValueOrDefault("client_secret") != clientSecret)
            {
                return Error(401, "invalid_client", "Client authentication failed");
            }

            if (grant == "refresh_token")
            {
                var presented = form.GetValueOrDefault("refresh_token");
                if (string.IsNullOrEmpty(presented))
                {
                    return Error(400, "invalid_request", "refresh_token is required");
                }

                if (!_refreshTokens.Remove(presented))
                {
                    return Error(400, "invalid_grant", "The refresh token is invalid, expired or already used");
                }

                Refreshes++;
                return Issue();
            }

            var code = form.GetValueOrDefault("code");
            if (string.IsNullOrEmpty(code) || !_codes.Remove(code, out var expires) || expires <= time.GetUtcNow())
            {
                return Error(400, "invalid_grant", "The authorization code is invalid, expired or already used");
            }

            return Issue();
        }
    }

    public bool IsValid(string authorizationHeader)
    {
        const string prefix = "Bearer ";
        if (!authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = authorizationHeader[prefix.Length..].Trim();
        lock (_gate)
        {
            return _accessTokens.TryGetValue(token, out var expires) && expires > time.GetUtcNow();
        }
    }

    public string IssueAccessTokenDirectly()
    {
        lock (_gate)
        {
            var token = NewToken("acc");
            _accessTokens[token] = time.GetUtcNow() + accessTokenLifetime;
            return token;
        }
    }

    public string IssueRefreshTokenDirectly()
    {
        lock (_gate)
        {
            var token = NewToken("ref");
            _refreshTokens.Add(token);
            return token;
        }
    }

    public string IssueCode()
    {
        lock (_gate)
        {
            var code = NewToken("code");
            _codes[code] = time.GetUtcNow() + CodeLifetime;
            return code;
        }
    }

    private (int, byte[]) Issue()
    {
        var access = NewToken("acc");
        var refresh = NewToken("ref");
        var now = time.GetUtcNow();
        var expires = now + accessTokenLifetime;
        _accessTokens[access] = expires;
        _refreshTokens.Add(refresh);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["token_type"] = "Bearer",
            ["expires"] = expires.ToUnixTimeSeconds(),
            ["expires_in"] = (long)accessTokenLifetime.TotalSeconds,
            ["refresh_token"] = refresh,
            ["domain_prefix"] = domainPrefix,
            ["scope"] = "customers:read products:read sales:read inventory:read outlets:read registers:read payment_types:read webhooks",
        });
        return (200, body);
    }

    private static (int, byte[]) Error(int status, string error, string description) =>
        (status, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }));

    private static string NewToken(string kind) => $"lsxs_{kind}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20))}";
}
