using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// The worker's state: one LiteDB file at <c>State:Path</c>, encrypted when <c>State:Password</c> is set, and
/// held under an exclusive OS lock for the lifetime of this object so two workers never share it.
/// </summary>
/// <remarks>
/// Open once per process and dispose at shutdown (that releases the lock). All members are thread-safe: every
/// read-modify-write runs in one transaction, and transactions are serialised. Members are synchronous because
/// LiteDB binds a transaction to its thread.
/// </remarks>
public sealed class StateStore : IDisposable
{
    // The collation is fixed because LiteDB refuses to open a file whose collation differs from the one asked
    // for, and the default would be the current culture of whichever process created the file. IgnoreCase
    // matches Salesforce external ids, which are case-insensitive.
    private const string Collation = "en-US/IgnoreCase";

    private readonly LiteDatabase _database;
    private readonly StateLock _lock;
    private bool _disposed;

    private readonly StateDatabase _db;

    private StateStore(string path, LiteDatabase database, StateLock stateLock, TimeProvider time)
    {
        Path = path;
        _database = database;
        _lock = stateLock;
        var db = new StateDatabase(database);
        _db = db;
        Checkpoints = new CheckpointStore(db, time);
        ReplayQueue = new ReplayQueue(db, time);
        Identities = new IdentityIndex(db);
        SyncedRecords = new SyncedRecordMap(db);
        RollupBacklog = new RollupBacklog(db);
        Runs = new RunLog(db, time);
        EventReplayIds = new EventReplayIdStore(db, time);
        ResyncJobs = new ResyncJobStore(db, time, EventReplayIds);
        Tokens = new TokenStore(db, TokenStore.DefaultKey);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The incremental-sync checkpoints.</summary>
    public CheckpointStore Checkpoints { get; }

    /// <summary>The queue of records that failed.</summary>
    public ReplayQueue ReplayQueue { get; }

    /// <summary>The Salesforce Contact and Lead identities used for customer matching.</summary>
    public IdentityIndex Identities { get; }

    /// <summary>The Salesforce ids of records the sync wrote.</summary>
    public SyncedRecordMap SyncedRecords { get; }

    /// <summary>Parents whose rollups a backfill owes.</summary>
    public RollupBacklog RollupBacklog { get; }

    /// <summary>The run log and daily API usage.</summary>
    public RunLog Runs { get; }

    /// <summary>The replay id per streaming channel.</summary>
    public EventReplayIdStore EventReplayIds { get; }

    /// <summary>The durable resync jobs.</summary>
    public ResyncJobStore ResyncJobs { get; }

    /// <summary>The Lightspeed token pair (of the first, or only, account).</summary>
    public TokenStore Tokens { get; }

    /// <summary>
    /// The token pair kept under <paramref name="key"/>: one per Lightspeed account when a deployment serves several
    /// (the first account keeps <see cref="TokenStore.DefaultKey"/>, so a file from a single-account deployment goes on).
    /// </summary>
    public TokenStore TokensFor(string key) => key == TokenStore.DefaultKey ? Tokens : new TokenStore(_db, key);

    /// <summary>
    /// Opens (or creates) the state file and takes its lock.
    /// </summary>
    /// <exception cref="StateLockedException">Another store, in this process or another, holds the file.</exception>
    /// <exception cref="StatePasswordException">The password is wrong, missing, or set for an unencrypted file.</exception>
    public static StateStore Open(StateOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("State:Path is required.", nameof(options));
        }

        var path = System.IO.Path.GetFullPath(options.Path);
        var folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // The lock comes first: LiteDB must not touch a file another worker is writing.
        var stateLock = StateLock.Acquire(path);
        try
        {
            CheckPageAligned(path);
            var database = OpenDatabase(path, options.Password);
            try
            {
                Probe(database, path);
                return new StateStore(path, database, stateLock, timeProvider);
            }
            catch
            {
                database.Dispose();
                throw;
            }
        }
        catch
        {
            stateLock.Dispose();
            throw;
        }
    }

    /// <summary>Closes the file (LiteDB checkpoints its log into it) and releases the lock.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _database.Dispose();
        }
        finally
        {
            _lock.Dispose();
        }
    }

    /// <summary>LiteDB's page size: its data file is always a whole number of pages.</summary>
    private const int PageSize = 8192;

    /// <summary>
    /// Refuses a file that is not a whole number of pages before LiteDB sees it: LiteDB takes a file shorter than a page
    /// for a new database and writes over it, which would turn a damaged state file into an empty one without a word.
    /// </summary>
    private static void CheckPageAligned(string path)
    {
        var file = new FileInfo(path);
        if (file.Exists && file.Length > 0 && file.Length % PageSize != 0)
        {
            throw new StateCorruptException(path, $"{file.Length} bytes is not a whole number of {PageSize}-byte pages, so it was cut short or is not a LiteDB file", null);
        }
    }

    /// <summary>Collections read whole by the probe: small, and the only copy of what they hold (checkpoints, tokens…).</summary>
    private static readonly HashSet<string> Caches = new(StringComparer.Ordinal) { CollectionNames.Identities, CollectionNames.SyncedRecords };

    /// <summary>
    /// Reads the file enough to trust it before anything runs: every collection's index, and every document of the small
    /// collections that hold the only copy of their data. The caches (identity index, synced-record map) are rebuilt from
    /// Salesforce anyway, and reading a million entries at every start would cost seconds, so only their index is walked.
    /// </summary>
    private static void Probe(LiteDatabase database, string path)
    {
        try
        {
            foreach (var name in database.GetCollectionNames().ToList())
            {
                var collection = database.GetCollection(name);
                if (Caches.Contains(name))
                {
                    _ = collection.Count();
                }
                else
                {
                    foreach (var document in collection.FindAll())
                    {
                        _ = document.Keys.Count;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or StatePasswordException))
        {
            throw new StateCorruptException(path, ex.Message, ex);
        }
    }

    private static LiteDatabase OpenDatabase(string path, string? password)
    {
        var connection = new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            Password = string.IsNullOrEmpty(password) ? null : password,
            Collation = new Collation(Collation),
        };
        try
        {
            return new LiteDatabase(connection);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_PASSWORD)
        {
            throw new StatePasswordException(path, "the password is wrong.", ex);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.NOT_ENCRYPTED)
        {
            throw new StatePasswordException(path, "a password is set but the file is not encrypted.", ex);
        }
        catch (LiteException ex) when (string.IsNullOrEmpty(password) && ex.Message.Contains("encrypted", StringComparison.OrdinalIgnoreCase))
        {
            // LiteDB reports this case without an error code (code 0), only with its message.
            throw new StatePasswordException(path, "the file is encrypted and no password is set.", ex);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or StatePasswordException or IOException))
        {
            // LiteDB reports a damaged header or page with whatever its reader tripped on (LiteException, casts, ranges).
            throw new StateCorruptException(path, ex.Message, ex);
        }
    }
}
