using Lightbridge.Core.Mapping;
using Lightbridge.Core.Model;
using Lightbridge.Core.Planning;
using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines.Sales;

/// <content>
/// Loading one prepared batch: the sales, then the lines and payments of the sales written, then the children a
/// re-written sale lost, then each sale settled and its parents' rollups recomputed or owed to the backlog.
/// </content>
internal sealed partial class SalePipeline
{
    /// <summary>Loads the sales, then the children of the sales written, then settles every sale and recomputes rollups.</summary>
    private async Task LoadAsync(List<PreparedSale> prepared, SaleRun run, CancellationToken ct)
    {
        await AllowanceGuard.PauseIfSpentAsync(_services.Salesforce, _services.Options, ct).ConfigureAwait(false);
        var sorted = ParentOrdering.SortByParent(prepared, p => p.Normalized.ShopExternalId?.Value);

        // The store and customer a sale points at now, before the load moves it: their rollups are recomputed too.
        var former = await _rollups.ReadCurrentParentsAsync(sorted.Select(p => p.Sale).ToList(), ct).ConfigureAwait(false);
        var report = await _services.Loader.LoadAsync(sorted.Select(p => p.Sale).ToList(), ct).ConfigureAwait(false);
        run.Tally.LoadPaths.Add(report.Path);
        var parents = new List<(PreparedSale Sale, RecordResult Result)>();
        var parentIds = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var result = report.Results[i];
            if (result.Success)
            {
                parents.Add((sorted[i], result));
                if (result.Id is { } id)
                {
                    parentIds.Add(KeyValuePair.Create(sorted[i].Sale.ExternalId.Value, id));
                }

                continue;
            }

            var code = result.Errors.Count > 0 ? result.Errors[0].StatusCode : "UNKNOWN";
            var fields = result.Errors.SelectMany(e => e.Fields).Distinct(StringComparer.Ordinal).ToList();
            Queue(sorted[i].Source, sorted[i].ChangedAt, code, fields.Count > 0 ? string.Join(",", fields) : null,
                string.Join(" ", result.Errors.Select(e => $"{e.StatusCode}: {e.Message}")), LoadFailureClassifier.Classify(result), run);
        }

        if (parentIds.Count > 0)
        {
            _services.State.SyncedRecords.SetMany(_mappings.Sale.ObjectName, parentIds);
        }

        var childFailures = new Dictionary<LightspeedId, ChildFailure>();
        var written = parents.Select(p => p.Sale.Sale).ToList();

        // A line that refunds a line of this batch needs that line to exist: it goes in a second load, after the others.
        // One that refunds a line of an earlier batch or run (already written) goes with the others: most refunds.
        var lines = parents.SelectMany(p => p.Sale.Lines.Select(l => (Owner: p.Sale, Record: l))).ToList();
        var originalField = SalesforceSchema.SaleLine.OriginalLine;
        var linesHere = lines.Select(l => l.Record.ExternalId.Value).ToHashSet(StringComparer.Ordinal);
        bool Waits(SalesforceRecord line) => line.ReferenceFor(originalField) is { } original && linesHere.Contains(original.ParentExternalId.Value);
        await LoadChildrenAsync(lines.Where(l => !Waits(l.Record)).ToList(), childFailures, written, ct).ConfigureAwait(false);
        await LoadChildrenAsync(lines.Where(l => Waits(l.Record)).ToList(), childFailures, written, ct).ConfigureAwait(false);
        await LoadChildrenAsync(parents.SelectMany(p => p.Sale.Payments.Select(r => (Owner: p.Sale, Record: r))).ToList(), childFailures, written, ct).ConfigureAwait(false);

        // A sale written again may have lost lines or payments in Lightspeed: those go from Salesforce too.
        var rewritten = parents.Where(p => p.Result.Created != true && p.Result.Id is not null && !childFailures.ContainsKey(p.Sale.Id)).ToList();
        foreach (var (child, current) in ChildObjects())
        {
            var sales = rewritten
                .Select(p => new WrittenSale(p.Sale.Id, p.Result.Id!, current(p.Sale).Select(r => r.ExternalId.Value).ToHashSet(StringComparer.Ordinal)))
                .ToList();
            var removed = await _staleChildren.RemoveAsync(child, sales, childFailures, ct).ConfigureAwait(false);
            former.AddRange(removed.Former);
        }

        var settled = new List<(PreparedSale Sale, RecordResult Result)>();
        foreach (var (sale, result) in parents)
        {
            if (childFailures.TryGetValue(sale.Id, out var failure))
            {
                Queue(sale.Source, sale.ChangedAt, failure.Code, failure.Field,
                    $"Sale {sale.Id}: {failure.ObjectName} {failure.ExternalId} was refused: {failure.Message}", failure.Disposition, run);
                continue;
            }

            settled.Add((sale, result));
        }

