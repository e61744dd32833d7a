namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>What one refresh of the identity index read.</summary>
/// <param name="Contacts">Contact entries written.</param>
/// <param name="Leads">Lead entries written.</param>
/// <param name="Full">Whether an object had no high-water mark yet and was read whole.</param>
internal sealed record IdentityRefreshReport(int Contacts, int Leads, bool Full);
