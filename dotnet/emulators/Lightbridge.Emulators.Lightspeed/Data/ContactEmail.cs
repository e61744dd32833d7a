namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>One email of a contact; at most one Primary and one Secondary.</summary>
internal sealed record ContactEmail(string Address, string UseType);
