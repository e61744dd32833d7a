namespace Lightbridge.Emulators.Lightspeed;

/// <summary>How the emulator enforces the R-Series leaky bucket (shared/reference/lightspeed-api.md section 5).</summary>
public enum BucketMode
{
    /// <summary>No limiting; the headers are still sent, reporting an empty bucket.</summary>
    Off,

    /// <summary>The real 2026 parameters: size 90 + 10 per extra register, drip 1/s + 0.5/s per extra register.</summary>
    Real,

    /// <summary>The real sizes with the drip multiplied (and burst windows shrunk) by <see cref="LightspeedEmulatorOptions.TimeScale"/>.</summary>
    Fast,
}
