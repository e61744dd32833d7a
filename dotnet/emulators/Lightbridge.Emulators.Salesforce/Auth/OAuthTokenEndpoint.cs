using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Hosting;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Emulators.Salesforce.Auth;

/// <summary>
/// <c>POST /services/oauth2/token</c>, form-encoded only (reference section 2.1): the JWT bearer, client credentials
/// and refresh token grants. Success is <c>{access_token, signature, scope, instance_url, id, token_type, issued_at}</c>;
/// failure is 400 <c>{error, error_description}</c>. No grant here returns a refresh token, as for JWT and client
/// credentials in a real org; refresh tokens come from the control surface.
/// </summary>
internal sealed class OAuthTokenEndpoint
{
    private readonly EmulatorState _state;

    public OAuthTokenEndpoint(EmulatorState state)
    {
        _state = state;
    }

    public async Task HandleAsync(HttpContext context)
    {
        IFormCollection form;
        if (!context.Request.HasFormContentType)
        {
            // Without a form body the grant_type cannot be read, which is what the org answers.
            await WriteAsync(context, OAuthError.UnsupportedGrant);
            return;
        }

        form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grant = form["grant_type"].ToString();
        _state.Counters.Increment("oauth." + (grant.Length == 0 ? "unknown" : grant.Split(':')[^1]));
        var error = grant switch
        {
            "urn:ietf:params:oauth:grant-type:jwt-bearer" => _state.JwtValidator.Validate(form["assertion"]).Error,
            "client_credentials" => ClientCredentials(context.Request, form),
            "refresh_token" => RefreshToken(context.Request, form),
            _ => OAuthError.UnsupportedGrant,
        };
        if (error is not null)
        {
            await WriteAsync(context, error);
            return;
        }

        var session = _state.Sessions.Issue();
        var issuedAt = session.IssuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var identity = $"{_state.BaseUrl}id/{_state.OrgId}/{_state.UserId}";
        var body = new JsonObject
        {
            ["access_token"] = session.AccessToken,
            ["signature"] = Signature(identity + issuedAt),
            ["scope"] = "api",
            ["instance_url"] = _state.BaseUrl.TrimEnd('/'),
            ["id"] = identity,
            ["token_type"] = "Bearer",
            ["issued_at"] = issuedAt,
        };
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(body.ToJsonString(Rest.WireJson.Options), context.RequestAborted);
    }

    private OAuthError? ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var (clientId, clientSecret) = Client(request, form);
        if (clientId != _state.ClientId)
        {
            return OAuthError.UnknownClient;
        }

        return clientSecret == _state.ClientSecret ? null : OAuthError.BadClientCredentials;
    }

    private OAuthError? RefreshToken(HttpRequest request, IFormCollection form)
    {
        var (clientId, clientSecret) = Client(request, form);
        if (clientId != _state.ClientId)
        {
            return OAuthError.UnknownClient;
        }

        if (clientSecret is not null && clientSecret != _state.ClientSecret)
        {
            return OAuthError.BadClientCredentials;
        }

        return _state.Sessions.IsValidRefreshToken(form["refresh_token"]) ? null : OAuthError.ExpiredToken;
    }

    /// <summary>Client id and secret from the form or from HTTP Basic authentication.</summary>
    private static (string? Id, string? Secret) Client(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        var secret = form["client_secret"].ToString();
        return (form["client_id"].ToString(), secret.Length == 0 ? null : secret);
    }

    private string Signature(string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_state.ClientSecret), Encoding.UTF8.GetBytes(value)));

    private static async Task WriteAsync(HttpContext context, OAuthError error)
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json;charset=UTF-8";
        var body = new JsonObject { ["error"] = error.Error, ["error_description"] = error.Description };
        await context.Response.WriteAsync(body.ToJsonString(Rest.WireJson.Options), context.RequestAborted);
    }
}
