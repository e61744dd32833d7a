using Lightbridge.Core.Failures;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Sync.Sources;
using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Everything that differs between the catalog entities, as data: how to read, identify, normalize, validate and map
/// one kind of record. <see cref="EntityPipeline{TSource, TNormalized}"/> runs the same steps over any of them.
/// </summary>
/// <typeparam name="TSource">The canonical record read from Lightspeed.</typeparam>
/// <typeparam name="TNormalized">The normalized record the mapping takes.</typeparam>
internal sealed class EntityDefinition<TSource, TNormalized>
    where TSource : class
    where TNormalized : class
{
    /// <summary>The entity, also its checkpoint and replay-queue name.</summary>
    public required SyncEntity Entity { get; init; }

    /// <summary>Reads every record the read asks for from the account's source, across pages.</summary>
    public required Func<ISourceReader, SourceRead, CancellationToken, IAsyncEnumerable<TSource>> Read { get; init; }

    /// <summary>The record's Lightspeed id.</summary>
    public required Func<TSource, LightspeedId> IdOf { get; init; }

    /// <summary>The record's <c>timeStamp</c>, the field reads filter and sort on.</summary>
    public required Func<TSource, DateTimeOffset?> ChangedAtOf { get; init; }

    /// <summary>The record's change version (X-Series), which the cursor follows; null where the source has none.</summary>
    public required Func<TSource, long?> VersionOf { get; init; }

    /// <summary>Normalizes a record; null when there is nothing to write for it.</summary>
    public required Func<TSource, AccountContext, TNormalized?> Normalize { get; init; }

    /// <summary>The record's validation failures, blocking or not.</summary>
    public required Func<TNormalized, IReadOnlyList<RecordFailure>> Validate { get; init; }

    /// <summary>The compiled mapping to the Salesforce object.</summary>
    public required ObjectMapping<TNormalized> Mapping { get; init; }

    /// <summary>
    /// The key of the parent whose lock a write takes, to sort records by before loading; null when the object has no
    /// parent worth sorting for.
    /// </summary>
    public Func<TNormalized, string?>? ParentKey { get; init; }

    /// <summary>
    /// Writes what each written record needs beside itself (a product's standard price under the Opportunity profile)
    /// after the batch's own load, Bulk when the flag says so; by position, null where it went through, else the
    /// refusal, which queues the record as if it had been refused itself. Null when the entity needs nothing else.
    /// </summary>
    public Func<IReadOnlyList<TNormalized>, bool, CancellationToken, Task<IReadOnlyList<RecordResult?>>>? WriteCompanions { get; init; }

    /// <summary>The Lightspeed entity name, which is also the resource name (<c>/ItemShop.json</c>).</summary>
    public string LightspeedEntity => Entity.ToString();
}
