namespace Lightbridge.Core.Sharing;

/// <summary>The stores or the existing sharing folder cannot give a deployable result; the message names the file or store.</summary>
public sealed class SharingFolderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SharingFolderException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public SharingFolderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public SharingFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
