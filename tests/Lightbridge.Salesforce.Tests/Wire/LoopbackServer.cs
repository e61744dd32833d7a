using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce.Tests.Wire;

/// <summary>
/// A scripted HTTP server on 127.0.0.1 (port chosen by the OS) that answers as each test tells it. It checks the
/// client's wire behaviour over real sockets; fidelity to Salesforce is the emulator's job, tested elsewhere.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>The <c>HttpContext.Items</c> key under which handlers find the server.</summary>
    public const string ItemKey = "loopback-server";

    private readonly WebApplication _app;
    private int _tokens;

    private LoopbackServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Numbers the tokens this server hands out: 1, 2, …</summary>
    public int NextTokenNumber() => Interlocked.Increment(ref _tokens);

    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, HttpResponse, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var request = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType,
                body,
                context.Request.HasFormContentType ? QueryHelpers.ParseQuery(body).ToDictionary(f => f.Key, f => f.Value.ToString()) : null);
            server!.Requests.Enqueue(request);
            context.Items[ItemKey] = server;
            await handler(request, context.Response);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
