using System.Diagnostics;
using Lightbridge.State;

namespace Lightbridge.Bench.Micro;

/// <summary>
/// The LiteDB state file holding the benchmark's identity index, built once per size in the temp folder and reused by
/// later runs (building a million entries takes minutes on a loaded machine); a file left half-built is rebuilt.
/// </summary>
internal static class IdentityStateFile
{
    public static StateStore Open(int size)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"identity-{size}-v1.db");
        var done = path + ".complete";
        if (!File.Exists(done))
        {
            File.Delete(path);
            var stopwatch = Stopwatch.StartNew();
            using (var build = StateStore.Open(new StateOptions { Path = path }, TimeProvider.System))
            {
                build.Identities.Upsert(IdentityFixture.Entries(size));
            }

            File.WriteAllText(done, $"{size} entries built in {stopwatch.Elapsed.TotalSeconds:0.0} s\n");
        }

        var state = StateStore.Open(new StateOptions { Path = path }, TimeProvider.System);
        if (state.Identities.Count() != size)
        {
            state.Dispose();
            File.Delete(done);
            throw new InvalidOperationException($"{path} does not hold {size} entries; it is rebuilt on the next run.");
        }

        return state;
    }
}
