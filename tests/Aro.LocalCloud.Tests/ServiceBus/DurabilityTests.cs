using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.LocalCloud.Tests.ServiceBus;

public sealed class DurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aro-servicebus-").FullName;

    [Fact]
    public async Task Accepted_messages_and_entities_survive_a_restart_and_completed_ones_do_not_come_back()
    {
        var options = new LocalCloudOptions { Url = "https://localhost:0", DataDirectory = _directory };
        await using (var first = await LocalCloudServer.StartAsync(options))
        {
            await new ServiceBusAdministrationClient(first.ServiceBus.AdministrationConnectionString).CreateQueueAsync("durable");
            await using var client = ServiceBusFixture.CreateClient(first.ServiceBus.ConnectionString);
            await using var sender = client.CreateSender("durable");
            await sender.SendMessageAsync(new ServiceBusMessage("done"));
            await sender.SendMessageAsync(new ServiceBusMessage("kept"));
            await using var receiver = client.CreateReceiver("durable");
            await receiver.CompleteMessageAsync(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5)));
        }

        await using var second = await LocalCloudServer.StartAsync(options);
        await using var again = ServiceBusFixture.CreateClient(second.ServiceBus.ConnectionString);
        await using var reader = again.CreateReceiver("durable");
        var restored = await reader.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("kept", restored.Body.ToString());
        await reader.CompleteMessageAsync(restored);
        Assert.Null(await reader.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
