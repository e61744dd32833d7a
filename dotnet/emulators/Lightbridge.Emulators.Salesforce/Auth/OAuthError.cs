namespace Lightbridge.Emulators.Salesforce.Auth;

/// <summary>A token-endpoint failure: HTTP 400 with <c>{"error","error_description"}</c> (reference section 2.1).</summary>
internal sealed record OAuthError(string Error, string Description)
{
    public static readonly OAuthError InvalidAssertion = new("invalid_grant", "invalid assertion");
    public static readonly OAuthError BadAudience = new("invalid_grant", "audience is invalid");
    public static readonly OAuthError NotApproved = new("invalid_grant", "user hasn't approved this consumer");
    public static readonly OAuthError ExpiredToken = new("invalid_grant", "expired access/refresh token");
    public static readonly OAuthError UnknownClient = new("invalid_client_id", "client identifier invalid");
    public static readonly OAuthError BadClientCredentials = new("invalid_client", "invalid client credentials");
    public static readonly OAuthError UnsupportedGrant = new("unsupported_grant_type", "grant type not supported");
}
