namespace Lightbridge.Emulators.Lightspeed.Endpoints;

/// <summary>The shapes of API path the emulator serves.</summary>
internal enum ApiRouteKind
{
    Unknown,
    AccountList,
    AccountSingle,
    EntityList,
    EntitySingle,
}
