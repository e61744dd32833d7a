using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Scriban;
using Scriban.Runtime;

namespace Lightbridge.Cli.Alerts;

/// <summary>
/// Posts an alert to <c>Alerts:WebhookUrl</c> as JSON rendered from <c>Alerts:Template</c> (Scriban). The template
/// sees <c>condition</c>, <c>entity</c>, <c>summary</c>, <c>value</c>, <c>threshold</c>, <c>at</c> (ISO 8601),
/// <c>text</c> and <c>text_json</c> (the summary as a JSON string literal). A webhook that fails is logged; alerting
/// never stops the worker.
/// </summary>
internal sealed partial class WebhookAlertSink
{
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly Template _template;
    private readonly ILogger _log;

    public WebhookAlertSink(HttpClient http, Uri url, Template template, ILogger log)
    {
        _http = http;
        _url = url;
        _template = template;
        _log = log;
    }

    /// <summary>Parses the template; null with the problem when it does not parse.</summary>
    public static Template? Compile(string text, out string problem)
    {
        var template = Template.Parse(text);
        problem = template.HasErrors ? string.Join("; ", template.Messages.Select(m => m.Message)) : string.Empty;
        return template.HasErrors ? null : template;
    }

    /// <summary>Renders the body for <paramref name="alert"/>.</summary>
    public static string Render(Template template, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(alert);
        var model = new ScriptObject
        {
            ["condition"] = alert.Condition.ToString(),
            ["entity"] = alert.Entity,
            ["summary"] = alert.Summary,
            ["value"] = alert.Value,
            ["threshold"] = alert.Threshold,
            ["at"] = alert.At.ToString("O", CultureInfo.InvariantCulture),
            ["text"] = alert.Summary,
            ["text_json"] = JsonSerializer.Serialize(alert.Summary),
        };
        var context = new TemplateContext { MemberRenamer = m => m.Name, StrictVariables = false };
        context.PushGlobal(model);
        return template.Render(context);
    }

    /// <summary>Posts the alert; returns whether the webhook accepted it.</summary>
    public async Task<bool> SendAsync(Alert alert, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PostTimeout);
        try
        {
            using var content = new StringContent(Render(_template, alert), Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(_url, content, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(alert.Condition, (int)response.StatusCode);
                return false;
            }

            LogSent(alert.Condition, alert.Entity);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Scriban.Syntax.ScriptRuntimeException && !ct.IsCancellationRequested)
        {
            LogFailed(alert.Condition, ex.Message);
            return false;
        }
    }

    [LoggerMessage(EventId = 6501, EventName = "AlertSent", Level = LogLevel.Information, Message = "Alert {Condition} {Entity} sent")]
    private partial void LogSent(AlertCondition condition, string? entity);

    [LoggerMessage(EventId = 6502, EventName = "AlertRefused", Level = LogLevel.Warning, Message = "The alert webhook refused {Condition} with HTTP {StatusCode}")]
    private partial void LogRefused(AlertCondition condition, int statusCode);

    [LoggerMessage(EventId = 6503, EventName = "AlertFailed", Level = LogLevel.Warning, Message = "The alert webhook could not be reached for {Condition}: {Problem}")]
    private partial void LogFailed(AlertCondition condition, string problem);
}
