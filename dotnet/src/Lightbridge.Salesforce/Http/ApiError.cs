namespace Lightbridge.Salesforce;

/// <summary>
/// One entry of the REST error envelope <c>[{"message","errorCode","fields"}]</c>
/// (shared/reference/salesforce-api.md §2.7, S25).
/// </summary>
/// <param name="ErrorCode">The API's code, e.g. <c>INVALID_FIELD</c>; null when the body had none.</param>
/// <param name="Message">The API's message.</param>
/// <param name="Fields">The fields the error names; empty when none.</param>
public sealed record ApiError(string? ErrorCode, string Message, IReadOnlyList<string> Fields);
