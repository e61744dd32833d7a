using System.Globalization;
using Lightbridge.XSeries.Tests.Support;
using static Lightbridge.XSeries.Tests.Support.XSeriesHarness;

namespace Lightbridge.XSeries.Tests;

/// <summary>Tokens, secrets and personal data never reach the log, whatever path a request takes.</summary>
public sealed class LoggingTests
{
    [Test]
    public async Task EveryPath_RefreshUnauthorizedRateLimitedRetriedAndFailed_LogsNoTokenSecretOrPersonalData()
    {
        var calls = 0;
        await using var harness = await StartAsync(request => (Interlocked.Increment(ref calls), request.Path, request.Param("after")) switch
        {
            (1, _, _) => ScriptedResponse.Error(401, """{"error":"Unauthorized"}"""),
            (2, _, _) => ScriptedResponse.Error(429, """{"error":"Too Many Requests"}""", ("Retry-After", Start.AddMinutes(2).ToString("r", CultureInfo.InvariantCulture))),
            (3, _, _) => ScriptedResponse.Error(502, "<html>bad gateway</html>"),
            (_, "/api/2.0/customers", null) => Page("""
                {"id":"c-1","first_name":"Anna","last_name":"Lee","email":"anna.lee@example.com","phone":"021 555 0101","version":5},
                {"id":"c-2","email":"bob@example.com","version":"x"}
                """, max: 5),
            (_, "/api/2.0/customers", _) => ScriptedResponse.Error(403, """{"error":"Forbidden","message":"Scope customers:read missing"}"""),
            _ => EndPage(),
        });
        harness.Client.UnreadableRecordHandler = _ => { };

        var ex = Assert.ThrowsAsync<XSeriesAuthException>(async () =>
        {
            await foreach (var _ in harness.Client.GetCustomersAsync(null))
            {
            }
        });

        var text = harness.Logger.AllText + "\n" + ex;
        Assert.That(harness.Logger.Events.Select(e => e.Id.Name), Is.SupersetOf(new[]
        {
            "XSeriesTokenRefreshed", "XSeriesUnauthorized", "XSeriesRateLimited", "XSeriesTransientRetry", "XSeriesRecordUnreadable",
        }));
        Assert.That(text, Does.Not.Contain("access-").And.Not.Contain("refresh-").And.Not.Contain(SeedRefreshToken).And.Not.Contain(ClientSecret));
        Assert.That(text, Does.Not.Contain("anna.lee").And.Not.Contain("bob@").And.Not.Contain("555").And.Not.Contain("Anna"));
        Assert.That(text, Does.Not.Contain("page_size").And.Not.Contain("after="), "endpoints are logged without their query");
        Assert.That(harness.Store.Current.ToString(), Does.Not.Contain("refresh-").And.Not.Contain("access-"));
    }
}
