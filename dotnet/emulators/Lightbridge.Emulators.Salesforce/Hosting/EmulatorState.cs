using Lightbridge.Emulators.Salesforce.Auth;
using Lightbridge.Emulators.Salesforce.Bulk;
using Lightbridge.Emulators.Salesforce.Control;
using Lightbridge.Emulators.Salesforce.Ids;
using Lightbridge.Emulators.Salesforce.Limits;
using Lightbridge.Emulators.Salesforce.Rest;
using Lightbridge.Emulators.Salesforce.Schema;
using Lightbridge.Emulators.Salesforce.Soql;
using Lightbridge.Emulators.Salesforce.Store;

namespace Lightbridge.Emulators.Salesforce.Hosting;

/// <summary>Everything one running org holds: schema, data, sessions, limits, counters and faults.</summary>
internal sealed class EmulatorState : IDisposable
{
    public EmulatorState(SalesforceEmulatorOptions options, OrgSchema schema, SigningCertificate certificate, string clientId, string clientSecret)
    {
        Options = options;
        Time = options.TimeProvider;
        Schema = schema;
        Certificate = certificate;
        ClientId = clientId;
        ClientSecret = clientSecret;
        OrgId = SalesforceId.Create("00D", 1);
        Store = new RecordStore(schema);
        Events = new PlatformEventLog();
        Faults = new FaultInjector(options.FaultSeed);
        Counters = new CallCounters();
        Dml = new DmlEngine(Store, Events, Faults, Time, Counters);
        Soql = new SoqlExecutor(Store, Time);
        Cursors = new QueryCursorStore();
        Sessions = new SessionStore(Time, options.SessionLifetime, OrgId);
        Usage = new ApiUsageCounter(options.DailyApiLimit, Time);
        BulkJobs = new BulkJobStore();
        Reset();
    }

    public SalesforceEmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public OrgSchema Schema { get; }

    public SigningCertificate Certificate { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public string OrgId { get; }

    public string UserId { get; private set; } = "";

    /// <summary>The id of the org's standard price book, seeded at every reset.</summary>
    public string StandardPricebookId { get; private set; } = "";

    public RecordStore Store { get; }

    public PlatformEventLog Events { get; }

    public FaultInjector Faults { get; }

    public DmlEngine Dml { get; }

    public SoqlExecutor Soql { get; }

    public QueryCursorStore Cursors { get; }

    public SessionStore Sessions { get; }

    public ApiUsageCounter Usage { get; }

    public CallCounters Counters { get; }

    public BulkJobStore BulkJobs { get; }

    /// <summary>Cancelled when the emulator stops, so held connects and injected latency end at once.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    /// <summary>The CometD server; set at start (null only while starting).</summary>
    public Streaming.CometdServer? Streaming { get; set; }

    /// <summary>The base URL (login and instance are the same host here); set once Kestrel has its port.</summary>
    public string BaseUrl { get; set; } = "";

    public string ApiVersion => Options.ApiVersion;

    /// <summary>Checks JWT assertions; built once the login URL (the expected audience) is known.</summary>
    public JwtBearerValidator JwtValidator { get; set; } = null!;

    /// <summary>Raised inside <see cref="Reset"/> so handlers with their own state (Bulk query jobs) clear it too.</summary>
    public event Action? Resetting;

    /// <summary>Clears data, events, cursors, counters, usage and faults, then seeds the integration user and custom metadata.</summary>
    public void Reset()
    {
        lock (Store.Gate)
        {
            Store.Clear();
            Events.Clear();
            Dml.Reset();
            Cursors.Clear();
            BulkJobs.Clear();
            Resetting?.Invoke();
            Counters.Clear();
            Usage.Set(0);
            Faults.Reset();
            var user = Schema.Find("User")!;
            var at = Options.Username.IndexOf('@', StringComparison.Ordinal);
            UserId = Dml.Seed(user, new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Username"] = Options.Username,
                ["LastName"] = "Integration",
                ["Name"] = "Integration User",
                ["Email"] = at > 0 ? Options.Username : "integration@example.invalid",
                ["IsActive"] = true,
            });
            Dml.UserId = UserId;

            // Every org has one standard price book (active here, as in a new org); the API cannot create another.
            StandardPricebookId = Dml.Seed(Schema.Find("Pricebook2")!, new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Name"] = "Standard Price Book",
                ["IsActive"] = true,
                ["IsStandard"] = true,
            });
            foreach (var (type, values) in Schema.CustomMetadataRecords)
            {
                if (Schema.Find(type) is { } definition)
                {
                    Dml.Seed(definition, values);
                }
            }

            Store.Commit();
        }
    }

    public bool IsKnownUser(string username)
    {
        lock (Store.Gate)
        {
            var user = Schema.Find("User")!;
            return Store.FindBy(user, user.FindField("Username")!, username).Count > 0;
        }
    }

    public void Dispose()
    {
        Stopping.Dispose();
        Certificate.Dispose();
    }
}
