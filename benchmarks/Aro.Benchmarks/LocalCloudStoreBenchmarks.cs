using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.LocalCloud;
using Aro.LocalCloud.Storage;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.Benchmarks;

/// <summary>
/// One change to the local cloud's persisted state (a virtual machine PUT) when it already holds 1,000 or
/// 10,000 resources: the whole-state rewrite the emulator used to do on every change (serialize everything,
/// write-then-rename; reproduced here as the baseline) against the journal it does now (append the entries
/// the write reached; compaction amortized in, as it happens in the measured loop).
/// </summary>
[MemoryDiagnoser]
public class LocalCloudStoreBenchmarks
{
    private static readonly JsonSerializerOptions RewriteOptions = new() { WriteIndented = true };

    private DirectoryInfo _directory = null!;
    private LocalCloudStore _inMemory = null!;
    private LocalCloudStore _journaled = null!;
    private string _rewrittenFile = "";
    private int _next;

    [Params(1_000, 10_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("aro-benchmarks-localcloud-");
        _rewrittenFile = Path.Combine(_directory.FullName, "rewrite", "localcloud.json");
        Directory.CreateDirectory(Path.GetDirectoryName(_rewrittenFile)!);
        _inMemory = new LocalCloudStore(new LocalCloudOptions(), NullLogger<LocalCloudStore>.Instance);
        _journaled = new LocalCloudStore(new LocalCloudOptions { DataDirectory = Path.Combine(_directory.FullName, "journal") }, NullLogger<LocalCloudStore>.Instance);
        foreach (var store in new[] { _inMemory, _journaled })
        {
            store.Write(state =>
            {
                for (var i = 0; i < Resources; i++)
                {
                    var vm = VirtualMachine(i);
                    state.Resources[vm["id"]!.GetValue<string>().ToLowerInvariant()] = vm;
                }

                return true;
            });
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journaled.Dispose();
        _directory.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Rewrite the whole state (before)")]
    public bool RewriteWholeState()
    {
        var changed = _inMemory.Write(Put);
        _inMemory.Read(state =>
        {
            var temporary = _rewrittenFile + ".tmp";
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, RewriteOptions));
            File.Move(temporary, _rewrittenFile, overwrite: true);
            return true;
        });
        return changed;
    }

    [Benchmark(Description = "Journal the change (after)")]
    public bool JournalTheChange() => _journaled.Write(Put);

    /// <summary>Replaces one existing VM, as a repeated PUT does: same key space, so the state keeps its size.</summary>
    private bool Put(LocalCloudState state)
    {
        var vm = VirtualMachine(_next++ % Resources);
        state.Resources[vm["id"]!.GetValue<string>().ToLowerInvariant()] = vm;
        return true;
    }

    private static JsonObject VirtualMachine(int index)
    {
        var id = $"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/aro-{index / 10:D5}/providers/Microsoft.Compute/virtualMachines/vm-{index:D5}";
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = $"vm-{index:D5}",
            ["type"] = "Microsoft.Compute/virtualMachines",
            ["location"] = "eastus",
            ["etag"] = $"\"{Guid.NewGuid()}\"",
            ["tags"] = new JsonObject { ["aro.localcloud/machine"] = $"vm-{index:D5}", ["aro.localcloud/subnet"] = "vnet/worker" },
            ["properties"] = new JsonObject
            {
                ["vmId"] = Guid.NewGuid().ToString(),
                ["hardwareProfile"] = new JsonObject { ["vmSize"] = "Standard_D4s_v3" },
                ["storageProfile"] = new JsonObject
                {
                    ["imageReference"] = new JsonObject { ["publisher"] = "azureopenshift", ["offer"] = "aro4", ["sku"] = "aro_415", ["version"] = "415.92.20240101" },
                },
                ["osProfile"] = new JsonObject { ["computerName"] = $"vm-{index:D5}", ["adminUsername"] = "core" },
                ["networkProfile"] = new JsonObject
                {
                    ["networkInterfaces"] = new JsonArray(new JsonObject { ["id"] = $"{id}-nic".Replace("virtualMachines", "networkInterfaces", StringComparison.Ordinal) }),
                },
                ["provisioningState"] = "Succeeded",
            },
        };
    }
}
