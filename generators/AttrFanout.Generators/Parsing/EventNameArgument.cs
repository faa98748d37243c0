using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.Generators.Parsing;

/// <summary>
/// Reads the event name an <c>[OnEvent]</c> subscribes to from the argument as written, so the generator and the analyzers
/// agree on it although only the analyzers see the generated <c>EventName</c> constants: <c>T.EventName</c> of an
/// <c>[Event]</c> type T is T's event name, whether or not the constant exists yet.
/// </summary>
/// <remarks>
/// The forms read: string literals, <c>+</c> and interpolation of them, <c>T.EventName</c> (qualified, aliased or, inside T,
/// unqualified), named constants whose initializers are of these forms, and constant expressions that name nothing. Anything
/// else is undetermined (AF0021), as is an <c>EventName</c> of an <c>[Event]</c> type reached otherwise (<c>using static</c>),
/// which the generator cannot tell from a missing member.
/// </remarks>
internal static class EventNameArgument
{
    private const string EventNameMember = "EventName";
    private const int MaxConstantDepth = 32;

    /// <summary>The event name of <paramref name="attribute"/>, an <c>[OnEvent]</c> applied in source or read from metadata.</summary>
    /// <param name="model">The semantic model of the attribute's syntax tree, when the caller has it at hand.</param>
    public static EventNameValue Read(AttributeData attribute, Compilation compilation, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind != TypedConstantKind.Error
                ? EventNameValue.Determined(attribute.ConstructorArguments[0].Value as string)
                : EventNameValue.Undetermined;
        }

        var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(static a => a.NameEquals is null);
        if (argument is null)
        {
            return EventNameValue.Determined(null);
        }

        return new Reader(compilation, model, cancellationToken).Read(argument.Expression, 0);
    }

    private readonly struct Reader(Compilation compilation, SemanticModel? known, CancellationToken cancellationToken)
    {
        public EventNameValue Read(ExpressionSyntax expression, int depth) => expression switch
        {
            LiteralExpressionSyntax literal => Literal(literal),
            ParenthesizedExpressionSyntax parenthesized => Read(parenthesized.Expression, depth),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => Concatenation(binary, depth),
            InterpolatedStringExpressionSyntax interpolated => Interpolation(interpolated, depth),
            SimpleNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax or MemberAccessExpressionSyntax => Name(expression, depth),
            _ => WithoutNames(expression),
        };

        /// <summary>Any other constant expression that names nothing, e.g. <c>true ? "a" : "b"</c>: its value is the same with or without generated code.</summary>
        private EventNameValue WithoutNames(ExpressionSyntax expression) =>
            !expression.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any() &&
            ModelOf(expression.SyntaxTree).GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string or null } constant
                ? EventNameValue.Determined(constant.Value as string)
                : EventNameValue.Undetermined;

        private static EventNameValue Literal(LiteralExpressionSyntax literal) => literal.Kind() switch
        {
            SyntaxKind.StringLiteralExpression => EventNameValue.Determined(literal.Token.ValueText),
            SyntaxKind.NullLiteralExpression => EventNameValue.Determined(null),
            _ => EventNameValue.Undetermined,
        };

        private EventNameValue Concatenation(BinaryExpressionSyntax binary, int depth)
        {
            var left = Read(binary.Left, depth);
            var right = Read(binary.Right, depth);
            return left.IsDetermined && right.IsDetermined && (left.Name is not null || right.Name is not null)
                ? EventNameValue.Determined(left.Name + right.Name)
                : EventNameValue.Undetermined;
        }

        private EventNameValue Interpolation(InterpolatedStringExpressionSyntax interpolated, int depth)
        {
            var text = new System.Text.StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                switch (content)
                {
                    case InterpolatedStringTextSyntax part:
                        text.Append(part.TextToken.ValueText);
                        break;
                    case InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole when Read(hole.Expression, depth) is { IsDetermined: true } value:
                        text.Append(value.Name);
                        break;
                    default:
                        return EventNameValue.Undetermined;
                }
            }

            return EventNameValue.Determined(text.ToString());
        }

        private EventNameValue Name(ExpressionSyntax expression, int depth)
        {
            var model = ModelOf(expression.SyntaxTree);
            if (RightmostName(expression) == EventNameMember && OwnerOfEventName(expression, model) is { } owner)
            {
                return owner.GetMembers(EventNameMember).FirstOrDefault() is { } member
                    ? Member(member, depth)
                    : EventNameValue.Determined(EventNameOf(owner) ?? "");
            }

            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            return RightmostName(expression) == EventNameMember && symbol?.ContainingType is { } container && EventAttributeOf(container) is not null
                ? EventNameValue.Undetermined
                : Member(symbol, depth);
        }

        /// <summary>
        /// The type whose <c>EventName</c> the expression names, judged the same with or without the generated constants: the
        /// first type, along the base types of the qualifier (or of each type enclosing the argument), that is an <c>[Event]</c>
        /// type or declares an <c>EventName</c> of its own.
        /// </summary>
        private INamedTypeSymbol? OwnerOfEventName(ExpressionSyntax expression, SemanticModel model)
        {
            if (Qualifier(expression) is { } qualifier)
            {
                return model.GetSymbolInfo(qualifier, cancellationToken).Symbol is INamedTypeSymbol type ? Declaring(type) : null;
            }

            if (expression is not IdentifierNameSyntax)
            {
                return null;
            }

            var enclosing = model.GetEnclosingSymbol(expression.SpanStart, cancellationToken);
            for (var type = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType; type is not null; type = type.ContainingType)
            {
                if (Declaring(type) is { } owner)
                {
                    return owner;
                }
            }

            return null;
        }

        private static INamedTypeSymbol? Declaring(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (EventAttributeOf(current) is not null || !current.GetMembers(EventNameMember).IsEmpty)
                {
                    return current;
                }
            }

            return null;
        }

        private EventNameValue Member(ISymbol? symbol, int depth)
        {
            if (symbol is not IFieldSymbol { IsConst: true } field || depth >= MaxConstantDepth)
            {
                return EventNameValue.Undetermined;
            }

            if (field.DeclaringSyntaxReferences.IsEmpty)
            {
                return field.HasConstantValue && field.ConstantValue is string or null
                    ? EventNameValue.Determined(field.ConstantValue as string)
                    : EventNameValue.Undetermined;
            }

            return field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                ? Read(value, depth + 1)
                : EventNameValue.Undetermined;
        }

        private SemanticModel ModelOf(SyntaxTree tree) =>
            known is not null && known.SyntaxTree == tree ? known : compilation.GetSemanticModel(tree);

        private static string? RightmostName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };

        private static ExpressionSyntax? Qualifier(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            _ => null,
        };
    }

    private static AttributeData? EventAttributeOf(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(static a => a.AttributeClass?.ToDisplayString() == KnownNames.EventAttribute);

    private static string? EventNameOf(INamedTypeSymbol type) =>
        EventAttributeOf(type) is { } attribute ? EventParser.EventName(attribute) : null;
}
