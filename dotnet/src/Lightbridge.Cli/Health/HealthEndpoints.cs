using System.Text.Json;
using Lightbridge.Cli.Status;
using Lightbridge.Sync.Sources;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lightbridge.Cli.Health;

/// <summary>
/// The worker's HTTP surface on <c>Health:Urls</c>: <c>/healthz</c> (the process is up), <c>/readyz</c> (both APIs
/// reachable and authenticated), <c>/status</c> (what <c>lightbridge status --json</c> prints, for when the state
/// file is held by this worker) and <c>/metrics</c> (Prometheus text).
/// </summary>
internal static class HealthEndpoints
{
    private const string PrometheusTextType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken ct) =>
        {
            var result = await probe.CheckAsync(ct).ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new
            {
                ready = result.Ready,
                lightspeed = new { ready = result.LightspeedReady, problem = result.LightspeedProblem },
                salesforce = new { ready = result.SalesforceReady, problem = result.SalesforceProblem },
            });
            return Results.Text(body, "application/json", statusCode: result.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/status", (StateStore state, TimeProvider time) =>
            Results.Text(StatusJson.Serialize(StatusReportBuilder.Build(state, time)), "application/json"));
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            var services = context.RequestServices;
            var metrics = services.GetRequiredService<WorkerMetrics>();
            var state = services.GetRequiredService<StateStore>();
            var jobs = Enum.GetValues<ResyncJobStatus>().ToDictionary(s => s, s => state.ResyncJobs.Count(s));
            metrics.Refresh(
                StatusReportBuilder.Build(state, services.GetRequiredService<TimeProvider>()),
                jobs,
                services.GetRequiredService<IReadOnlyList<ISourceReader>>(),
                services.GetRequiredService<SalesforceClient>());
            context.Response.ContentType = PrometheusTextType;
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
    }
}
