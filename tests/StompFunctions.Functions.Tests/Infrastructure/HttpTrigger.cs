using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace StompFunctions.Functions.Tests.Infrastructure;

/// <summary>One HTTP trigger of the Functions app, as its attributes declare it (what the worker SDK writes into functions.metadata).</summary>
internal sealed record HttpTrigger(string Name, Type Type, MethodInfo Method, string Route, IReadOnlyList<string> Methods, AuthorizationLevel Level)
{
    /// <summary>Every HTTP trigger in the Functions app's assembly.</summary>
    public static IReadOnlyList<HttpTrigger> All { get; } = Find();

    public static HttpTrigger Named(string name) => All.Single(t => t.Name == name);

    private static List<HttpTrigger> Find()
    {
        var triggers = new List<HttpTrigger>();
        foreach (var type in typeof(StompFunctionsApp).Assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                var http = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null);
                if (function is not null && http is not null)
                {
                    triggers.Add(new HttpTrigger(function.Name, type, method, http.Route!, http.Methods!, http.AuthLevel));
                }
            }
        }

        return triggers;
    }
}
