using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>
/// Reads one wire DTO as the serializer would with <see cref="WireJson.Options"/>, in one pass and without its
/// general machinery: a member name matches ordinally, else ignoring case (as <c>PropertyNameCaseInsensitive</c>); a
/// member the DTO lacks is skipped; a repeated member's last value wins; each value goes through the converter the
/// serializer would call for that property (its <see cref="JsonConverterAttribute"/>, else the options' converter for
/// its type). The serializer spends most of a record's time on the bookkeeping this skips (about forty members per sale
/// and thirty-five per line, half of them unmapped).
/// </summary>
/// <typeparam name="T">The DTO.</typeparam>
internal sealed class WireDtoConverter<T> : JsonConverter<T>, IWireDtoConverter
    where T : class, new()
{
    private readonly Member[][] _byLength;
    private readonly Member[] _members;

    /// <summary>Binds <typeparamref name="T"/>'s properties to their names and converters.</summary>
    /// <exception cref="InvalidOperationException">A property is not read by a wire converter (the factory checks first).</exception>
    public WireDtoConverter(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var members = new List<Member>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            var converter = property.GetCustomAttribute<JsonConverterAttribute>() is { ConverterType: { } type }
                ? Activator.CreateInstance(type) as JsonConverter
                : options.GetConverter(property.PropertyType);
            if (converter is null || converter.GetType().Namespace != typeof(WireDtoConverterFactory).Namespace || !Ascii.IsValid(name)
                || members.Exists(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is not read by a wire converter under a name of its own.");
            }

            members.Add((Member)Activator.CreateInstance(typeof(Member<>).MakeGenericType(typeof(T), property.PropertyType), name, property, converter)!);
        }

        _members = [.. members];
        _byLength = new Member[members.Count == 0 ? 1 : members.Max(m => m.Utf8Name.Length) + 1][];
        for (var length = 0; length < _byLength.Length; length++)
        {
            _byLength[length] = [.. members.Where(m => m.Utf8Name.Length == length)];
        }
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The JSON value could not be converted to {typeof(T)}.");
        }

        var target = new T();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = Find(ref reader);
            reader.Read();
            if (member is null)
            {
                reader.Skip();
            }
            else
            {
                member.Read(ref reader, target, options);
            }
        }

        return target;
    }

    /// <summary>The wire DTOs are read, never written.</summary>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is read from the wire, never written.");

    private Member? Find(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            var name = reader.ValueSpan;
            var candidates = name.Length < _byLength.Length ? _byLength[name.Length] : [];
            foreach (var candidate in candidates)
            {
                if (name.SequenceEqual(candidate.Utf8Name))
                {
                    return candidate;
                }
            }

            // Equal ignoring case: an ASCII name only to an ASCII name of its length, byte for byte; a name that is not
            // ASCII may still fold onto one (a dotless i onto I), which only its text can tell.
            if (Ascii.IsValid(name))
            {
                foreach (var candidate in candidates)
                {
                    if (Ascii.EqualsIgnoreCase(name, candidate.Utf8Name))
                    {
                        return candidate;
                    }
                }

                return null;
            }
        }

        return FindByText(reader.GetString()!);
    }

    // Kept apart from Find: a lambda over the text there would allocate its closure on every call.
    private Member? FindByText(string text)
    {
        foreach (var comparison in (ReadOnlySpan<StringComparison>)[StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase])
        {
            foreach (var member in _members)
            {
                if (string.Equals(member.Name, text, comparison))
                {
                    return member;
                }
            }
        }

        return null;
    }

    private abstract class Member(string name)
    {
        public string Name { get; } = name;

        public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

        public abstract void Read(ref Utf8JsonReader reader, T target, JsonSerializerOptions options);
    }

    private sealed class Member<TValue>(string name, PropertyInfo property, JsonConverter converter) : Member(name)
    {
        private readonly JsonConverter<TValue> _converter = (JsonConverter<TValue>)converter;
        private readonly Action<T, TValue> _set = property.SetMethod!.CreateDelegate<Action<T, TValue>>();

        public override void Read(ref Utf8JsonReader reader, T target, JsonSerializerOptions options)
        {
            // As the serializer: a null goes to the converter only when it asks for nulls (every wire converter does).
            if (reader.TokenType == JsonTokenType.Null && !_converter.HandleNull)
            {
                _set(target, default!);
                return;
            }

            _set(target, _converter.Read(ref reader, typeof(TValue), options)!);
        }
    }
}
