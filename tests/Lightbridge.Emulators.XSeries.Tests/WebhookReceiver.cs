using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Emulators.XSeries.Tests;

/// <summary>A subscriber on loopback that records every delivery (raw body, content type, signature header).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Delivery> _received = Channel.CreateUnbounded<Delivery>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            await receiver._received.Writer.WriteAsync(new Delivery(
                buffer.ToArray(),
                context.Request.ContentType ?? string.Empty,
                context.Request.Headers["X-Signature"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(bound), "/hook");
        return receiver;
    }

    /// <summary>The next delivery, waiting up to 20 s.</summary>
    public async Task<Delivery> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True when nothing else has arrived yet (no waiting).</summary>
    public bool TryTake(out Delivery? delivery) => _received.Reader.TryRead(out delivery);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Delivery(byte[] Body, string ContentType, string Signature)
    {
        public IReadOnlyDictionary<string, string> Form =>
            QueryHelpersLite.ParseForm(System.Text.Encoding.UTF8.GetString(Body));
    }
}

/// <summary>Parses an <c>application/x-www-form-urlencoded</c> body.</summary>
public static class QueryHelpersLite
{
    public static IReadOnlyDictionary<string, string> ParseForm(string body) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
}
