namespace Lightbridge.Emulators.Lightspeed.Endpoints;

/// <summary>A status code and a ready JSON body.</summary>
internal sealed record ApiResult(int Status, byte[] Body);
