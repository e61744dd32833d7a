using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Control;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Soql;

namespace Lightbridge.Emulators.Salesforce;

/// <summary>
/// The in-process control surface (the same operations as HTTP <c>/__emulator/</c>): reset, seed records, read
/// counters, inject faults, expire or revoke sessions, and query without spending API calls.
/// </summary>
public sealed class SalesforceEmulatorControl
{
    private readonly EmulatorState _state;

    internal SalesforceEmulatorControl(EmulatorState state)
    {
        _state = state;
    }

    /// <summary>API calls counted today against DailyApiRequests.</summary>
    public int ApiCallsToday => _state.Usage.Used;

    /// <summary>Calls per kind since the last reset, e.g. <c>query</c>, <c>collections.upsert</c>, <c>oauth.jwt-bearer</c>.</summary>
    public IReadOnlyDictionary<string, long> Counters => _state.Counters.Snapshot();

    /// <summary>Clears all data, counters, usage and faults; sessions stay valid.</summary>
    public void Reset() => _state.Reset();

    /// <summary>Creates records through the normal save path (validation included); returns their ids in order.</summary>
    /// <exception cref="InvalidOperationException">A record failed; the message carries the org's error.</exception>
    public IReadOnlyList<string> LoadRecords(string objectName, IEnumerable<JsonObject> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_state.Store.Gate)
        {
            var definition = _state.Schema.Find(objectName) ?? throw new InvalidOperationException($"Unknown object {objectName}");
            var savepoint = _state.Store.Savepoint();
            var ids = new List<string>();
            foreach (var record in records)
            {
                var body = (JsonObject)record.DeepClone();
                body.Remove("attributes");
                var result = _state.Dml.Create(definition, body);
                if (!result.Success)
                {
                    _state.Store.Rollback(savepoint);
                    var error = result.Errors[0];
                    throw new InvalidOperationException($"{error.Code}: {error.Message}");
                }

                ids.Add(result.Id!);
            }

            _state.Store.Commit();
            return ids;
        }
    }

    /// <summary>Deletes one record through the normal delete path (cascading to master-detail children), as a user would.</summary>
    /// <exception cref="InvalidOperationException">The object is unknown or the delete failed; the message carries the org's error.</exception>
    public void Delete(string objectName, string id)
    {
        lock (_state.Store.Gate)
        {
            var definition = _state.Schema.Find(objectName) ?? throw new InvalidOperationException($"Unknown object {objectName}");
            var result = _state.Dml.Delete(definition, id);
            if (!result.Success)
            {
                throw new InvalidOperationException($"{result.Errors[0].Code}: {result.Errors[0].Message}");
            }

            _state.Store.Commit();
        }
    }

    /// <summary>Runs SOQL without paging, authentication or API usage; returns <c>{totalSize, done, records}</c>.</summary>
    /// <exception cref="SoqlException">The query is malformed or names unknown fields.</exception>
    public JsonObject Query(string soql)
    {
        lock (_state.Store.Gate)
        {
            var result = _state.Soql.Execute(soql, _state.ApiVersion);
            return new JsonObject
            {
                ["totalSize"] = result.TotalSize,
                ["done"] = true,
                ["records"] = new JsonArray(result.Records.Select(r => (JsonNode?)r.DeepClone()).ToArray()),
            };
        }
    }

    /// <summary>Replaces the fault settings.</summary>
    public void SetFaults(FaultSettings settings) => _state.Faults.Configure(settings ?? new FaultSettings());

    /// <summary>Turns every fault off.</summary>
    public void ClearFaults() => _state.Faults.Configure(new FaultSettings());

    /// <summary>Sets how many API calls today has already used (to test the limit without spending it).</summary>
    public void SetApiUsage(int used) => _state.Usage.Set(used);

    /// <summary>Invalidates every access token issued so far (401 INVALID_SESSION_ID on next use).</summary>
    public void ExpireAllSessions() => _state.Sessions.ExpireAll();

    /// <summary>Revokes one access or refresh token; false when unknown.</summary>
    public bool RevokeToken(string token) => _state.Sessions.Revoke(token);

    /// <summary>Issues a refresh token for the integration user (as an authorized web-server flow would).</summary>
    public string IssueRefreshToken() => _state.Sessions.IssueRefreshToken();

    /// <summary>CometD connects currently held open waiting for events (lets a test advance the clock only once one is waiting).</summary>
    public int CometdHeldConnects => _state.Streaming?.HeldConnects ?? 0;

    /// <summary>Forgets every CometD client and its subscriptions (next message: 403::Unknown client).</summary>
    public void DropAllCometdClients() => _state.Streaming?.DropAllClients();

    /// <summary>Published platform events so far: event name, replay id and EventUuid.</summary>
    public IReadOnlyList<(string EventName, long ReplayId, string EventUuid)> PublishedEvents
    {
        get
        {
            lock (_state.Store.Gate)
            {
                return _state.Events.Events.Select(e => (e.EventName, e.ReplayId, e.EventUuid)).ToArray();
            }
        }
    }
}
