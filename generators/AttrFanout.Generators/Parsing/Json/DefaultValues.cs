using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>Writes a constructor parameter's default value as a C# expression for <c>JsonParameterInfoValues.DefaultValue</c>.</summary>
internal static class DefaultValues
{
    public static string? Format(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        var type = SymbolNames.Fqn(parameter.Type);
        return parameter.ExplicitDefaultValue switch
        {
            null when parameter.Type.IsValueType && parameter.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T => $"default({type})",
            null => "null",
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            bool flag => flag ? "true" : "false",
            char character => SymbolDisplay.FormatLiteral(character, quote: true),
            decimal number => $"({type})({SymbolDisplay.FormatPrimitive(number, quoteStrings: false, useHexadecimalNumbers: false)}m)",
            double number when !IsFinite(number) => NonFinite(number, "global::System.Double"),
            float number when !IsFinite(number) => NonFinite(number, "global::System.Single"),
            var value => $"({type})({SymbolDisplay.FormatPrimitive(value, quoteStrings: false, useHexadecimalNumbers: false)})",
        };
    }

    private static bool IsFinite(double number) => !double.IsNaN(number) && !double.IsInfinity(number);

    private static string NonFinite(double number, string type) =>
        double.IsNaN(number) ? $"{type}.NaN" : number > 0 ? $"{type}.PositiveInfinity" : $"{type}.NegativeInfinity";
}
