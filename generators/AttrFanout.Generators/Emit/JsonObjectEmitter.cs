using AttrFanout.Generators.Model.Json;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes the JSON metadata of one class, record or struct: how it is created and how each member is read and written.</summary>
internal static class JsonObjectEmitter
{
    /// <summary>
    /// This emits:
    /// <code>
    /// private static JsonTypeInfo&lt;UserSignedUp&gt; Create_Shop_UserSignedUp(JsonSerializerOptions options)
    /// {
    ///     var values = new JsonObjectInfoValues&lt;UserSignedUp&gt;
    ///     {
    ///         ObjectWithParameterizedConstructorCreator = static args => new UserSignedUp((string)args[0]!, (string)args[1]!),
    ///         ConstructorParameterMetadataInitializer = static () => new JsonParameterInfoValues[] { new() { Name = "UserId", ... }, ... },
    ///         PropertyMetadataInitializer = _ => { var properties = new JsonPropertyInfo[2]; properties[0] = JsonMetadataServices.CreatePropertyInfo&lt;string&gt;(...); ... },
    ///     };
    ///     return JsonMetadataServices.CreateObjectInfo(options, values);
    /// }
    /// </code>
    /// </summary>
    public static void Write(SourceWriter writer, string fqn, JsonObjectModel shape, string factoryName)
    {
        writer.OpenBlock($"private static {JsonNames.Metadata}.JsonTypeInfo<{fqn}> {factoryName}({JsonNames.Options} options)");
        writer.WriteLine($"var values = new {JsonNames.Metadata}.JsonObjectInfoValues<{fqn}>");
        writer.WriteLine("{").Indent();
        if (shape.IsAbstract)
        {
            writer.WriteLine("ObjectCreator = null,");
        }
        else if (shape.UsesParameters)
        {
            writer.WriteLine($"ObjectWithParameterizedConstructorCreator = static args => {Creation(fqn, shape)},");
            WriteParameters(writer, shape);
        }
        else
        {
            writer.WriteLine($"ObjectCreator = static () => new {fqn}(),");
        }

        WriteProperties(writer, fqn, shape);
        writer.CloseBlock(";");
        if (shape.NumberHandling is not null || shape.CreationHandling is not null || shape.UnmappedMemberHandling is not null)
        {
            writer.WriteLine($"var info = {JsonNames.Services}.CreateObjectInfo(options, values);");
            if (shape.NumberHandling is { } numberHandling)
            {
                writer.WriteLine($"info.NumberHandling = {numberHandling};");
            }

            if (shape.CreationHandling is { } creationHandling)
            {
                writer.WriteLine($"info.PreferredPropertyObjectCreationHandling = {creationHandling};");
            }

            if (shape.UnmappedMemberHandling is { } unmappedMemberHandling)
            {
                writer.WriteLine($"info.UnmappedMemberHandling = {unmappedMemberHandling};");
            }

            writer.WriteLine("return info;");
        }
        else
        {
            writer.WriteLine($"return {JsonNames.Services}.CreateObjectInfo(options, values);");
        }

        writer.CloseBlock();
    }

    private static string Creation(string fqn, JsonObjectModel shape)
    {
        var arguments = new List<string>();
        var initializers = new List<string>();
        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            var parameter = shape.Parameters[i];
            var value = $"({parameter.TypeFqn})args[{i}]!";
            if (parameter.IsMemberInitializer)
            {
                initializers.Add($"{JsonNames.Identifier(parameter.Name)} = {value}");
            }
            else
            {
                arguments.Add(value);
            }
        }

