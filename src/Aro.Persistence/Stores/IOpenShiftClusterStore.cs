using Aro.Persistence.Documents;

namespace Aro.Persistence.Stores;

public interface IOpenShiftClusterStore : IDocumentStore<OpenShiftClusterDocument>;
