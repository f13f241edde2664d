using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Sqlite;

public sealed class SqliteOpenShiftClusterStore(SqliteDatabase database, DocumentJsonSerializer serializer)
    : SqliteDocumentStore<OpenShiftClusterDocument>(database, serializer, "open_shift_clusters"), IOpenShiftClusterStore;
