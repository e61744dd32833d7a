using System.Globalization;

namespace Lightbridge.Bench;

/// <summary>
/// The machine's one-minute load average (from <c>/proc/loadavg</c>), recorded next to each figure: the cores are shared,
/// so a figure means little without it. NaN where the file does not exist.
/// </summary>
internal static class LoadAverage
{
    public static double OneMinute()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
        catch (UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }
}
