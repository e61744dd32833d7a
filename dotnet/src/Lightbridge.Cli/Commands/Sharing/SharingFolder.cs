using Lightbridge.Core.Sharing;

namespace Lightbridge.Cli.Commands.Sharing;

/// <summary>The output folder on disk: reads the files the generator asks for and writes the planned ones.</summary>
internal sealed class SharingFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string? Read(string relativePath)
    {
        var path = PathOf(relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>
    /// Writes each file through a temporary file and a rename, so an interrupted run leaves every file either as it was or
    /// whole. UTF-8 without a byte-order mark and the generator's LF line ends, as the rest of the package.
    /// </summary>
    public void Write(IEnumerable<SharingFile> files)
    {
        foreach (var file in files)
        {
            var path = PathOf(file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, file.Content, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
    }

    private string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
