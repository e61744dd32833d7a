namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// The records a Bulk load reads one at a time, in input order: the caller's list (which can be read again from any
/// position, so an upload can be resent) or the caller's stream (read once, never held).
/// </summary>
internal abstract class BulkRecordSource : IAsyncDisposable
{
    /// <summary>The record the last successful <see cref="MoveNextAsync"/> reached.</summary>
    public abstract IReadOnlyDictionary<string, object?> Current { get; }

    /// <summary>Whether <see cref="Rewind"/> works: only a list can be read twice.</summary>
    public abstract bool CanRewind { get; }

    public static BulkRecordSource From(IReadOnlyList<IReadOnlyDictionary<string, object?>> records) => new ListSource(records);

    public static BulkRecordSource From(IAsyncEnumerable<IReadOnlyDictionary<string, object?>> records, CancellationToken ct) =>
        new StreamSource(records.GetAsyncEnumerator(ct));

    /// <summary>Moves to the next record; false at the end.</summary>
    public abstract ValueTask<bool> MoveNextAsync();

    /// <summary>Makes the next <see cref="MoveNextAsync"/> return the record at <paramref name="index"/>.</summary>
    public abstract void Rewind(int index);

    public abstract ValueTask DisposeAsync();

    private sealed class ListSource(IReadOnlyList<IReadOnlyDictionary<string, object?>> records) : BulkRecordSource
    {
        private int _next;

        public override IReadOnlyDictionary<string, object?> Current => records[_next - 1];

        public override bool CanRewind => true;

        public override ValueTask<bool> MoveNextAsync()
        {
            if (_next >= records.Count)
            {
                return ValueTask.FromResult(false);
            }

            _next++;
            return ValueTask.FromResult(true);
        }

        public override void Rewind(int index) => _next = index;

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class StreamSource(IAsyncEnumerator<IReadOnlyDictionary<string, object?>> records) : BulkRecordSource
    {
        public override IReadOnlyDictionary<string, object?> Current => records.Current
            ?? throw new ArgumentException("The record stream yielded null.", nameof(records));

        public override bool CanRewind => false;

        public override ValueTask<bool> MoveNextAsync() => records.MoveNextAsync();

        public override void Rewind(int index) =>
            throw new InvalidOperationException("A streamed record source cannot be read again.");

        public override ValueTask DisposeAsync() => records.DisposeAsync();
    }
}
