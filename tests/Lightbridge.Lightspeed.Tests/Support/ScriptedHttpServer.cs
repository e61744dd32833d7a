using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lightbridge.Lightspeed.Tests.Support;

/// <summary>
/// A tiny real HTTP/1.1 server on 127.0.0.1 (port chosen by the OS) that answers from a script, so client
/// tests see exactly what goes on the wire. One request per connection (<c>Connection: close</c>).
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ScriptedRequest, ScriptedResponse> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedHttpServer(Func<ScriptedRequest, ScriptedResponse> handler)
    {
        _handler = handler;
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _loop = AcceptLoopAsync();
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            if (head is null)
            {
                return;
            }

            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            var body = string.Empty;
            if (headers.TryGetValue("Content-Length", out var lengthText) && int.Parse(lengthText, CultureInfo.InvariantCulture) is > 0 and var length)
            {
                var buffer = new byte[length];
                await stream.ReadExactlyAsync(buffer);
                body = Encoding.UTF8.GetString(buffer);
            }

            var request = new ScriptedRequest(requestLine[0], requestLine[1], headers, body);
            Requests.Enqueue(request);
            var response = _handler(request);
            if (response.DropConnection)
            {
                // The connection dies half-way through the body: the client cannot mistake it for an answer,
                // and HttpClient cannot replay it on its own.
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"@attri"));
                await stream.FlushAsync();
                client.Client.LingerState = new LingerOption(true, 0);
                return;
            }

            var payload = Encoding.UTF8.GetBytes(response.Body);
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {(HttpStatusCode)response.Status}\r\n")
                .Append("Content-Type: application/json\r\n")
                .Append(CultureInfo.InvariantCulture, $"Content-Length: {payload.Length}\r\n")
                .Append("Connection: close\r\n");
            foreach (var (name, value) in response.Headers)
            {
                text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }

            text.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()));
            await stream.WriteAsync(payload);
            await stream.FlushAsync();
        }
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
            {
                return Encoding.ASCII.GetString([.. bytes], 0, bytes.Count - 4);
            }
        }

        return null;
    }
}

/// <summary>A request as it arrived: the raw target keeps the query string exactly as sent.</summary>
internal sealed record ScriptedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => Target.Split('?')[0];

    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;
}

/// <summary>What the script answers.</summary>
internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers, bool DropConnection = false)
{
    public static ScriptedResponse Json(string body, params (string Name, string Value)[] headers) =>
        new(200, body, [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))]);

    public static ScriptedResponse Error(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))]);

    public static ScriptedResponse Drop() => new(0, string.Empty, [], DropConnection: true);
}
