using Aro.Api.V20191231Preview;
using Aro.Api.Versioning;

namespace Aro.Api.Tests.V20191231Preview;

public sealed class OpenShiftClusterApiTests : Aro.Api.Tests.Versioning.OpenShiftClusterApiTests
{
    protected override IOpenShiftClusterApi Api { get; } = new OpenShiftClusterApi();

    protected override string ExpectedApiVersion => "2019-12-31-preview";
}