        // Rollups before the checkpoint: a sale whose parent's rollup update was refused holds it, so the next run
        // writes the sale again and recomputes that parent. A backfill only owes them: the parents go to the state
        // file's backlog before the checkpoint moves, and are recomputed once, at the end of the run (a parent's
        // rollups cost the same queries for one batch of its sales as for all of them).
        var rollupsBehind = new HashSet<LightspeedId>();
        if (run.Mode.DeferRollups && (written.Count > 0 || former.Count > 0))
        {
            var debt = await _rollups.DebtOfAsync(written, former, ct).ConfigureAwait(false);
            _services.State.RollupBacklog.AddMany(debt);
            SaleLog.RollupsOwed(_services.Logger, debt.Count);
        }
        else if (written.Count > 0 || former.Count > 0)
        {
            var rollups = await _rollups.RecalculateAsync(written, former, ct).ConfigureAwait(false);
            SaleLog.RollupsDone(_services.Logger, rollups.ParentsUpdated, rollups.ParentsFailed, rollups.Queries);
            var owners = parents
                .SelectMany(p => p.Sale.Lines.Concat(p.Sale.Payments).Append(p.Sale.Sale).Select(r => (Key: (r.ObjectName, r.ExternalId.Value), p.Sale.Id)))
                .ToDictionary(o => o.Key, o => o.Id);
            foreach (var record in rollups.Unsettled)
            {
                if (owners.TryGetValue((record.ObjectName, record.ExternalId.Value), out var owner))
                {
                    rollupsBehind.Add(owner);
                }
            }
        }

        var created = 0;
        var updated = 0;
        foreach (var (sale, result) in settled)
        {
            if (result.Created == true)
            {
                created++;
            }
            else
            {
                updated++;
            }

            if (rollupsBehind.Contains(sale.Id))
            {
                run.Tally.Held++;
                run.Outcomes.Add(new RecordOutcome(sale.Id, sale.ChangedAt, RecordDisposition.Pending));
                continue;
            }

            if (run.PendingReplays.Remove(sale.Id))
            {
                _services.State.ReplayQueue.MarkResolved(run.Account.AccountId.Value, EntityName, sale.Id);
            }

            run.Outcomes.Add(new RecordOutcome(sale.Id, sale.ChangedAt, RecordDisposition.Written));
        }

        run.Tally.Created += created;
        run.Tally.Updated += updated;
        Log.BatchLoaded(_services.Logger, sorted.Count, EntityName, report.Path, created, updated, sorted.Count - created - updated);
    }

    /// <summary>The child objects the profile writes, each with the children a prepared sale has in it now.</summary>
    private IEnumerable<(SaleChildObject Child, Func<PreparedSale, IReadOnlyList<SalesforceRecord>> Current)> ChildObjects()
    {
        if (ChildObject(_mappings.SaleLine.ObjectName, _mappings.SaleLine.ExternalIdField, _mappings.SaleLine.References) is { } lines)
        {
            yield return (lines, p => p.Lines);
        }

        if (_mappings.Payment is { } payment && ChildObject(payment.ObjectName, payment.ExternalIdField, payment.References) is { } payments)
        {
            yield return (payments, p => p.Payments);
        }
    }

    private SaleChildObject? ChildObject<T>(string objectName, string externalIdField, IReadOnlyList<ReferenceMapping<T>> references) =>
        references.FirstOrDefault(r => r.ParentObject == _mappings.Sale.ObjectName) is { } toSale
            ? new SaleChildObject(objectName, externalIdField, toSale.Field)
            : null;

    /// <summary>Loads children of one object, sorted by their sale; the first refused child of a sale is recorded against it.</summary>
    private async Task LoadChildrenAsync(
        List<(PreparedSale Owner, SalesforceRecord Record)> children,
        Dictionary<LightspeedId, ChildFailure> failures,
        List<SalesforceRecord> written,
        CancellationToken ct)
    {
        if (children.Count == 0)
        {
            return;
        }

        var sorted = ParentOrdering.SortByParent(children, c => c.Owner.Sale.ExternalId.Value);
        // Children are upserted by external id and nothing reads their Salesforce ids afterwards (stale children are
        // found by their sale): a Bulk job reports failures only, and costs no result call when its counts show none.
        var report = await _services.Loader.LoadAsync(sorted.Select(c => c.Record).ToList(), ct, detail: BulkResultDetail.FailuresOnly).ConfigureAwait(false);
        var failed = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            var (owner, record) = sorted[i];
            var result = report.Results[i];
            if (result.Success)
            {
                written.Add(record);
                continue;
            }

            failed++;
            var fields = result.Errors.SelectMany(e => e.Fields).Distinct(StringComparer.Ordinal).ToList();
            failures.TryAdd(owner.Id, new ChildFailure(
                record.ObjectName,
                record.ExternalId.Value,
                result.Errors.Count > 0 ? result.Errors[0].StatusCode : "UNKNOWN",
                fields.Count > 0 ? string.Join(",", fields) : null,
                string.Join(" ", result.Errors.Select(e => $"{e.StatusCode}: {e.Message}")),
                LoadFailureClassifier.Classify(result)));
        }

        SaleLog.ChildrenLoaded(_services.Logger, sorted.Count, sorted[0].Record.ObjectName, report.Path, failed);
    }
}
