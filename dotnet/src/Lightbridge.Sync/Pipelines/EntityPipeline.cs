using Lightbridge.Sync.Sources;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Model;
using Lightbridge.Core.Planning;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Mapping;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// One catalog entity's sync (stores, products, stock): normalize, validate, map and load each batch, with everything
/// about runs, reads and checkpoints in <see cref="BatchPipeline{TSource}"/>. The decisions are made by pure objects
/// (<see cref="LoadPathPlanner"/>, <see cref="LoadFailureClassifier"/>); this class only moves records between them and
/// does the IO. A record that fails is a value put in the replay queue and never stops the batch.
/// </summary>
internal sealed class EntityPipeline<TSource, TNormalized> : BatchPipeline<TSource>
    where TSource : class
    where TNormalized : class
{
    /// <summary>The error code of a record the normalizer refused (an id too long for an external id, a bad value).</summary>
    public const string NormalizationFailed = nameof(NormalizationFailed);

    /// <summary>The error code of a record a configured mapping template failed on.</summary>
    public const string MappingFailed = nameof(MappingFailed);

    private readonly EntityDefinition<TSource, TNormalized> _definition;

    public EntityPipeline(EntityDefinition<TSource, TNormalized> definition, PipelineServices services)
        : base(services)
    {
        _definition = definition;
    }

    public override SyncEntity Entity => _definition.Entity;

    protected override IAsyncEnumerable<TSource> Read(SourceRead read, CancellationToken ct) => _definition.Read(Services.Source, read, ct);

    protected override LightspeedId IdOf(TSource record) => _definition.IdOf(record);

    protected override DateTimeOffset? ChangedAtOf(TSource record) => _definition.ChangedAtOf(record);

    protected override long? VersionOf(TSource record) => _definition.VersionOf(record);

    protected override async Task ProcessBatchAsync(List<TSource> batch, BatchRun run, CancellationToken ct)
    {
        var toLoad = new List<Prepared>();
        foreach (var source in LatestPerId.Select(batch, _definition.IdOf))
        {
            var id = _definition.IdOf(source);

            // A record without a timestamp sorts first and can never move the checkpoint; Lightspeed always sends one.
            var changedAt = _definition.ChangedAtOf(source) ?? DateTimeOffset.MinValue;
            if (run.Window.AlreadyHandled(id, changedAt))
            {
                run.Tally.Skipped++;
                run.Outcomes.Add(new RecordOutcome(id, changedAt, RecordDisposition.Written));
                continue;
            }

            if (Prepare(source, id, changedAt, run) is { } prepared)
            {
                toLoad.Add(prepared);
            }
        }

        if (_definition.ParentKey is { } parentKey)
        {
            toLoad = ParentOrdering.SortByParent(toLoad, p => parentKey(p.Normalized)).ToList();
        }

        if (toLoad.Count > 0)
        {
            await PauseIfAllowanceSpentAsync(ct).ConfigureAwait(false);
            var report = await Services.Loader.LoadAsync(toLoad.Select(p => p.Record).ToList(), ct, run.Mode.ForceBulk).ConfigureAwait(false);
            if (_definition.WriteCompanions is { } companions)
            {
                report = await WithCompanionsAsync(companions, toLoad, report, run.Mode.ForceBulk, ct).ConfigureAwait(false);
            }

            Commit(toLoad, report, run);
        }
    }

    /// <summary>Normalizes, validates and maps one record; null when it is queued or has nothing to write.</summary>
    private Prepared? Prepare(TSource source, LightspeedId id, DateTimeOffset changedAt, BatchRun run)
    {
        TNormalized? normalized;
        try
        {
            normalized = _definition.Normalize(source, run.Account);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Queue(source, id, changedAt, NormalizationFailed, RecordFailure.WholeRecord, $"{EntityName} {id} could not be normalized: {ex.Message}", RecordDisposition.Queued, run);
            return null;
        }

        if (normalized is null)
        {
            // Nothing to write (the all-shops stock row): done as far as the checkpoint is concerned.
            run.Tally.Skipped++;
            run.Outcomes.Add(new RecordOutcome(id, changedAt, RecordDisposition.Written));
            return null;
        }

        var failures = _definition.Validate(normalized);
        foreach (var warning in failures.Where(f => !f.IsBlocking))
        {
            Log.RecordWarning(Services.Logger, EntityName, id.Value, warning.Rule);
        }

        var blocking = failures.Where(f => f.IsBlocking).ToList();
        if (blocking.Count > 0)
        {
            // The queue keeps one item per record: the first rule broken is its code, every message is kept.
            Queue(source, id, changedAt, blocking[0].Rule, blocking[0].Field, string.Join(" ", blocking.Select(f => f.Message)), RecordDisposition.Queued, run);
            return null;
        }

        try
        {
            return new Prepared(source, id, changedAt, normalized, _definition.Mapping.Map(normalized));
        }
        catch (MappingEvaluationException ex)
        {
            Queue(source, id, changedAt, MappingFailed, ex.Field, ex.Message, RecordDisposition.Queued, run);
            return null;
        }
    }

    private void Commit(List<Prepared> loaded, LoadReport report, BatchRun run)
    {
        var written = new List<KeyValuePair<string, string>>();
        var created = 0;
        var updated = 0;
        var failed = 0;
        for (var i = 0; i < loaded.Count; i++)
        {
            var item = loaded[i];
            var result = report.Results[i];
            if (result.Success)
            {
                if (result.Created == true)
                {
                    created++;
                }
                else
                {
                    updated++;
                }

                if (result.Id is { } salesforceId)
                {
                    written.Add(KeyValuePair.Create(item.Record.ExternalId.Value, salesforceId));
                }

                Written(item.Id, item.ChangedAt, run);
                continue;
            }

            failed++;
            var code = result.Errors.Count > 0 ? result.Errors[0].StatusCode : "UNKNOWN";
            var fields = result.Errors.SelectMany(e => e.Fields).Distinct(StringComparer.Ordinal).ToList();
            var message = string.Join(" ", result.Errors.Select(e => $"{e.StatusCode}: {e.Message}"));
            Queue(item.Source, item.Id, item.ChangedAt, code, fields.Count > 0 ? string.Join(",", fields) : null, message, LoadFailureClassifier.Classify(result), run);
        }

        if (written.Count > 0)
        {
            Services.State.SyncedRecords.SetMany(loaded[0].Record.ObjectName, written);
        }

        run.Tally.Created += created;
        run.Tally.Updated += updated;
        run.Tally.LoadPaths.Add(report.Path);
        Log.BatchLoaded(Services.Logger, loaded.Count, EntityName, report.Path, created, updated, failed);
    }

    /// <summary>Writes the companions of the records written; a refused companion turns its record's result into that refusal.</summary>
    private static async Task<LoadReport> WithCompanionsAsync(
        Func<IReadOnlyList<TNormalized>, bool, CancellationToken, Task<IReadOnlyList<RecordResult?>>> companions,
        List<Prepared> loaded,
        LoadReport report,
        bool forceBulk,
        CancellationToken ct)
    {
        var written = Enumerable.Range(0, loaded.Count).Where(i => report.Results[i].Success).ToList();
        var outcomes = await companions(written.Select(i => loaded[i].Normalized).ToList(), forceBulk, ct).ConfigureAwait(false);
        var results = report.Results.ToArray();
        for (var j = 0; j < written.Count; j++)
        {
            if (outcomes[j] is { } refused)
            {
                var i = written[j];
                results[i] = results[i] with { Success = false, Created = null, Errors = refused.Errors };
            }
        }

        return report with { Results = results };
    }

    /// <summary>A record ready to load, with what the commit needs to know about it.</summary>
    private sealed record Prepared(TSource Source, LightspeedId Id, DateTimeOffset ChangedAt, TNormalized Normalized, SalesforceRecord Record);
}
