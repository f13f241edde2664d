using Aro.Api.Tests.TestData;
using Aro.Api.Tests.Validation;
using Aro.Api.V20191231Preview;
using Aro.Api.Versioning;

namespace Aro.Api.Tests.V20191231Preview;

public sealed class OpenShiftClusterStaticValidatorTests : StaticValidationTests
{
    protected override IOpenShiftClusterApi Api { get; } = new OpenShiftClusterApi();

    public static TheoryData<string> AllVmSizes => new(VmSizes.All);

    // The preview's swagger lists many more sizes than 2020-04-30's (e.g. Standard_D16s_v3).
    [Theory]
    [MemberData(nameof(AllVmSizes))]
    public void Accepts_every_vm_size_of_its_swagger(string vmSize)
    {
        Run(new ValidationCase($"master {vmSize}", b => b.Profile("masterProfile")["vmSize"] = vmSize));
        Run(new ValidationCase($"worker {vmSize}", b => b.Worker()["vmSize"] = vmSize));
    }

    [Fact]
    public void Rejects_a_size_outside_its_swagger() =>
        Run(new ValidationCase("worker Standard_D64s_v3", b => b.Worker()["vmSize"] = "Standard_D64s_v3", "InvalidParameter",
            "properties.workerProfiles['worker'].vmSize", "The provided worker VM size 'Standard_D64s_v3' is invalid."));
}
