using Lightbridge.Core.Model;

namespace Lightbridge.State;

/// <summary>One record-level failure to put in the replay queue.</summary>
/// <param name="AccountId">The Lightspeed account the record belongs to.</param>
/// <param name="Entity">The Lightspeed entity name, e.g. <c>Customer</c>.</param>
/// <param name="LightspeedId">The record's Lightspeed id.</param>
/// <param name="ErrorCode">What went wrong: a validation rule name, <c>AmbiguousMatch</c>, or a Salesforce error code.</param>
/// <param name="Message">A readable explanation, without secrets or unmasked personal data.</param>
/// <param name="Field">The field at fault, when one is known.</param>
/// <param name="PayloadSnapshot">The record as read, already masked by the caller; State stores it as given.</param>
/// <param name="RunId">The run in which the failure happened.</param>
public sealed record ReplayFailure(
    string AccountId,
    string Entity,
    LightspeedId LightspeedId,
    string ErrorCode,
    string Message,
    string? Field,
    string? PayloadSnapshot,
    string RunId);
