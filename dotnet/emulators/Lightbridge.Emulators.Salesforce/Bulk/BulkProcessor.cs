using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Formulas;
using Lightbridge.Emulators.Salesforce.Ids;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Store;
using Lightbridge.Emulators.Salesforce.Validation;

namespace Lightbridge.Emulators.Salesforce.Bulk;

/// <summary>
/// Runs an uploaded job's rows through the org's save path (reference section 1.5 to 1.8): job-level problems (line
/// endings, unknown headers, a BOM, the batch allocation) fail the whole job; row problems fail only their row.
/// Empty values are ignored and <c>#N/A</c> sets null; <c>Rel__r.ExtField</c> columns set parents by external ID.
/// </summary>
internal sealed class BulkProcessor
{
    /// <summary>Rows per internal batch, each counted against DailyBulkApiBatches.</summary>
    public const int BatchSize = 10_000;

    private readonly RecordStore _store;
    private readonly DmlEngine _dml;

    public BulkProcessor(RecordStore store, DmlEngine dml)
    {
        _store = store;
        _dml = dml;
    }

    /// <summary>Processes the job; returns the job-level error, or null when it completed (record failures included).</summary>
    public string? Process(BulkJob job, Func<int, bool> useBatches)
    {
        var definition = _store.Schema.Find(job.Object)!;
        var (rows, error) = BulkCsv.Parse(job.Data.ToString(), job.Delimiter, job.LineEnding);
        if (rows is null)
        {
            return error;
        }

        if (rows.Count == 0)
        {
            return "InvalidBatch : Field name not found : ";
        }

        job.Header = rows[0];
        var data = rows.Skip(1).Where(r => !(r.Count == 1 && r[0].Length == 0)).ToList();
        foreach (var column in job.Header)
        {
            if (!IsKnownColumn(definition, column))
            {
                job.Unprocessed.AddRange(data);
                return $"InvalidBatch : Field name not found : {column}";
            }
        }

        if (!useBatches((data.Count + BatchSize - 1) / BatchSize))
        {
            job.Unprocessed.AddRange(data);
            return "ExceededQuota : Daily Bulk API batch allocation exceeded";
        }

        var keyField = job.ExternalIdFieldName is null ? null : definition.FindField(job.ExternalIdFieldName);
        var duplicates = keyField is null ? [] : DuplicateKeys(job, data, keyField);
        foreach (var row in data)
        {
            var result = ProcessRow(job, definition, keyField, duplicates, row);
            job.NumberRecordsProcessed++;
            if (result.Success)
            {
                job.Successes.Add((result.Id, result.Created, row));
            }
            else
            {
                job.NumberRecordsFailed++;
                job.Failures.Add((result.Id, Format(result), row));
            }
        }

        return null;
    }

    private DmlResult ProcessRow(BulkJob job, ObjectDefinition definition, FieldDefinition? keyField, HashSet<string> duplicates, List<string> row)
    {
        if (row.Count != job.Header.Count)
        {
            return DmlResult.Fail(new ApiError("INVALID_FIELD", $"Row has {row.Count} columns; the header has {job.Header.Count}", []));
        }

        var body = new JsonObject();
        string? id = null;
        for (var i = 0; i < row.Count; i++)
        {
            var column = job.Header[i];
            var value = row[i];
            if (string.Equals(column, "Id", StringComparison.OrdinalIgnoreCase))
            {
                id = value.Length == 0 ? null : value;
                continue;
            }

            if (value.Length == 0)
            {
                // Empty means "leave alone"; #N/A is how a CSV says null (reference section 1.6).
                continue;
            }

            JsonNode? node = value == "#N/A" ? null : JsonValue.Create(value);
            var dot = column.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                var relationship = column[..dot];
                var colon = relationship.IndexOf(':', StringComparison.Ordinal);
                body[colon >= 0 ? relationship[(colon + 1)..] : relationship] = node is null ? null : new JsonObject { [column[(dot + 1)..]] = node };
            }
            else
            {
                body[definition.FindField(column)!.Name] = node;
            }
        }

        switch (job.Operation)
        {
            case BulkOperation.Insert:
                return _dml.Create(definition, body);
            case BulkOperation.Update:
            case BulkOperation.Delete:
            case BulkOperation.HardDelete:
                if (!SalesforceId.TryNormalize(id, out var recordId) || _store.Get(definition.Name, recordId) is null)
                {
                    return DmlResult.Fail(new ApiError(id is null ? "MISSING_ARGUMENT" : "INVALID_CROSS_REFERENCE_KEY", id is null ? "Id not specified in an update call" : "invalid cross reference id", []));
                }

                var done = job.Operation == BulkOperation.Update ? _dml.Update(definition, recordId, body) : _dml.Delete(definition, recordId);
                return done with { Id = done.Id ?? recordId };
            default:
                var keyNode = body[keyField!.Name];
                var (key, keyError) = ValueCoercer.Coerce(keyField, keyNode);
                if (keyError is not null || key is null)
                {
                    return DmlResult.Fail(keyError ?? new ApiError("MISSING_ARGUMENT", $"{keyField.Name} not specified", [keyField.Name]));
                }

                if (duplicates.Contains(Key(keyField, key)))
                {
                    return DmlResult.Fail(new ApiError("DUPLICATE_VALUE", $"Duplicate external id specified: {keyNode}", [keyField.Name]));
                }

                var result = _dml.Upsert(definition, keyField, key, body);
                if (result.MultipleMatches.Count > 0)
                {
                    return DmlResult.Fail(new ApiError("DUPLICATE_EXTERNAL_ID", $"more than one record found for external id field: [{string.Join(", ", result.MultipleMatches)}]", [keyField.Name]));
                }

                if (result.Success || result.Id is not null)
                {
                    return result;
                }

                // A failed update of a matched row still names the record (API 53.0+, reference section 1.5).
                var matched = _store.FindBy(definition, keyField, key);
                return result with { Id = matched.Count == 1 ? matched[0].Id : null };
        }
    }

    private static bool IsKnownColumn(ObjectDefinition definition, string column)
    {
        var dot = column.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return definition.FindField(column) is not null;
        }

        var relationshipName = column[..dot];
        var colon = relationshipName.IndexOf(':', StringComparison.Ordinal);
        var relationship = definition.FindRelationship(colon >= 0 ? relationshipName[(colon + 1)..] : relationshipName);
        return relationship is not null && !column[(dot + 1)..].Contains('.', StringComparison.Ordinal);
    }

    private static HashSet<string> DuplicateKeys(BulkJob job, List<List<string>> data, FieldDefinition keyField)
    {
        var index = job.Header.ToList().FindIndex(h => string.Equals(h, keyField.Name, StringComparison.OrdinalIgnoreCase));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in data.Where(r => index >= 0 && index < r.Count && r[index].Length > 0))
        {
            var key = Key(keyField, row[index]);
            if (!seen.Add(key))
            {
                duplicates.Add(key);
            }
        }

        return duplicates;
    }

    private static string Key(FieldDefinition field, object key)
    {
        var text = FormulaValues.Text(key);
        return field.CaseSensitive ? text : text.ToUpperInvariant();
    }

    /// <summary>sf__Error text: <c>CODE:message:fields --</c> (reference section 1.5).</summary>
    private static string Format(DmlResult result)
    {
        var error = result.Errors[0];
        return error.Fields.Count == 0 ? $"{error.Code}:{error.Message}:--" : $"{error.Code}:{error.Message}:{string.Join(",", error.Fields)} --";
    }
}
