namespace Lightbridge.Emulators.Lightspeed.Auth;

/// <summary>The token endpoint's answer: a status and a JSON body (OAuth fields are real JSON, not API strings).</summary>
internal sealed record TokenResult(int Status, byte[] Body);
