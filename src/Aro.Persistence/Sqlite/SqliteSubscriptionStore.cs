using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Sqlite;

public sealed class SqliteSubscriptionStore(SqliteDatabase database, DocumentJsonSerializer serializer)
    : SqliteDocumentStore<SubscriptionDocument>(database, serializer, "subscriptions"), ISubscriptionStore;
