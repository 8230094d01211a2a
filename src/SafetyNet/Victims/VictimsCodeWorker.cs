using SafetyNet.Platform;

namespace SafetyNet.Victims;

/// <summary>Runs the reminder and escalation sweep every minute once the database is ready.</summary>
internal sealed class VictimsCodeWorker(IServiceScopeFactory scopes, WorkerHealth health, StartupState state, TimeProvider time, IConfiguration configuration, ILogger<VictimsCodeWorker> log)
    : RecurringWorker("victims' code sweep", TimeSpan.FromMinutes(1), health, state, time, log)
{
    protected override bool Enabled => configuration["Messaging:SendInBackground"] != "false";

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<VictimsCode>().SweepAsync(stoppingToken);
        await scope.ServiceProvider.GetRequiredService<Feedback.SurveyService>().SweepAsync(stoppingToken);
    }
}
