namespace Lightbridge.Emulators.Lightspeed.RateLimiting;

/// <summary>
/// Effective bucket parameters. Real 2026 model (shared/reference/lightspeed-api.md section 5): size 90 + 10 per
/// extra register, drip 1/s + 0.5/s per extra register. The burst limiter allows <see cref="BurstLimit"/> requests
/// per fixed window; we pick size × 2/9 (20 at size 90, matching the documented <c>X-LS-API-Burst-Level: 1/20</c>).
/// Fast mode multiplies the drip and the burst limit by the time scale and keeps the one-second window, so every
/// header still speaks of real seconds: a client that paces itself by the headers alone (as it must against the
/// real API) sees a faster bucket, not a burst window it has no way to know about.
/// </summary>
internal sealed record RateLimitSettings(bool Enabled, double Size, double DripPerSecond, int BurstLimit, TimeSpan BurstWindow)
{
    public static RateLimitSettings For(int registerCount, BucketMode mode, double timeScale)
    {
        var extra = Math.Max(registerCount, 1) - 1;
        var size = 90 + (10 * extra);
        var drip = 1 + (0.5 * extra);
        var burst = Math.Max(1, size * 2 / 9);
        var scale = mode == BucketMode.Fast ? timeScale : 1;
        return new RateLimitSettings(
            mode != BucketMode.Off,
            size,
            drip * scale,
            (int)Math.Max(1, Math.Floor(burst * scale)),
            TimeSpan.FromSeconds(1));
    }
}
