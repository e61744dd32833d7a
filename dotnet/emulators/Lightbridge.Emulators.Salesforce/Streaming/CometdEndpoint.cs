using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Hosting;
using Lightbridge.Emulators.Salesforce.Rest;
using Microsoft.AspNetCore.Http;

namespace Lightbridge.Emulators.Salesforce.Streaming;

/// <summary>
/// HTTP for <c>POST /cometd/NN.N</c>: the version is required, the body is one message or an array, the bearer token
/// is checked on every request, and the BAYEUX_BROWSER cookie is set at handshake and demanded afterwards.
/// </summary>
internal sealed class CometdEndpoint
{
    private const string BrowserCookie = "BAYEUX_BROWSER";

    private readonly EmulatorState _state;

    public CometdEndpoint(EmulatorState state, CometdServer server)
    {
        _state = state;
        Server = server;
    }

    public CometdServer Server { get; }

    public async Task HandleAsync(HttpContext context)
    {
        var version = context.Request.RouteValues["version"]?.ToString() ?? "";
        if (!decimal.TryParse(version, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number < 20m || number > decimal.Parse(_state.ApiVersion, CultureInfo.InvariantCulture))
        {
            context.Response.StatusCode = 404;
            return;
        }

        JsonArray messages;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            messages = body as JsonArray ?? (body is JsonObject single ? new JsonArray(single.DeepClone()) : []);
        }
        catch (JsonException)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase)
            ? header[(header.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim()
            : null;
        _state.Counters.Increment("cometd");
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _state.Stopping.Token);
        var (replies, setBrowser) = await Server.HandleAsync(messages, _state.Sessions.IsValid(token), context.Request.Cookies[BrowserCookie], wait.Token);
        if (setBrowser is not null)
        {
            context.Response.Cookies.Append(BrowserCookie, setBrowser, new CookieOptions { Path = "/", HttpOnly = true });
        }

        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(replies.ToJsonString(WireJson.Options), CancellationToken.None);
    }
}
