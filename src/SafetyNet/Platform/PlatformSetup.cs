namespace SafetyNet.Platform;

public static class PlatformSetup
{
    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ForceClock>();
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddSingleton<WorkerHealth>();  // each background worker's state, for /health/workers
        return builder;
    }
}
