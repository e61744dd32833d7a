namespace Lightbridge.Emulators.Lightspeed.RateLimiting;

/// <summary>
/// Effective bucket parameters. Real 2026 model (shared/reference/lightspeed-api.md section 5): size 90 + 10 per
/// extra register, drip 1/s + 0.5/s per extra register. The burst limiter allows <see cref="BurstLimit"/> requests
/// per fixed window; we pick size × 2/9 (20 at size 90, matching the documented <c>X-LS-API-Burst-Level: 1/20</c>).
/// Fast mode multiplies the drip and divides the burst window by the time scale.
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
            burst,
            TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / scale)));
    }
}
