using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Store;

/// <summary>The outcome of one record's create, update, upsert or delete: an id, or errors, or several upsert matches.</summary>
internal sealed record DmlResult(string? Id, bool Created, IReadOnlyList<ApiError> Errors, IReadOnlyList<string> MultipleMatches)
{
    /// <summary>The EventUuid of a published platform event (REST answers it inside OPERATION_ENQUEUED).</summary>
    public string? EventUuid { get; init; }

    public bool Success => Errors.Count == 0 && MultipleMatches.Count == 0;

    public static DmlResult Ok(string id, bool created) => new(id, created, [], []);

    public static DmlResult Fail(params ApiError[] errors) => new(null, false, errors, []);

    public static DmlResult Fail(IReadOnlyList<ApiError> errors) => new(null, false, errors, []);

    public static DmlResult Ambiguous(IReadOnlyList<string> ids) => new(null, false, [], ids);
}
