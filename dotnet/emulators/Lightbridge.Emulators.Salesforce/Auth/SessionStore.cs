using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Lightbridge.Emulators.Salesforce.Auth;

/// <summary>
/// Access and refresh tokens. Access tokens lapse after the session lifetime (2 h by default, reference section 2.1) or
/// when revoked; refresh tokens live until revoked.
/// </summary>
internal sealed class SessionStore
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly string _orgId;

    public SessionStore(TimeProvider time, TimeSpan lifetime, string orgId)
    {
        _time = time;
        _lifetime = lifetime;
        _orgId = orgId;
    }

    public Session Issue()
    {
        var now = _time.GetUtcNow();
        // Real tokens look like <orgId>!<opaque>; clients must treat them as opaque anyway.
        var session = new Session { AccessToken = _orgId[..15] + "!" + Random(72), IssuedAt = now, ExpiresAt = now + _lifetime };
        _sessions[session.AccessToken] = session;
        return session;
    }

    public bool IsValid(string? token) =>
        token is not null && _sessions.TryGetValue(token, out var session) && !session.Revoked && _time.GetUtcNow() < session.ExpiresAt;

    public string IssueRefreshToken()
    {
        var token = "5Aep" + Random(80);
        _refreshTokens[token] = true;
        return token;
    }

    public bool IsValidRefreshToken(string? token) => token is not null && _refreshTokens.TryGetValue(token, out var live) && live;

    /// <summary>Revokes an access or refresh token; false when the token is unknown.</summary>
    public bool Revoke(string token)
    {
        if (_sessions.TryGetValue(token, out var session))
        {
            session.Revoked = true;
            return true;
        }

        if (_refreshTokens.ContainsKey(token))
        {
            _refreshTokens[token] = false;
            return true;
        }

        return false;
    }

    public void ExpireAll()
    {
        foreach (var session in _sessions.Values)
        {
            session.Revoked = true;
        }
    }

    public void Clear()
    {
        _sessions.Clear();
        _refreshTokens.Clear();
    }

    private static string Random(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
