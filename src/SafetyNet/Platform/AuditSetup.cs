namespace SafetyNet.Platform;

public static class AuditSetup
{
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditChain>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<RecordReads>();
        builder.Services.AddScoped<AuditSealer>();
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddHostedService<AuditSealingService>();
        return builder;
    }
}
