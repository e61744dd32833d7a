namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>Body of <c>POST /__emulator/seed</c>; omitted members keep their current value.</summary>
internal sealed record SeedRequest(int? Seed, int? Shops, int? Customers, int? Items, int? Sales);
