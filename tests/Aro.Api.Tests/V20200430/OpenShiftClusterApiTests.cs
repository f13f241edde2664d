using Aro.Api.V20200430;
using Aro.Api.Versioning;

namespace Aro.Api.Tests.V20200430;

public sealed class OpenShiftClusterApiTests : Aro.Api.Tests.Versioning.OpenShiftClusterApiTests
{
    protected override IOpenShiftClusterApi Api { get; } = new OpenShiftClusterApi();

    protected override string ExpectedApiVersion => "2020-04-30";
}
