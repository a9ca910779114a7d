// The canned_replies table on one PostgreSQL connection; statements are prepared per connection.
#pragma once

#include "earshot/store/CannedReplyStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgCannedReplyStore final : public CannedReplyStore {
public:
    explicit PgCannedReplyStore(Connection& db) : m_db(db) {}

    Result<std::int64_t> insert(const CannedReply& reply) override;
    Result<bool> updateBody(const std::string& name, const std::string& language, const std::string& body) override;
    Result<std::vector<CannedReply>> list(const std::optional<std::string>& language) override;
    Result<std::optional<CannedReply>> find(const std::string& name, const std::string& language) override;
    Result<bool> remove(const std::string& name, const std::string& language) override;

private:
    Connection& m_db;
};

}  // namespace earshot::store::postgres
