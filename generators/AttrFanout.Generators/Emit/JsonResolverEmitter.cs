using AttrFanout.Generators.Model.Json;
using Microsoft.CodeAnalysis.Text;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes the assembly's <c>IJsonTypeInfoResolver</c>: reflection-free JSON metadata for its event payloads and the types they reach.</summary>
internal static class JsonResolverEmitter
{
    /// <summary>
    /// This emits:
    /// <code>
    /// public sealed class AttrFanoutJsonResolver : IJsonTypeInfoResolver
    /// {
    ///     public static readonly AttrFanoutJsonResolver Instance = new();
    ///     public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    ///     {
    ///         if (type == typeof(UserSignedUp)) return Create_Shop_UserSignedUp(options);
    ///         return null;
    ///     }
    ///     private static JsonTypeInfo&lt;UserSignedUp&gt; Create_Shop_UserSignedUp(JsonSerializerOptions options) => ...;
    /// }
    /// </code>
    /// </summary>
    public static SourceText Emit(JsonResolverModel model)
    {
        var names = JsonNames.FactoryNames(model.Types);
        var writer = new SourceWriter().WriteFileHeader();
        writer.WriteLine("#pragma warning disable CS0612, CS0618 // obsolete members are serialized like the others");
        writer.WriteLine("#pragma warning disable CS8619, CS8620 // metadata is typed without the nullable annotations of type arguments, e.g. List<string> for List<string?>").WriteLine();
        writer.WriteLine($"namespace {model.Assembly.ModuleNamespace};").WriteLine();
        writer.WriteLine($"/// <summary>The JSON metadata of the event payloads of <c>{model.Assembly.AssemblyName}</c> and of every type they reach, built without reflection.</summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine(GeneratedCode.HiddenAttribute);
        writer.OpenBlock($"public sealed class {JsonNames.ResolverTypeName} : {JsonNames.Metadata}.IJsonTypeInfoResolver");
        writer.WriteLine("/// <summary>The resolver's only instance.</summary>");
        writer.WriteLine($"public static readonly {JsonNames.ResolverTypeName} Instance = new();").WriteLine();
        writer.OpenBlock($"private {JsonNames.ResolverTypeName}()");
        writer.CloseBlock().WriteLine();
        WriteGetTypeInfo(writer, model, names);
        foreach (var type in model.Types)
        {
            writer.WriteLine();
            WriteFactory(writer, type, names);
        }

        var accessors = model.Types
            .Where(static t => t.Object is not null)
            .SelectMany(static t => t.Object!.Properties.Where(static p => p.HasInitAccessor).Select(p => (Property: p, t.Object!.IsValueType)))
            .GroupBy(static a => JsonNames.InitAccessor(a.Property), StringComparer.Ordinal)
            .OrderBy(static g => g.Key, StringComparer.Ordinal);
        foreach (var accessor in accessors)
        {
            writer.WriteLine();
            JsonObjectEmitter.WriteInitAccessor(writer, accessor.First().Property, accessor.First().IsValueType);
        }

        writer.CloseBlock();
        return writer.ToSourceText();
    }

    /// <summary>
    /// This emits:
    /// <code>
    /// public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    /// {
    ///     if (type == typeof(int)) { return Create_int(options); }
    ///     return null;
    /// }
    /// </code>
    /// </summary>
    private static void WriteGetTypeInfo(SourceWriter writer, JsonResolverModel model, IReadOnlyDictionary<string, string> names)
    {
        writer.WriteLine("/// <inheritdoc />");
        writer.OpenBlock($"public {JsonNames.Metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type, {JsonNames.Options} options)");
        foreach (var type in model.Types)
        {
            writer.OpenBlock($"if (type == typeof({type.Fqn}))");
            writer.WriteLine($"return {names[type.Fqn]}(options);");
            writer.CloseBlock().WriteLine();
        }

        writer.WriteLine("return null;");
        writer.CloseBlock();
    }

    /// <summary>
    /// This emits, for a value, an enum, a nullable and a collection:
    /// <code>
    /// private static JsonTypeInfo&lt;int&gt; Create_int(JsonSerializerOptions options) =>
    ///     JsonMetadataServices.CreateValueInfo&lt;int&gt;(options, JsonMetadataServices.Int32Converter);
    /// ... CreateValueInfo&lt;Color&gt;(options, JsonMetadataServices.GetEnumConverter&lt;Color&gt;(options));
    /// ... CreateValueInfo&lt;Status&gt;(options, new JsonStringEnumConverter&lt;Status&gt;().CreateConverter(typeof(Status), options)!);
    /// ... CreateValueInfo&lt;int?&gt;(options, JsonMetadataServices.GetNullableConverter&lt;int&gt;(Create_int(options)));
    /// ... CreateListInfo&lt;List&lt;string&gt;, string&gt;(options, new JsonCollectionInfoValues&lt;List&lt;string&gt;&gt; { ObjectCreator = static () => new List&lt;string&gt;() });
    /// ... CreateValueInfo&lt;Money&gt;(options, GeneratedJsonConverters.Create&lt;Money&gt;(new MoneyConverter(), options)); // [JsonConverter] on the type
    /// </code>
    /// </summary>
    private static void WriteFactory(SourceWriter writer, JsonTypeModel type, IReadOnlyDictionary<string, string> names)
    {
        if (type.Object is { } shape)
        {
            JsonObjectEmitter.Write(writer, type.Fqn, shape, names[type.Fqn]);
            return;
        }

        writer.WriteLine($"private static {JsonNames.Metadata}.JsonTypeInfo<{type.Fqn}> {names[type.Fqn]}({JsonNames.Options} options) =>");
        writer.Indent();
        switch (type.Kind)
        {
            case JsonTypeKind.Value:
                writer.WriteLine($"{JsonNames.Services}.CreateValueInfo<{type.Fqn}>(options, {JsonNames.Services}.{type.Converter});");
                break;
            case JsonTypeKind.Enum when type.Converter is not null:
                writer.WriteLine($"{JsonNames.Services}.CreateValueInfo<{type.Fqn}>(options, new global::System.Text.Json.Serialization.JsonStringEnumConverter<{type.Fqn}>().CreateConverter(typeof({type.Fqn}), options)!);");
                break;
            case JsonTypeKind.Enum:
                writer.WriteLine($"{JsonNames.Services}.CreateValueInfo<{type.Fqn}>(options, {JsonNames.Services}.GetEnumConverter<{type.Fqn}>(options));");
                break;
            case JsonTypeKind.Converted:
                writer.WriteLine($"{JsonNames.Services}.CreateValueInfo<{type.Fqn}>(options, {JsonNames.CreateConverter(type.Fqn, type.Converter!)});");
                break;
            case JsonTypeKind.Nullable:
                writer.WriteLine($"{JsonNames.Services}.CreateValueInfo<{type.Fqn}>(options, {JsonNames.Services}.GetNullableConverter<{type.ElementFqn}>({names[type.ElementFqn!]}(options)));");
                break;
            default:
                WriteCollection(writer, type);
                break;
        }

        writer.Unindent();
    }

    /// <summary>
    /// This emits, after <c>Create_...(JsonSerializerOptions options) =&gt;</c>:
    /// <code>
    /// JsonMetadataServices.CreateIDictionaryInfo&lt;IDictionary&lt;string, int&gt;, string, int&gt;(
    ///     options,
    ///     new JsonCollectionInfoValues&lt;IDictionary&lt;string, int&gt;&gt;
    ///     {
    ///         ObjectCreator = static () => new Dictionary&lt;string, int&gt;(),
    ///     });
    /// JsonMetadataServices.CreateImmutableEnumerableInfo&lt;ImmutableArray&lt;int&gt;, int&gt;(
    ///     options,
    ///     new JsonCollectionInfoValues&lt;ImmutableArray&lt;int&gt;&gt; { ObjectCreator = null, },
    ///     createRangeFunc: ImmutableArray.CreateRange);
    /// </code>
    /// </summary>
    private static void WriteCollection(SourceWriter writer, JsonTypeModel type)
    {
        var (factory, arguments) = type.Kind switch
        {
            JsonTypeKind.Array => ("CreateArrayInfo", type.ElementFqn),
            JsonTypeKind.List => ("CreateListInfo", $"{type.Fqn}, {type.ElementFqn}"),
            JsonTypeKind.IList => ("CreateIListInfo", $"{type.Fqn}, {type.ElementFqn}"),
            JsonTypeKind.ICollection => ("CreateICollectionInfo", $"{type.Fqn}, {type.ElementFqn}"),
            JsonTypeKind.IEnumerable => ("CreateIEnumerableInfo", $"{type.Fqn}, {type.ElementFqn}"),
            JsonTypeKind.Set => ("CreateISetInfo", $"{type.Fqn}, {type.ElementFqn}"),
            JsonTypeKind.Queue => ("CreateQueueInfo", $"{type.Fqn}, {type.ElementFqn}"),
            JsonTypeKind.Stack => ("CreateStackInfo", $"{type.Fqn}, {type.ElementFqn}"),
            JsonTypeKind.ImmutableEnumerable => ("CreateImmutableEnumerableInfo", $"{type.Fqn}, {type.ElementFqn}"),
            JsonTypeKind.Dictionary => ("CreateDictionaryInfo", $"{type.Fqn}, {type.KeyFqn}, {type.ElementFqn}"),
            JsonTypeKind.IDictionary => ("CreateIDictionaryInfo", $"{type.Fqn}, {type.KeyFqn}, {type.ElementFqn}"),
            JsonTypeKind.IReadOnlyDictionary => ("CreateIReadOnlyDictionaryInfo", $"{type.Fqn}, {type.KeyFqn}, {type.ElementFqn}"),
            JsonTypeKind.ImmutableDictionary => ("CreateImmutableDictionaryInfo", $"{type.Fqn}, {type.KeyFqn}, {type.ElementFqn}"),
            _ => throw new InvalidOperationException($"Unexpected JSON type kind {type.Kind}."),
        };

        var immutable = type.Kind is JsonTypeKind.ImmutableEnumerable or JsonTypeKind.ImmutableDictionary;
        writer.WriteLine($"{JsonNames.Services}.{factory}<{arguments}>(");
        writer.Indent();
        writer.WriteLine("options,");
        writer.WriteLine($"new {JsonNames.Metadata}.JsonCollectionInfoValues<{type.Fqn}>");
        writer.WriteLine("{").Indent();
        writer.WriteLine(type.CreatorFqn is null || immutable ? "ObjectCreator = null," : $"ObjectCreator = static () => new {type.CreatorFqn}(),");
        if (immutable)
        {
            writer.CloseBlock(",");
            writer.WriteLine($"createRangeFunc: {type.CreatorFqn});");
        }
        else
        {
            writer.CloseBlock(");");
        }

        writer.Unindent();
    }
}
