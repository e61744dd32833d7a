using System.Net.Http.Headers;
using System.Text.Json;

namespace Lightbridge.Cli.Tests.Commands;

[TestFixture]
public sealed class EmulateSalesforceCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task EmulateSalesforce_WithThePackage_ServesItsSchemaUntilTerminated()
    {
        using var process = LightbridgeProcess.Start(
            "emulate", "salesforce", "--port", "0", "--metadata", RepositoryRoot.ForceApp,
            "--client-id", "cli-sf-client", "--client-secret", "cli-sf-secret");

        var loginUrl = Value(await process.WaitForLineAsync("Login URL:", StartTimeout));
        var keyPath = Value(await process.WaitForLineAsync("Private key:", StartTimeout));
        await process.WaitForLineAsync("Press Ctrl+C", StartTimeout);
        Assert.That(File.Exists(keyPath), Is.True, "the generated private key is written for JWT bearer clients");

        using var http = new HttpClient();
        using var tokenResponse = await http.PostAsync(new Uri($"{loginUrl}/services/oauth2/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "cli-sf-client",
            ["client_secret"] = "cli-sf-secret",
        }));
        var tokenBody = await tokenResponse.Content.ReadAsStringAsync();
        Assert.That((int)tokenResponse.StatusCode, Is.EqualTo(200), tokenBody);
        using var token = JsonDocument.Parse(tokenBody);
        var instanceUrl = token.RootElement.GetProperty("instance_url").GetString();

        // A field only the package defines: the org's schema came from force-app.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{instanceUrl}/services/data/v62.0/query?q=SELECT+Id,+Store_Code__c+FROM+Lightspeed_Store__c"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        Assert.That(body, Does.Contain("\"totalSize\":0"));

        process.Terminate();
        Assert.That(await process.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.Zero, process.StandardError);
        Assert.That(File.Exists(keyPath), Is.False, "the generated key is deleted on exit");
    }

    [Test]
    public async Task EmulateSalesforce_MissingMetadataFolder_ExitsTwoNamingIt()
    {
        using var process = LightbridgeProcess.Start("emulate", "salesforce", "--metadata", "no-such-folder");

        Assert.That(await process.WaitForExitAsync(StartTimeout), Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain("--metadata"));
    }

    private static string Value(string line) => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
