using Lightbridge.Core.Planning;

namespace Lightbridge.Sync.Pipelines.Sales;

/// <summary>The first line or payment of a sale that Salesforce refused, which queues the sale.</summary>
/// <param name="ObjectName">The child's object.</param>
/// <param name="ExternalId">The child's external id.</param>
/// <param name="Code">The Salesforce status code.</param>
/// <param name="Field">The fields named by the error, or null.</param>
/// <param name="Message">The error messages.</param>
/// <param name="Disposition">Pending for a failure that may pass on its own (the checkpoint holds), else Queued.</param>
internal sealed record ChildFailure(string ObjectName, string ExternalId, string Code, string? Field, string Message, RecordDisposition Disposition);
