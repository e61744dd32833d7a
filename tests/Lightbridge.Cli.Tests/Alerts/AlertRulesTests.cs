using System.Text.Json;
using Lightbridge.Cli.Alerts;
using Lightbridge.Cli.Status;
using Lightbridge.Core.Failures;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Cli.Tests.Alerts;

[TestFixture]
public sealed class AlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void TryAcquire_SameConditionWithinTheCooldown_OnlyTheFirstIsSent()
    {
        var time = new FakeTimeProvider(Now);
        var cooldown = new AlertCooldown(TimeSpan.FromMinutes(30));

        Assert.That(cooldown.TryAcquire("Lag:Item", time.GetUtcNow()), Is.True);
        time.Advance(TimeSpan.FromMinutes(29));
        Assert.That(cooldown.TryAcquire("Lag:Item", time.GetUtcNow()), Is.False);
        Assert.That(cooldown.TryAcquire("Lag:Shop", time.GetUtcNow()), Is.True, "another entity is another alert");
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(cooldown.TryAcquire("Lag:Item", time.GetUtcNow()), Is.True, "the cool-down is over");
    }

    [Test]
    public void FromRun_FailedShareAboveThreshold_RaisesErrorRate()
    {
        var settings = Settings(("Alerts:ErrorRateThreshold", "0.1"));
        var bad = new SyncRunResult(SyncEntity.Item, "r1", RunStatus.PartiallyFailed, 100, 0, 80, 0, 20, 0, [], null, true, 1, 1);
        var fine = bad with { Created = 95, Failed = 5 };

        var alerts = AlertDetector.FromRun(bad, settings, Now).ToList();

        Assert.That(alerts.Select(a => (a.Condition, a.Entity, a.Value)), Is.EqualTo(new[] { (AlertCondition.ErrorRate, (string?)"Item", 0.2) }));
        Assert.That(AlertDetector.FromRun(fine, settings, Now), Is.Empty);
    }

    [Test]
    public void FromStatus_QueueLagAndApiUsageAboveThresholds_RaiseOneAlertEach()
    {
        var settings = Settings(("Alerts:QueueDepthThreshold", "10"), ("Alerts:LagThresholdSeconds", "600"), ("Alerts:ApiUsageThreshold", "0.5"));
        var report = new StatusReport(
            "state.db",
            Now,
            [new CheckpointStatus("1", "Item", Now.AddHours(-1), TimeSpan.FromHours(1), Now), new CheckpointStatus("1", "Shop", Now.AddMinutes(-1), TimeSpan.FromMinutes(1), Now)],
            11,
            [new QueueCountStatus("Item", "RequiredFieldMissing", 11)],
            [],
            new ApiUsageStatus(DateOnly.FromDateTime(Now.UtcDateTime), 0, 0));

        var alerts = AlertDetector.FromStatus(report, new Lightbridge.Salesforce.ApiUsage(600, 1000), settings, Now).ToList();

        Assert.That(alerts.Select(a => a.Key), Is.EqualTo(new[] { "QueueDepth", "Lag:Item", "ApiUsage" }));
    }

    [Test]
    public void Render_DefaultTemplate_IsSlackAndTeamsCompatibleJson()
    {
        var template = WebhookAlertSink.Compile(AlertSettings.DefaultTemplate, out var problem);
        Assert.That(problem, Is.Empty);
        var alert = new Alert(AlertCondition.Lag, "Item", "Lightbridge: Item is \"60\" minutes behind", 3600, 600, Now);

        using var json = JsonDocument.Parse(WebhookAlertSink.Render(template!, alert));

        Assert.That(json.RootElement.GetProperty("text").GetString(), Is.EqualTo(alert.Summary));
    }

    [Test]
    public void Compile_BrokenTemplate_ReportsTheProblem()
    {
        Assert.That(WebhookAlertSink.Compile("{\"text\": {{ end }}}", out var problem), Is.Null);
        Assert.That(problem, Is.Not.Empty);
    }

    private static AlertSettings Settings(params (string Key, string Value)[] values)
    {
        var problems = new List<string>();
        var settings = AlertSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(), problems);
        Assert.That(problems, Is.Empty);
        return settings;
    }
}
