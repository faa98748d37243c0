using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AttrFanout.Generated;

/// <summary>Turns a converter named by <c>[JsonConverter]</c>, created by generated code with <c>new</c>, into the typed converter JSON metadata takes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedJsonConverters
{
    /// <summary>Returns <paramref name="converter"/> as a converter of <typeparamref name="T"/>, asking it for one first when it is a factory.</summary>
    /// <typeparam name="T">The member or type the converter is declared on.</typeparam>
    /// <param name="converter">The converter, or a <see cref="JsonConverterFactory"/> that creates it.</param>
    /// <param name="options">The options the metadata is built for.</param>
    /// <returns>The converter of <typeparamref name="T"/>.</returns>
    /// <exception cref="InvalidOperationException">The converter cannot convert <typeparamref name="T"/>.</exception>
    public static JsonConverter<T> Create<T>(JsonConverter converter, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(converter);
        if (!converter.CanConvert(typeof(T)))
        {
            throw new InvalidOperationException($"The converter '{converter.GetType()}' named by [JsonConverter] cannot convert '{typeof(T)}'.");
        }

        if (converter is JsonConverterFactory factory)
        {
            converter = factory.CreateConverter(typeof(T), options)
                ?? throw new InvalidOperationException($"The converter factory '{factory.GetType()}' returned no converter for '{typeof(T)}'.");
        }

        return converter as JsonConverter<T>
            ?? throw new InvalidOperationException($"The converter '{converter.GetType()}' named by [JsonConverter] does not convert '{typeof(T)}'.");
    }
}
