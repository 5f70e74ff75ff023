using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using StompFunctions.Functions;

// The whole composition is StompFunctionsApp.Configure, which tests/StompFunctions.Functions.Tests builds too.
FunctionsApplication.CreateBuilder(args).ConfigureStompApp().Build().Run();
