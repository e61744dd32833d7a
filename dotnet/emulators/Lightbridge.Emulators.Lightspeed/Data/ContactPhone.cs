namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>One phone of a contact; at most one per use type (Home, Work, Mobile, Pager, Fax).</summary>
internal sealed record ContactPhone(string Number, string UseType);
