using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Rollups;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Pipelines.Sales;

/// <summary>
/// Deletes the lines and payments that a sale written again no longer has in Lightspeed (a line removed while the sale
/// was edited after completion): upserts alone would leave them, and the sale's totals in Salesforce would stop
/// matching its children. Only sales that existed before the load are checked; a new sale has nothing to remove.
/// </summary>
/// <remarks>
/// One query per child object and 200 sales finds the children in Salesforce; those whose external id is not among the
/// sale's current children are deleted through sObject Collections. The parents the deleted children pointed at (for
/// rollups defined on those objects) are returned, so their rollups are recomputed. A refused delete queues its sale,
/// so it is written again and the delete retried; a child already gone counts as deleted.
/// </remarks>
internal sealed class StaleChildRemover
{
    /// <summary>The status codes of a delete whose record is already gone.</summary>
    private static readonly HashSet<string> AlreadyGone = new(StringComparer.Ordinal) { "ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY" };

    private readonly SalesforceClient _salesforce;
    private readonly StateStore _state;
    private readonly RollupCalculator _rollups;
    private readonly ILogger _logger;

    public StaleChildRemover(SalesforceClient salesforce, StateStore state, RollupCalculator rollups, ILogger logger)
    {
        _salesforce = salesforce;
        _state = state;
        _rollups = rollups;
        _logger = logger;
    }

    /// <summary>Removes the children of <paramref name="sales"/> in <paramref name="child"/>'s object that they no longer have.</summary>
    /// <param name="child">The child object and how it points at its sale.</param>
    /// <param name="sales">The sales written again, by Salesforce id, with the external ids of their current children.</param>
    /// <param name="failures">Receives, per sale, the first delete Salesforce refused.</param>
    /// <param name="ct">Stops between calls.</param>
    public async Task<StaleChildReport> RemoveAsync(
        SaleChildObject child, IReadOnlyList<WrittenSale> sales, IDictionary<LightspeedId, ChildFailure> failures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentNullException.ThrowIfNull(failures);
        var former = new FormerParents();
        if (sales.Count == 0)
        {
            return new StaleChildReport(0, former);
        }

        var owners = sales.ToDictionary(s => s.SalesforceId, StringComparer.OrdinalIgnoreCase);
        var rollupFields = await _rollups.RelationshipFieldsAsync(child.ObjectName, ct).ConfigureAwait(false);
        var selected = new[] { "Id", child.ExternalIdField, child.SaleField }.Concat(rollupFields).Distinct(StringComparer.Ordinal).ToList();
        var stale = new List<(string Id, string? ExternalId, WrittenSale Owner, JsonElement Row)>();
        foreach (var chunk in owners.Keys.Chunk(RollupQuery.MaxParentsPerQuery))
        {
            var soql = $"SELECT {string.Join(", ", selected)} FROM {child.ObjectName} WHERE {child.SaleField} IN {Soql.InList(chunk)}";
            await foreach (var row in _salesforce.QueryAsync(soql, ct).ConfigureAwait(false))
            {
                var id = Text(row, "Id");
                var externalId = Text(row, child.ExternalIdField);
                if (id is null || Text(row, child.SaleField) is not { } saleId || !owners.TryGetValue(saleId, out var owner))
                {
                    continue;
                }

                if (externalId is null || !owner.CurrentChildren.Contains(externalId))
                {
                    stale.Add((id, externalId, owner, row.Clone()));
                }
            }
        }

        if (stale.Count == 0)
        {
            return new StaleChildReport(0, former);
        }

        var results = await _salesforce.DeleteCollectionAsync(stale.Select(s => s.Id).ToList(), ct).ConfigureAwait(false);
        var deleted = 0;
        for (var i = 0; i < stale.Count; i++)
        {
            var (id, externalId, owner, row) = stale[i];
            var result = results[i];
            if (result.Success || (result.Errors.Count > 0 && result.Errors.All(e => AlreadyGone.Contains(e.StatusCode))))
            {
                deleted++;
                RollupCalculator.AddParents(former, child.ObjectName, rollupFields, row);
                if (externalId is not null)
                {
                    _state.SyncedRecords.Remove(child.ObjectName, externalId);
                }

                continue;
            }

            var fields = result.Errors.SelectMany(e => e.Fields).Distinct(StringComparer.Ordinal).ToList();
            failures.TryAdd(owner.SaleId, new ChildFailure(
                child.ObjectName,
                externalId ?? id,
                result.Errors.Count > 0 ? result.Errors[0].StatusCode : "UNKNOWN",
                fields.Count > 0 ? string.Join(",", fields) : null,
                "it is no longer on the sale in Lightspeed and its delete was refused: " + string.Join(" ", result.Errors.Select(e => $"{e.StatusCode}: {e.Message}")),
                LoadFailureClassifier.Classify(result)));
        }

        SaleLog.StaleChildrenDeleted(_logger, deleted, child.ObjectName, stale.Count - deleted);
        return new StaleChildReport(deleted, former);
    }

    private static string? Text(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A child object of the sale: its name, its external id field, and the lookup to the sale.</summary>
/// <param name="ObjectName">E.g. <c>Lightspeed_Sale_Line__c</c>.</param>
/// <param name="ExternalIdField">E.g. <c>Lightspeed_Sale_Line_Id__c</c>.</param>
/// <param name="SaleField">E.g. <c>Sale__c</c>.</param>
internal sealed record SaleChildObject(string ObjectName, string ExternalIdField, string SaleField);

/// <summary>A sale written again, with the external ids of the children it has now in one child object.</summary>
/// <param name="SaleId">The Lightspeed sale id.</param>
/// <param name="SalesforceId">The sale's Salesforce id.</param>
/// <param name="CurrentChildren">The external ids of its current children.</param>
internal sealed record WrittenSale(LightspeedId SaleId, string SalesforceId, IReadOnlySet<string> CurrentChildren);

/// <summary>What a removal did: children deleted, and the parents they pointed at for the rollups.</summary>
/// <param name="Deleted">Children deleted (or found already gone).</param>
/// <param name="Former">The rollup parents of the deleted children.</param>
internal sealed record StaleChildReport(int Deleted, FormerParents Former);
