using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Validation;

/// <summary>Collects the failures of one record, with the checks every validator shares.</summary>
internal sealed class FailureCollector
{
    private readonly List<RecordFailure> _failures = [];

    public IReadOnlyList<RecordFailure> Failures => _failures;

    public void Add(SyncEntity entity, LightspeedId id, string field, string rule, string message) =>
        _failures.Add(new RecordFailure(entity, id, field, rule, message));

    public void AddRange(IEnumerable<RecordFailure> failures) => _failures.AddRange(failures);

    /// <summary>Checks that an amount fits a Currency(16,2) or Number(16,4) field once rounded.</summary>
    public void CheckFits(SyncEntity entity, LightspeedId id, string field, decimal value, int scale)
    {
        if (!MoneyRounding.Fits(value, MoneyRounding.Precision, scale))
        {
            Add(entity, id, field, ValidationRules.AmountOutOfRange,
                $"{entity} {id}: {field} does not fit a Salesforce number of precision {MoneyRounding.Precision} and scale {scale}.");
        }
    }

    /// <summary>
    /// Fails every wire field that held something other than a number: loading it as zero would put a wrong amount in
    /// Salesforce without a trace. The message names the field, never the value.
    /// </summary>
    public void CheckNumbers(SyncEntity entity, LightspeedId id, IReadOnlyList<string> malformedFields)
    {
        foreach (var field in malformedFields)
        {
            Add(entity, id, field, ValidationRules.MoneyParses,
                $"{entity} {id}: {field} is not a decimal number, so the record is held rather than loaded with a zero.");
        }
    }

    /// <summary>Checks a text against its field length; the message gives lengths, never the text.</summary>
    public void CheckLength(SyncEntity entity, LightspeedId id, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(entity, id, field, ValidationRules.FieldTooLong,
                $"{entity} {id}: {field} has {value.Length} characters; the Salesforce field holds {maxLength}.");
        }
    }
}
