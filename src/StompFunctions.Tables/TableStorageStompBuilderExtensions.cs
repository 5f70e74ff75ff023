using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Queues;
using StompFunctions.Tables.Store;

namespace StompFunctions.Tables;

/// <summary>
/// <c>services.AddStomp(…).AddTableStorage(…)</c>: puts the engine's state in Azure Table Storage instead
/// of the embedded in-memory stores, so any number of function instances share routes, members,
/// spilled state and queues.
/// </summary>
public static class TableStorageStompBuilderExtensions
{
    /// <summary>The configuration key naming the store: <c>InMemory</c> or <c>Tables</c>.</summary>
    public const string StateStoreKey = "Stomp:StateStore";

    /// <summary>Why <see cref="AddStateStore"/> refuses a configuration that names no store, and what to set.</summary>
    public const string NoStateStoreMessage =
        "No state store is configured. Set Tables__Endpoint (with Tables__ClientId) or Tables__ConnectionString; "
        + "for a single local process only, choose the in-memory store explicitly with Stomp__StateStore=InMemory.";

    /// <summary>Uses Table Storage, configured in code (and by any <c>Configure&lt;TableStorageOptions&gt;</c> calls).</summary>
    public static IStompBuilder AddTableStorage(this IStompBuilder builder, Action<TableStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<TableStorageOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>());
        builder.Services.TryAddSingleton(CreateStore);

        // AddStomp registered the in-memory store as the default; this store replaces it.
        builder.Services.RemoveAll<IStompStateStore>();
        builder.Services.AddSingleton<IStompStateStore>(sp => sp.GetRequiredService<TableStateStore>());
        builder.Services.TryAddSingleton(CreateQueueStore);
        builder.Services.RemoveAll<IQueueStore>();
        builder.Services.AddSingleton<IQueueStore>(sp => sp.GetRequiredService<TableQueueStore>());
        return builder;
    }

    /// <summary>
    /// Uses Table Storage configured by a section shaped like <see cref="TableStorageOptions"/>
    /// (<c>ConnectionString</c> or <c>Endpoint</c> and <c>ClientId</c>, table names, <c>Retry</c>).
    /// </summary>
    public static IStompBuilder AddTableStorage(this IStompBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<TableStorageOptions>().Bind(section);
        return builder.AddTableStorage();
    }

    /// <summary>
    /// Chooses the store from configuration, so the local stack and tests switch without code changes:
    /// <c>Stomp:StateStore</c> = <c>Tables</c> binds the <c>Tables</c> section; <c>InMemory</c> keeps the
    /// embedded store. When the key is absent, a <c>Tables:ConnectionString</c> or <c>Tables:Endpoint</c>
    /// selects Table Storage; with neither, registration fails with <see cref="NoStateStoreMessage"/>: a
    /// per-process store is never chosen silently (every instance would see other subscriptions).
    /// </summary>
    public static IStompBuilder AddStateStore(this IStompBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TableStorageOptions.DefaultSectionName);
        var choice = configuration[StateStoreKey];
        if (string.IsNullOrWhiteSpace(choice))
        {
            choice = string.IsNullOrWhiteSpace(section["ConnectionString"]) && string.IsNullOrWhiteSpace(section["Endpoint"])
                ? throw new InvalidOperationException(NoStateStoreMessage)
                : "Tables";
        }

        if (string.Equals(choice, "Tables", StringComparison.OrdinalIgnoreCase))
        {
            return builder.AddTableStorage(section);
        }

        if (string.Equals(choice, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            return builder;
        }

        throw new InvalidOperationException($"{StateStoreKey} is '{choice}'; use 'InMemory' or 'Tables'.");
    }

    private static TableQueueStore CreateQueueStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TableStorageOptions>>().Value;
        return new TableQueueStore(TableServiceClientFactory.Create(options), options, services.GetService<ILogger<TableQueueStore>>(), services.GetService<TimeProvider>());
    }

    private static TableStateStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TableStorageOptions>>().Value;
        return new TableStateStore(TableServiceClientFactory.Create(options), options, services.GetService<ILogger<TableStateStore>>(), services.GetService<TimeProvider>());
    }
}
