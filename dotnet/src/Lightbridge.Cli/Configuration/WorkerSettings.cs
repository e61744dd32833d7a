using Lightbridge.Cli.Alerts;
using Lightbridge.Cli.Webhooks;
using Lightbridge.Cli.Worker;
using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Configuration;

/// <summary>Everything <c>run</c> needs: what <c>sync</c> needs, plus schedules, resync events and the health URLs.</summary>
/// <param name="Sync">The clients, state, mapping and account settings.</param>
/// <param name="Schedules">One cron schedule per scheduled entity.</param>
/// <param name="HealthUrls">Where health, readiness, status and metrics are served.</param>
/// <param name="ResyncEvents">Whether to listen for resync requests (<c>Resync:Enabled</c>, default true).</param>
/// <param name="Alerts">The alert thresholds and webhook.</param>
/// <param name="AlertTemplate">The compiled webhook body template.</param>
/// <param name="Webhooks">Whether change notices (X-Series webhooks) are received, and their signing key.</param>
internal sealed record WorkerSettings(
    SyncSettings Sync,
    IReadOnlyList<EntitySchedule> Schedules,
    IReadOnlyList<string> HealthUrls,
    bool ResyncEvents,
    AlertSettings Alerts,
    Scriban.Template AlertTemplate,
    WebhookSettings Webhooks)
{
    /// <summary>Reads and checks every setting <c>run</c> uses; all problems are reported at once, each naming its setting.</summary>
    /// <exception cref="ConfigurationProblemException">One or more settings are missing or wrong.</exception>
    public static WorkerSettings Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        SyncSettings? sync = null;
        try
        {
            sync = SettingsReader.ReadSyncSettings(configuration);
        }
        catch (ConfigurationProblemException ex)
        {
            problems.AddRange(ProblemLines(ex));
        }

        var schedules = ScheduleSettings.Read(configuration, problems);
        var urls = HealthSettings.ReadUrls(configuration, problems);
        var enabledText = configuration["Resync:Enabled"];
        var enabled = true;
        if (!string.IsNullOrWhiteSpace(enabledText) && !bool.TryParse(enabledText, out enabled))
        {
            problems.Add($"Resync:Enabled: '{enabledText}' is not true or false.");
        }

        var alerts = AlertSettings.Read(configuration, problems);
        // Notices are signed with the app's client secret; with several accounts, the first X-Series account's.
        var appSecret = sync?.Accounts.Select(a => a.XSeries?.ClientSecret).FirstOrDefault(s => s is not null) ?? configuration["Lightspeed:ClientSecret"];
        var webhooks = WebhookSettings.Read(configuration, appSecret, problems);
        var template = WebhookAlertSink.Compile(alerts.Template, out var templateProblem);
        if (template is null)
        {
            problems.Add($"Alerts:Template: the template does not parse ({templateProblem}).");
        }

        if (problems.Count > 0 || sync is null || template is null)
        {
            throw new ConfigurationProblemException(problems);
        }

        return new WorkerSettings(sync, schedules, urls, enabled, alerts, template, webhooks);
    }

    /// <summary>The problems of a (possibly multi-problem) exception, one per line, so they join this list's.</summary>
    private static IEnumerable<string> ProblemLines(ConfigurationProblemException ex)
    {
        var lines = ex.Message.Split(Environment.NewLine);
        return lines.Length == 1 ? lines : lines.Skip(1).Select(l => l.Trim().TrimStart('-').Trim());
    }
}
