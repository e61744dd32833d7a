using Lightbridge.Core.Failures;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;

namespace Lightbridge.Core.Matching;

/// <summary>The write <see cref="CustomerWritePlanner"/> decided for one customer.</summary>
/// <param name="Kind">Create, update, unchanged or held.</param>
/// <param name="ObjectType">The object written (for <see cref="CustomerWriteKind.Held"/>, the configured create object).</param>
/// <param name="TargetId">The record updated, for <see cref="CustomerWriteKind.Update"/> and <see cref="CustomerWriteKind.Unchanged"/>.</param>
/// <param name="Record">The record to write, for <see cref="CustomerWriteKind.Create"/> and <see cref="CustomerWriteKind.Update"/>.</param>
/// <param name="Account">For a new Contact, the Account to link; the Sync resolves a company name to an Account.</param>
/// <param name="Failure">For <see cref="CustomerWriteKind.Held"/>, the failure to queue.</param>
public sealed record CustomerWrite(
    CustomerWriteKind Kind,
    CustomerObjectType ObjectType,
    SalesforceId? TargetId,
    SalesforceRecord? Record,
    AccountChoice? Account,
    RecordFailure? Failure);
