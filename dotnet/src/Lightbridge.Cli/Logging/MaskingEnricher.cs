using Serilog.Core;
using Serilog.Events;

namespace Lightbridge.Cli.Logging;

/// <summary>
/// Rewrites every property of every event through <see cref="SensitiveText"/>: a property named like a credential
/// is redacted whatever it holds, any other text has emails and phones masked and token-like values redacted. The
/// message is rendered from these properties, so the message text is masked too.
/// </summary>
internal sealed class MaskingEnricher : ILogEventEnricher
{
    /// <inheritdoc />
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var masked = SensitiveText.IsSecretName(name) ? new ScalarValue(SensitiveText.Redacted) : Mask(value);
            if (!ReferenceEquals(masked, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
            }
        }
    }

    /// <summary>Returns the same instance when nothing needed masking, so untouched events cost no allocation.</summary>
    private static LogEventPropertyValue Mask(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var masked = SensitiveText.Mask(text);
                return masked == text ? value : new ScalarValue(masked);
            case ScalarValue { Value: Uri uri }:
                var maskedUri = SensitiveText.Mask(uri.ToString());
                return maskedUri == uri.ToString() ? value : new ScalarValue(maskedUri);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Mask).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties
                    .Select(p => SensitiveText.IsSecretName(p.Name) ? new LogEventProperty(p.Name, new ScalarValue(SensitiveText.Redacted)) : new LogEventProperty(p.Name, Mask(p.Value)))
                    .ToList();
                return properties.Select(p => p.Value).SequenceEqual(structure.Properties.Select(p => p.Value)) ? value : new StructureValue(properties, structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Mask(e.Value))).ToList();
                return entries.Select(e => e.Value).SequenceEqual(dictionary.Elements.Select(e => e.Value)) ? value : new DictionaryValue(entries);
            default:
                return value;
        }
    }
}
