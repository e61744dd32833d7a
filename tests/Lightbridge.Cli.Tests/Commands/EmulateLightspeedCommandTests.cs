using System.Net.Http.Headers;
using System.Text.Json;

namespace Lightbridge.Cli.Tests.Commands;

[TestFixture]
public sealed class EmulateLightspeedCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task EmulateLightspeed_GivenCredentials_ServesTheApiUntilTerminated()
    {
        using var process = LightbridgeProcess.Start(
            "emulate", "lightspeed", "--port", "0", "--seed", "7", "--shops", "2", "--customers", "25",
            "--items", "10", "--sales", "15", "--client-id", "cli-test-client", "--client-secret", "cli-test-secret",
            "--refresh-token", "cli-test-refresh", "--bucket", "off");

        var baseUrl = Value(await process.WaitForLineAsync("Base URL:", StartTimeout));
        var tokenUrl = Value(await process.WaitForLineAsync("Token URL:", StartTimeout));
        var accountId = Value(await process.WaitForLineAsync("Account id:", StartTimeout));
        await process.WaitForLineAsync("Press Ctrl+C", StartTimeout);
        Assert.That(process.StandardOutput, Does.Contain("cli-test-client").And.Not.Contain("credentials not given"));

        using var http = new HttpClient();
        using var tokenResponse = await http.PostAsync(new Uri(tokenUrl), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "cli-test-client",
            ["client_secret"] = "cli-test-secret",
            ["refresh_token"] = "cli-test-refresh",
        }));
        Assert.That((int)tokenResponse.StatusCode, Is.EqualTo(200), await tokenResponse.Content.ReadAsStringAsync());
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var accessToken = token.RootElement.GetProperty("access_token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{baseUrl}/API/V3/Account/{accountId}/Customer.json?count=1"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        using var count = JsonDocument.Parse(body);
        // The generator made 25 customers; count=1 answers with the count as a string, like the real API.
        Assert.That(count.RootElement.GetProperty("@attributes").GetProperty("count").GetString(), Is.Not.Null.And.Not.EqualTo("0"));

        process.Terminate();
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.That(exitCode, Is.Zero, process.StandardError);
    }

    [Test]
    public async Task EmulateLightspeed_NoCredentials_PrintsGeneratedOnes()
    {
        using var process = LightbridgeProcess.Start("emulate", "lightspeed", "--port", "0", "--customers", "5", "--items", "5", "--sales", "5");

        var clientId = Value(await process.WaitForLineAsync("Client id:", StartTimeout));
        var refreshToken = Value(await process.WaitForLineAsync("Refresh token:", StartTimeout));
        await process.WaitForLineAsync("Press Ctrl+C", StartTimeout);

        Assert.That(clientId, Is.Not.Empty);
        Assert.That(refreshToken, Is.Not.Empty);
        Assert.That(process.StandardOutput, Does.Contain("credentials not given on the command line were generated"));
    }

    [TestCase("--port", "70000", "--port")]
    [TestCase("--shops", "0", "--shops")]
    [TestCase("--bucket", "sometimes", "sometimes")]
    public async Task EmulateLightspeed_BadArgument_ExitsTwoNamingIt(string option, string value, string named)
    {
        using var process = LightbridgeProcess.Start("emulate", "lightspeed", option, value);

        var exitCode = await process.WaitForExitAsync(StartTimeout);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(process.StandardError, Does.Contain(named));
    }

    private static string Value(string line) => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
