namespace Lightbridge.Emulators.Lightspeed.Auth;

/// <summary>An issued authorization code; it lives 60 seconds and works once (reference section 1).</summary>
internal sealed record AuthorizationCode(string ClientId, string? RedirectUri, DateTimeOffset ExpiresAt);
