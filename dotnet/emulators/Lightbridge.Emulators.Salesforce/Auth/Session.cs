namespace Lightbridge.Emulators.Salesforce.Auth;

/// <summary>An issued access token: when it stops working, and whether it was revoked early.</summary>
internal sealed class Session
{
    public required string AccessToken { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; set; }

    public bool Revoked { get; set; }

    public override string ToString() => "***";
}
