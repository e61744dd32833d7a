namespace Lightbridge.Emulators.XSeries.Data;

/// <summary>Version-4-shaped UUIDs drawn from a seeded random, so the same seed gives the same ids.</summary>
internal sealed class IdSource(Random random)
{
    public string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
