using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// The open LiteDB database plus the one way to run a multi-document write atomically.
/// </summary>
/// <remarks>
/// LiteDB 5 binds an explicit transaction to the calling thread, so <see cref="InTransaction{T}"/> runs
/// synchronously from begin to commit: no <c>await</c> may happen inside, or the commit would land on another
/// thread. That is why every State API is synchronous (the token store only wraps its result in a task).
/// Transactions also pass one gate: LiteDB locks a collection only when a transaction first writes to it, so
/// two read-modify-write transactions (advance a checkpoint, bump a replay item's attempts) could otherwise
/// both read the old value. Single-document writes outside a transaction do not need the gate.
/// </remarks>
internal sealed class StateDatabase
{
    private readonly Lock _gate = new();

    public StateDatabase(LiteDatabase database)
    {
        Database = database;
    }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> Collection(string name) => Database.GetCollection(name, BsonAutoId.Int64);

    /// <summary>Runs <paramref name="work"/> in one transaction: everything commits, or nothing does.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        lock (_gate)
        {
            if (!Database.BeginTrans())
            {
                // This thread already has a transaction open: join it, and let its owner commit.
                return work();
            }

            try
            {
                var result = work();
                Database.Commit();
                return result;
            }
            catch
            {
                Database.Rollback();
                throw;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction.</summary>
    public void InTransaction(Action work) =>
        InTransaction(() =>
        {
            work();
            return 0;
        });
}
