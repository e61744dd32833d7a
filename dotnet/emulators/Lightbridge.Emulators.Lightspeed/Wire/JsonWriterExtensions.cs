using System.Text.Json;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>Short-hands that write a property as the string the wire wants.</summary>
internal static class JsonWriterExtensions
{
    public static void Str(this Utf8JsonWriter w, string name, string value) => w.WriteString(name, value);

    public static void Id(this Utf8JsonWriter w, string name, long value) => w.WriteString(name, WireFormat.Int(value));

    public static void Bool(this Utf8JsonWriter w, string name, bool value) => w.WriteString(name, WireFormat.Bool(value));

    public static void Money(this Utf8JsonWriter w, string name, decimal value) => w.WriteString(name, WireFormat.Money(value));

    public static void Exact(this Utf8JsonWriter w, string name, decimal value) => w.WriteString(name, WireFormat.Exact(value));

    public static void Time(this Utf8JsonWriter w, string name, DateTimeOffset value) => w.WriteString(name, WireFormat.DateTime(value));

    /// <summary>
    /// Writes <c>"Container":{"Element":…}</c> with ONE element as an object and several as an array (reference
    /// section 9 item 1). An empty list is written as <c>""</c> (Contact parts) or left out (Sale relations), per
    /// <paramref name="emptyAsString"/> (section 9 item 2).
    /// </summary>
    public static void OneOrMany<T>(this Utf8JsonWriter w, string container, string element, IReadOnlyList<T> items, bool emptyAsString, Action<Utf8JsonWriter, T> write)
    {
        if (items.Count == 0)
        {
            if (emptyAsString)
            {
                w.WriteString(container, string.Empty);
            }

            return;
        }

        w.WriteStartObject(container);
        w.WritePropertyName(element);
        OneOrManyValue(w, items, write);
        w.WriteEndObject();
    }

    /// <summary>The value part only: an object for one item, an array otherwise.</summary>
    public static void OneOrManyValue<T>(Utf8JsonWriter w, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        if (items.Count == 1)
        {
            write(w, items[0]);
            return;
        }

        w.WriteStartArray();
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    }
}
