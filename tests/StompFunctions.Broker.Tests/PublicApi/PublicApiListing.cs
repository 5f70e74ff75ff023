using System.Reflection;
using System.Text;

namespace StompFunctions.Broker.Tests.PublicApi;

/// <summary>
/// Lists an assembly's public surface as sorted text lines: every exported type with its kind and bases, and
/// every public or protected member with its signature. Compiler-generated members (names with '&lt;') are left out.
/// </summary>
internal static class PublicApiListing
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string For(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            lines.Add(Describe(type));
            foreach (var member in type.GetMembers(Declared))
            {
                if (IsVisible(member) && !member.Name.Contains('<', StringComparison.Ordinal) && Describe(type, member) is { } line)
                {
                    lines.Add(line);
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines) + "\n";
    }

    private static string Describe(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : type is { IsAbstract: true, IsSealed: true } ? "static class"
            : type.IsSealed ? "sealed class" : type.IsAbstract ? "abstract class" : "class";
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum) && baseType != typeof(MulticastDelegate))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal));
        var invoke = kind == "delegate" ? " " + Signature(type.GetMethod("Invoke")!) : "";
        return $"{Name(type)}: {kind}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : "")}{invoke}";
    }

    private static string? Describe(Type type, MemberInfo member) => member switch
    {
        ConstructorInfo c => $"{Name(type)}..ctor({Parameters(c)})",
        MethodInfo m when !m.IsSpecialName => $"{Name(type)}.{(m.IsStatic ? "static " : "")}{Signature(m)}",
        PropertyInfo p => $"{Name(type)}.{p.Name}: {Name(p.PropertyType)} {{{Accessors(p)} }}",
        FieldInfo f when type.IsEnum && f.IsStatic => $"{Name(type)}.{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}",
        FieldInfo f when !type.IsEnum => $"{Name(type)}.{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{f.Name}: {Name(f.FieldType)}",
        EventInfo e => $"{Name(type)}.event {e.Name}: {Name(e.EventHandlerType!)}",
        Type nested => null, // listed as a type of its own
        _ => null,
    };

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        _ => false,
    };

    private static string Accessors(PropertyInfo property)
    {
        var builder = new StringBuilder();
        if (property.GetMethod is { } get && (get.IsPublic || get.IsFamily))
        {
            builder.Append(" get;");
        }

        if (property.SetMethod is { } set && (set.IsPublic || set.IsFamily))
        {
            var init = set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            builder.Append(init ? " init;" : " set;");
        }

        return builder.ToString();
    }

    private static string Signature(MethodInfo method)
    {
        var generic = method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(Name)) + ">" : "";
        return $"{method.Name}{generic}({Parameters(method)}): {Name(method.ReturnType)}";
    }

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
        $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : "")}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + DefaultText(p) : "")}"));

    private static string DefaultText(ParameterInfo parameter) =>
        parameter.DefaultValue?.ToString() ?? (parameter.ParameterType.IsValueType ? "default" : "null");

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return name[..tick] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
