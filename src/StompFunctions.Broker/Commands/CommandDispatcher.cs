using StompFunctions.Broker.Errors;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Commands;

/// <summary>Hands each frame to the handler of its command; a command a client may not send is refused.</summary>
internal sealed class CommandDispatcher
{
    private readonly ICommandHandler?[] _handlers = new ICommandHandler?[(int)StompCommand.Error + 1];

    public CommandDispatcher(
        ConnectHandler connect,
        SendHandler send,
        SubscribeHandler subscribe,
        UnsubscribeHandler unsubscribe,
        AckHandler ack,
        BeginHandler begin,
        CommitHandler commit,
        AbortHandler abort,
        DisconnectHandler disconnect)
    {
        _handlers[(int)StompCommand.Connect] = connect;
        _handlers[(int)StompCommand.Stomp] = connect;
        _handlers[(int)StompCommand.Send] = send;
        _handlers[(int)StompCommand.Subscribe] = subscribe;
        _handlers[(int)StompCommand.Unsubscribe] = unsubscribe;
        _handlers[(int)StompCommand.Ack] = ack;
        _handlers[(int)StompCommand.Nack] = ack;
        _handlers[(int)StompCommand.Begin] = begin;
        _handlers[(int)StompCommand.Commit] = commit;
        _handlers[(int)StompCommand.Abort] = abort;
        _handlers[(int)StompCommand.Disconnect] = disconnect;
    }

    public ValueTask DispatchAsync(CommandFrame command)
    {
        var index = (int)command.Frame.Command;
        if ((uint)index < (uint)_handlers.Length && _handlers[index] is { } handler)
        {
            return handler.HandleAsync(command);
        }

        command.Fail(EngineError.UnexpectedCommand, command.Frame.Command.GetName());
        return ValueTask.CompletedTask;
    }
}
