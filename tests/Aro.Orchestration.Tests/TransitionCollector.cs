using MassTransit;
using MassTransit.SagaStateMachine;

namespace Aro.Orchestration.Tests;

/// <summary>
/// Walks a state machine as MassTransit describes itself and collects every transition it declares as
/// (from, event, to): a TransitionTo or Finalize reached from a state's event, through any If/IfElse branch.
/// </summary>
internal sealed class TransitionCollector<TSaga> : StateMachineVisitor
    where TSaga : class, SagaStateMachineInstance
{
    private State? _state;
    private Event? _event;

    public HashSet<(string From, string Event, string To)> Transitions { get; } = [];

    public static HashSet<(string From, string Event, string To)> Of(StateMachine<TSaga> machine)
    {
        var collector = new TransitionCollector<TSaga>();
        machine.Accept(collector);
        return collector.Transitions;
    }

    public void Visit(State state, Action<State> next)
    {
        _state = state;
        next(state);
    }

    public void Visit(Event @event, Action<Event> next)
    {
        _event = @event;
        next(@event);
    }

    public void Visit<TData>(Event<TData> @event, Action<Event<TData>> next)
        where TData : class
    {
        _event = @event;
        next(@event);
    }

    public void Visit(IStateMachineActivity activity) => Visit(activity, _ => { });

    public void Visit<T>(IBehavior<T> behavior)
        where T : class, SagaStateMachineInstance
    {
    }

    public void Visit<T>(IBehavior<T> behavior, Action<IBehavior<T>> next)
        where T : class, SagaStateMachineInstance =>
        next(behavior);

    public void Visit<T, TData>(IBehavior<T, TData> behavior)
        where T : class, SagaStateMachineInstance
        where TData : class
    {
    }

    public void Visit<T, TData>(IBehavior<T, TData> behavior, Action<IBehavior<T, TData>> next)
        where T : class, SagaStateMachineInstance
        where TData : class =>
        next(behavior);

    public void Visit(IStateMachineActivity activity, Action<IStateMachineActivity> next)
    {
        if (activity is TransitionActivity<TSaga> transition && _state is not null && _event is not null)
        {
            Transitions.Add((_state.Name, _event.Name, transition.ToState.Name));
        }

        next(activity);
    }
}
