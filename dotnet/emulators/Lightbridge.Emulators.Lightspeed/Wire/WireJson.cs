using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>Creates the writers for response bodies. The relaxed encoder keeps <c>+00:00</c> and accents literal.</summary>
internal static class WireJson
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            body(w);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
