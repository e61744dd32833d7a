namespace Lightbridge.Sync.Mapping;

/// <summary>
/// A configured template failed on one record, or yielded a value its field cannot hold. The message names the object,
/// field and problem, never the record's values (they may be personal data); the pipeline turns it into a record
/// failure for the replay queue.
/// </summary>
public sealed class MappingEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MappingEvaluationException()
    {
        ObjectName = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public MappingEvaluationException(string message)
        : base(message)
    {
        ObjectName = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public MappingEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        ObjectName = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="objectName"/>.<paramref name="field"/>.</summary>
    public MappingEvaluationException(string objectName, string field, string problem, Exception? innerException = null)
        : base($"Mapping {objectName}.{field}: {problem}", innerException)
    {
        ObjectName = objectName;
        Field = field;
    }

    /// <summary>The target object.</summary>
    public string ObjectName { get; }

    /// <summary>The target field.</summary>
    public string Field { get; }
}