        var creation = $"new {fqn}({string.Join(", ", arguments)})";
        return initializers.Count == 0 ? creation : $"{creation} {{ {string.Join(", ", initializers)} }}";
    }

    /// <summary>
    /// This emits:
    /// <code>
    /// ConstructorParameterMetadataInitializer = static () => new JsonParameterInfoValues[]
    /// {
    ///     new() { Name = "UserId", ParameterType = typeof(string), Position = 0, HasDefaultValue = false, DefaultValue = null },
    ///     new() { Name = "Note", ParameterType = typeof(string), Position = 1, IsMemberInitializer = true },
    /// },
    /// </code>
    /// </summary>
    private static void WriteParameters(SourceWriter writer, JsonObjectModel shape)
    {
        writer.WriteLine($"ConstructorParameterMetadataInitializer = static () => new {JsonNames.Metadata}.JsonParameterInfoValues[]");
        writer.WriteLine("{").Indent();
        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            var parameter = shape.Parameters[i];
            var tail = parameter.IsMemberInitializer
                ? "IsMemberInitializer = true"
                : parameter.DefaultValue is { } value
                    ? $"HasDefaultValue = true, DefaultValue = {value}"
                    : "HasDefaultValue = false, DefaultValue = null";
            writer.WriteLine($"new() {{ Name = {GeneratedCode.Literal(parameter.Name)}, ParameterType = typeof({parameter.TypeFqn}), Position = {i}, {tail} }},");
        }

        writer.CloseBlock(",");
    }

    /// <summary>
    /// This emits:
    /// <code>
    /// PropertyMetadataInitializer = _ =>
    /// {
    ///     var properties = new JsonPropertyInfo[1];
    ///     properties[0] = JsonMetadataServices.CreatePropertyInfo&lt;decimal&gt;(options, new JsonPropertyInfoValues&lt;decimal&gt;
    ///     {
    ///         IsProperty = true, IsPublic = true, DeclaringType = typeof(Order), PropertyName = "Total", JsonPropertyName = "total",
    ///         Getter = static obj => ((Order)obj).Total,
    ///         Setter = static (obj, value) => ((Order)obj).Total = value!,
    ///     });
    ///     properties[0].IsRequired = true;
    ///     properties[0].Order = 1;
    ///     return properties;
    /// },
    /// </code>
    /// </summary>
    private static void WriteProperties(SourceWriter writer, string fqn, JsonObjectModel shape)
    {
        writer.WriteLine("PropertyMetadataInitializer = _ =>");
        writer.WriteLine("{").Indent();
        writer.WriteLine($"var properties = new {JsonNames.Metadata}.JsonPropertyInfo[{shape.Properties.Count}];");
        for (var i = 0; i < shape.Properties.Count; i++)
        {
            var property = shape.Properties[i];
            var member = JsonNames.Identifier(property.Name);
            writer.WriteLine($"properties[{i}] = {JsonNames.Services}.CreatePropertyInfo<{property.TypeFqn}>(options, new {JsonNames.Metadata}.JsonPropertyInfoValues<{property.TypeFqn}>");
            writer.WriteLine("{").Indent();
            writer.WriteLine($"IsProperty = {(property.IsProperty ? "true" : "false")},");
            writer.WriteLine("IsPublic = true,");
            if (!property.IsProperty)
            {
                writer.WriteLine("HasJsonInclude = true,");
            }
            writer.WriteLine($"DeclaringType = typeof({property.DeclaringTypeFqn}),");
            writer.WriteLine($"PropertyName = {GeneratedCode.Literal(property.Name)},");
            if (property.JsonName is { } jsonName)
            {
                writer.WriteLine($"JsonPropertyName = {GeneratedCode.Literal(jsonName)},");
            }

            writer.WriteLine($"Getter = static obj => (({fqn})obj).{member},");
            if (property.HasSetter)
            {
                var target = shape.IsValueType ? $"global::System.Runtime.CompilerServices.Unsafe.Unbox<{fqn}>(obj)" : $"(({fqn})obj)";
                writer.WriteLine($"Setter = static (obj, value) => {target}.{member} = value!,");
            }
            else if (property.HasInitAccessor)
            {
                var target = shape.IsValueType ? $"ref global::System.Runtime.CompilerServices.Unsafe.Unbox<{fqn}>(obj)" : $"({property.DeclaringTypeFqn})obj";
                writer.WriteLine($"Setter = static (obj, value) => {JsonNames.InitAccessor(property)}({target}, value!),");
            }
            else if (property.IsRequired)
            {
                writer.WriteLine($"Setter = static (obj, value) => throw new global::System.InvalidOperationException({GeneratedCode.Literal(property.Name + " is set when the object is created.")}),");
            }

            if (property.IgnoreCondition is { } condition)
            {
                writer.WriteLine($"IgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.{condition},");
            }

            if (property.Options is { } options)
            {
                WriteOptions(writer, property.TypeFqn, options);
            }

            writer.CloseBlock(");");
            if (property.IsRequired)
            {
                writer.WriteLine($"properties[{i}].IsRequired = true;");
            }

            if (property.Order != 0)
            {
                writer.WriteLine($"properties[{i}].Order = {property.Order};");
            }

            if (property.Options?.CreationHandling is { } creationHandling)
            {
                writer.WriteLine($"properties[{i}].ObjectCreationHandling = {creationHandling};");
            }
        }

        writer.WriteLine("return properties;");
        writer.CloseBlock(",");
    }

    /// <summary>
    /// This emits, inside <c>new JsonPropertyInfoValues&lt;T&gt; { ... }</c>:
    /// <code>
    /// Converter = GeneratedJsonConverters.Create&lt;T&gt;(new MoneyConverter(), options),
    /// NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString,
    /// IsExtensionData = true,
    /// </code>
    /// </summary>
    private static void WriteOptions(SourceWriter writer, string typeFqn, JsonMemberOptions options)
    {
        if (options.ConverterFqn is { } converter)
        {
            writer.WriteLine($"Converter = {JsonNames.CreateConverter(typeFqn, converter)},");
        }

        if (options.NumberHandling is { } numberHandling)
        {
            writer.WriteLine($"NumberHandling = {numberHandling},");
        }

        if (options.IsExtensionData)
        {
            writer.WriteLine("IsExtensionData = true,");
        }
    }

    /// <summary>
    /// This emits:
    /// <code>
    /// [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Level")]
    /// private static extern void SetInit_Shop_Order_Level(global::Shop.Order target, int value);
    /// </code>
    /// for a <c>[JsonInclude]</c>d member whose <c>init</c> accessor or setter is <c>private</c> or <c>protected</c>
    /// (a public <c>init</c> member is set in the object initializer instead).
    /// </summary>
    public static void WriteInitAccessor(SourceWriter writer, JsonPropertyModel property, bool isValueType)
    {
        var target = isValueType ? $"ref {property.DeclaringTypeFqn}" : property.DeclaringTypeFqn;
        writer.WriteLine($"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = {GeneratedCode.Literal("set_" + property.Name)})]");
        writer.WriteLine($"private static extern void {JsonNames.InitAccessor(property)}({target} target, {property.TypeFqn} value);");
    }
}
