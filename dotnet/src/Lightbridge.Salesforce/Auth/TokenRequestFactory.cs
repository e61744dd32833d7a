namespace Lightbridge.Salesforce.Auth;

/// <summary>
/// Builds the form of each token request (shared/reference/salesforce-api.md §2.1): the JWT bearer assertion,
/// client credentials, or the refresh token, which it replaces when the server rotates it.
/// </summary>
internal sealed class TokenRequestFactory : IDisposable
{
    public const string JwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly SalesforceClientOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private System.Security.Cryptography.RSA? _key;
    private string? _refreshToken;

    public TokenRequestFactory(SalesforceClientOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _refreshToken = options.RefreshToken;
    }

    public SalesforceAuthFlow Flow => _options.Auth;

    /// <summary>Builds the form fields of the next request. Holds secrets: never log the result.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BuildForm() => _options.Auth switch
    {
        SalesforceAuthFlow.JwtBearer =>
        [
            new("grant_type", JwtBearerGrantType),
            new("assertion", JwtBearerAssertion.Create(
                _options.ClientId, _options.Username!, _options.LoginBase, _time.GetUtcNow() + JwtBearerAssertion.Lifetime, Key())),
        ],
        SalesforceAuthFlow.ClientCredentials =>
        [
            new("grant_type", "client_credentials"),
            new("client_id", _options.ClientId),
            new("client_secret", _options.ClientSecret!),
        ],
        SalesforceAuthFlow.RefreshToken => RefreshForm(),
        _ => throw new InvalidOperationException($"Unknown Salesforce auth flow {_options.Auth}."),
    };

    /// <summary>Keeps a rotated refresh token for the next refresh (sent only when rotation is on, §2.1).</summary>
    public void Issued(SalesforceAccessToken token)
    {
        if (_options.Auth == SalesforceAuthFlow.RefreshToken && token.RefreshToken is { Length: > 0 } rotated)
        {
            lock (_gate)
            {
                _refreshToken = rotated;
            }
        }
    }

    public void Dispose() => _key?.Dispose();

    private List<KeyValuePair<string, string>> RefreshForm()
    {
        string refreshToken;
        lock (_gate)
        {
            refreshToken = _refreshToken!;
        }

        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", _options.ClientId),
        };
        if (!string.IsNullOrEmpty(_options.ClientSecret))
        {
            form.Add(new("client_secret", _options.ClientSecret));
        }

        return form;
    }

    private System.Security.Cryptography.RSA Key()
    {
        lock (_gate)
        {
            if (_key is not null)
            {
                return _key;
            }

            // A missing or bad key is configuration, not a transient fault: it surfaces as an auth failure that is
            // neither retried nor wrapped, and names the setting (never the key itself).
            try
            {
                var (pem, source) = _options.PrivateKeyPem is { Length: > 0 } inline
                    ? (inline, $"{SalesforceClientOptions.SectionName}:PrivateKeyPem")
                    : (File.ReadAllText(_options.PrivateKeyPath!), $"{SalesforceClientOptions.SectionName}:PrivateKeyPath ({_options.PrivateKeyPath})");
                _key = JwtBearerAssertion.LoadPrivateKey(pem, source);
                return _key;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                throw new SalesforceAuthException(
                    $"Salesforce JWT bearer login at {_options.LoginBase} cannot sign its assertion: {ex.Message}", ex);
            }
        }
    }
}
