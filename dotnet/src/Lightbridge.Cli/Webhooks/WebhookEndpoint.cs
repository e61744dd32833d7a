using System.Text;
using Lightbridge.Cli.Worker;
using Lightbridge.Core.Failures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Cli.Webhooks;

/// <summary>
/// <c>POST /webhooks/lightspeed</c>: X-Series change notices (form-encoded <c>type</c> and <c>payload</c>). A notice
/// is only a trigger: it wakes the worker for an incremental pass of its entity, which reads every change since the
/// checkpoint through the <c>version</c> cursor. Its payload (the API 1.0 shape of one record) is never trusted as
/// data, so a lost, late, repeated or forged notice can cost at most an extra pass. Answered at once: X-Series
/// waits 5 seconds for a 2xx before it retries.
/// </summary>
internal static partial class WebhookEndpoint
{
    /// <summary>Where notices are received.</summary>
    public const string Path = "/webhooks/lightspeed";

    /// <summary>The largest body read; a notice carries one record.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The entity each notice type announces; other types are acknowledged and ignored.</summary>
    public static SyncEntity? EntityOf(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        "sale.update" => SyncEntity.Sale,
        "customer.update" => SyncEntity.Customer,
        "product.update" => SyncEntity.Item,
        "inventory.update" => SyncEntity.ItemShop,
        _ => null,
    };

    public static void Map(WebApplication app, WebhookSettings settings, ChangeNoticeSignal notices, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        app.MapPost(Path, async (HttpContext context) =>
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            var header = context.Request.Headers[WebhookSignature.Header].ToString();
            if (settings.Secret is { } secret && (settings.RequireSignature || header.Length > 0) && !WebhookSignature.Verify(header, body, secret))
            {
                LogRefused(log, header.Length == 0 ? "unsigned" : "bad signature");
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            var type = form.TryGetValue("type", out var types) ? types.ToString() : null;
            if (string.IsNullOrWhiteSpace(type))
            {
                LogRefused(log, "no type");
                return Results.BadRequest("A notice has a 'type' field.");
            }

            if (EntityOf(type) is { } entity)
            {
                notices.Notify(entity);
                LogNoticed(log, type, entity);
            }
            else
            {
                LogIgnored(log, type);
            }

            return Results.Ok();
        });
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 6301, EventName = "WebhookNoticed", Level = LogLevel.Information,
        Message = "Change notice {Type}: an incremental {Entity} pass is scheduled now")]
    private static partial void LogNoticed(ILogger log, string type, SyncEntity entity);

    [LoggerMessage(EventId = 6302, EventName = "WebhookIgnored", Level = LogLevel.Debug,
        Message = "Change notice {Type} does not concern a synced entity; acknowledged")]
    private static partial void LogIgnored(ILogger log, string type);

    [LoggerMessage(EventId = 6303, EventName = "WebhookRefused", Level = LogLevel.Warning,
        Message = "A change notice was refused: {Reason}")]
    private static partial void LogRefused(ILogger log, string reason);
}
