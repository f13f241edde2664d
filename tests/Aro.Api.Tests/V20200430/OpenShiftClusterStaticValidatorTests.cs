using Aro.Api.Tests.TestData;
using Aro.Api.Tests.Validation;
using Aro.Api.V20200430;
using Aro.Api.Versioning;

namespace Aro.Api.Tests.V20200430;

public sealed class OpenShiftClusterStaticValidatorTests : StaticValidationTests
{
    protected override IOpenShiftClusterApi Api { get; } = new OpenShiftClusterApi();

    // 2020-04-30 narrowed the preview's VM sizes to three.
    [Theory]
    [InlineData("Standard_D16s_v3")]
    [InlineData("Standard_D4as_v4")]
    [InlineData("Standard_E8s_v3")]
    public void Rejects_preview_only_vm_sizes(string vmSize)
    {
        Run(new ValidationCase($"master {vmSize}", b => b.Profile("masterProfile")["vmSize"] = vmSize, "InvalidParameter",
            "properties.masterProfile.vmSize", $"The provided master VM size '{vmSize}' is invalid."));
        Run(new ValidationCase($"worker {vmSize}", b => b.Worker()["vmSize"] = vmSize, "InvalidParameter",
            "properties.workerProfiles['worker'].vmSize", $"The provided worker VM size '{vmSize}' is invalid."));
    }

    [Theory]
    [InlineData(VmSizes.StandardD2sV3)]
    [InlineData(VmSizes.StandardD4sV3)]
    [InlineData(VmSizes.StandardD8sV3)]
    public void Accepts_its_vm_sizes(string vmSize)
    {
        Run(new ValidationCase($"master {vmSize}", b => b.Profile("masterProfile")["vmSize"] = vmSize));
        Run(new ValidationCase($"worker {vmSize}", b => b.Worker()["vmSize"] = vmSize));
    }
}
