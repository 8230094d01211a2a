using SafetyNet.Data;

namespace SafetyNet.Tests.Infrastructure;

/// <summary>One running application per provider, shared by the tests of the "app" collection.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<SafetyNetApp>> _apps = [];
    private readonly Lock _lock = new();

    public Task<SafetyNetApp> App(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new SafetyNetApp(provider).ReadyAsync();
                _apps[provider] = app;
            }
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await (await app).DisposeAsync();
        }
    }
}

[CollectionDefinition("app")]
public sealed class AppCollection : ICollectionFixture<AppFixture>;

/// <summary>Theory data: every provider the run has.</summary>
public sealed class ProvidersAttribute : Xunit.Sdk.DataAttribute
{
    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => TestDatabases.Providers();
}
