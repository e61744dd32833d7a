using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Emulators.Salesforce.Tests;

/// <summary>An emulator on a loopback port chosen by the OS, an HttpClient, and a session from client credentials.</summary>
public sealed class TestOrg : IAsyncDisposable
{
    public const string Version = "v62.0";

    private TestOrg(SalesforceEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
        Http = new HttpClient { BaseAddress = emulator.InstanceUrl };
    }

    public SalesforceEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "mini-package");

    /// <summary>The private key of the shared test certificate (or of the one the emulator generated).</summary>
    public string PrivateKeyPem => Emulator.GeneratedPrivateKeyPem ?? SharedCertificate.Value.KeyPem;

    // One RSA key for the whole run: generating a 2048-bit key per emulator dominates the suite's time.
    private static readonly Lazy<(string CertificatePath, string KeyPem)> SharedCertificate = new(() =>
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=lightbridge-tests", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(AppContext.BaseDirectory, "shared-test-certificate.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return (path, rsa.ExportPkcs8PrivateKeyPem());
    });

    public static async Task<TestOrg> StartAsync(Action<SalesforceEmulatorOptions>? configure = null, bool login = true, bool generateKey = false)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
        var options = new SalesforceEmulatorOptions
        {
            MetadataPath = FixturePath,
            TimeProvider = time,
            Port = 0,
            CertificatePath = generateKey ? null : SharedCertificate.Value.CertificatePath,
        };
        configure?.Invoke(options);
        var org = new TestOrg(await SalesforceEmulator.StartAsync(options), time);
        if (login)
        {
            org.UseToken(await org.ClientCredentialsTokenAsync());
        }

        return org;
    }

    public void UseToken(string token) => Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public async Task<string> ClientCredentialsTokenAsync()
    {
        using var response = await PostFormAsync("/services/oauth2/token", new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Emulator.ClientId,
            ["client_secret"] = Emulator.ClientSecret,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["access_token"]!.ToString();
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await Http.PostAsync(path, content);
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path.StartsWith('/') ? path : $"/services/data/{Version}/{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PatchAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> QueryAsync(string soql) =>
        GetAsync("query?q=" + Uri.EscapeDataString(soql));

    /// <summary>Creates a record and returns its id, failing the test if the create fails.</summary>
    public async Task<string> CreateAsync(string objectName, JsonObject fields)
    {
        var (status, body, _) = await PostAsync($"sobjects/{objectName}", fields);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        return body!["id"]!.ToString();
    }

    public async Task<string> CreateStoreAsync(string shopId = "1-1", string code = "S1") =>
        await CreateAsync("Store__c", new JsonObject { ["Name"] = "Store " + shopId, ["Shop_Id__c"] = shopId, ["Store_Code__c"] = code });

    /// <summary>Waits (briefly, on real time) until the emulator reaches a state the test is about to rely on.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Generous: on a loaded two-core CI machine a state change can take seconds to be observed.
        for (var i = 0; i < 3_000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "the emulator did not reach the expected state within 30 s");
    }

    /// <summary>
    /// Advances the fake clock by <paramref name="step"/> until <paramref name="task"/> completes: the server may
    /// register its timer a moment after the state the test waited for, and a single advance could miss it.
    /// </summary>
    public async Task AdvanceUntilAsync(Task task, TimeSpan step)
    {
        for (var i = 0; i < 100 && !task.IsCompleted; i++)
        {
            Time.Advance(step);
            await Task.WhenAny(task, Task.Delay(50));
        }

        Assert.That(task.IsCompleted, Is.True, "the held request did not complete");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
