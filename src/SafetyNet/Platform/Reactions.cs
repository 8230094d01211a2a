namespace SafetyNet.Platform;

/// <summary>
/// Something a feature has just recorded that other features may react to. Reactions run inside the recording's
/// transaction, so the record and everything that follows from it are saved together or not at all. Work that must
/// wait until the transaction has committed (waking a background worker, filling an in-memory index) is queued with
/// <see cref="WhenCommitted"/>; the recording feature runs it after its commit.
/// </summary>
public abstract class Happening
{
    private readonly List<Action> _committed = [];

    public void WhenCommitted(Action action) => _committed.Add(action);

    /// <summary>Runs the work queued for after the commit; the recording feature calls it once its transaction has committed.</summary>
    public void Committed()
    {
        foreach (var action in _committed)
        {
            action();
        }
        _committed.Clear();
    }
}

/// <summary>One feature's reaction to a happening in another. It may add to the unit of work; the recording feature saves it.</summary>
public interface IReaction<in THappening> where THappening : Happening
{
    Task OnAsync(THappening happened, CancellationToken cancellationToken);
}

/// <summary>
/// Which reactions follow each happening, in the order they run. Stated once, in the composition root, so the
/// order is read in one place and not inferred from the order services were registered.
/// </summary>
public sealed class ReactionOrder
{
    private readonly Dictionary<Type, Type[]> _order = [];

    public ReactionOrder On<THappening>(params Type[] reactions) where THappening : Happening
    {
        foreach (var reaction in reactions)
        {
            if (!typeof(IReaction<THappening>).IsAssignableFrom(reaction))
            {
                throw new InvalidOperationException($"{reaction.Name} does not react to {typeof(THappening).Name}.");
            }
        }
        if (!_order.TryAdd(typeof(THappening), reactions))
        {
            throw new InvalidOperationException($"The reactions to {typeof(THappening).Name} are stated twice.");
        }
        return this;
    }

    public IReadOnlyList<Type> For(Type happening) => _order.TryGetValue(happening, out var reactions) ? reactions : [];

    public IEnumerable<Type> All => _order.Values.SelectMany(r => r).Distinct();
}

/// <summary>Tells the features that react to a happening, in the stated order, within the caller's unit of work.</summary>
public sealed class Reactions(IServiceProvider services, ReactionOrder order)
{
    public async Task PublishAsync<THappening>(THappening happened, CancellationToken cancellationToken) where THappening : Happening
    {
        foreach (var type in order.For(typeof(THappening)))
        {
            await ((IReaction<THappening>)services.GetRequiredService(type)).OnAsync(happened, cancellationToken);
        }
    }
}

public static class ReactionsSetup
{
    /// <summary>Registers the reactions in the order given; each reaction is a scoped service sharing the request's database context.</summary>
    public static IServiceCollection AddReactions(this IServiceCollection services, ReactionOrder order)
    {
        services.AddSingleton(order);
        services.AddScoped<Reactions>();
        foreach (var reaction in order.All)
        {
            services.AddScoped(reaction);
        }
        return services;
    }
}
