using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Lightbridge.XSeries.Tests.Support;

/// <summary>
/// A small Kestrel server on 127.0.0.1 (port chosen by the OS) that answers each request from the test's script, so
/// the client is exercised over real HTTP and the test sees exactly what went on the wire.
/// </summary>
internal sealed class ScriptedApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedApi(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    /// <summary>The API requests only (not the token endpoint), in arrival order.</summary>
    public IReadOnlyList<ScriptedRequest> ApiRequests => [.. Requests.Where(r => r.Path.StartsWith("/api/2.0/", StringComparison.Ordinal))];

    public static async Task<ScriptedApi> StartAsync(Func<ScriptedRequest, ScriptedResponse> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ScriptedApi? api = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var request = new ScriptedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType,
                body);
            api!.Requests.Enqueue(request);
            await WriteAsync(context, handler(request));
        });
        await app.StartAsync();
        api = new ScriptedApi(app, new Uri(app.Urls.First()));
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task WriteAsync(HttpContext context, ScriptedResponse response)
    {
        if (response.DropConnection)
        {
            // Promise a body, send part of it and cut the connection: the client cannot mistake it for an answer.
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 500;
            await context.Response.WriteAsync("{\"data\":[");
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body);
    }
}

/// <summary>A request as it arrived.</summary>
internal sealed record ScriptedRequest(string Method, string Path, string Query, string Authorization, string? ContentType, string Body)
{
    public string Target => Path + Query;

    /// <summary>One query parameter's value, or null when absent.</summary>
    public string? Param(string name) =>
        QueryHelpers.ParseQuery(Query).TryGetValue(name, out var values) ? values.ToString() : null;
}

/// <summary>What the script answers.</summary>
internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyList<(string Name, string Value)> Headers, bool DropConnection = false)
{
    public static ScriptedResponse Json(string body, params (string Name, string Value)[] headers) => new(200, body, headers);

    public static ScriptedResponse Error(int status, string body, params (string Name, string Value)[] headers) => new(status, body, headers);

    public static ScriptedResponse Drop() => new(0, string.Empty, [], DropConnection: true);
}
