// Platform secrets (tokens, app passwords, API keys) in the system keychain through
// QtKeychain — the Secret Service on Linux — one entry per source, never in the database,
// the logs or a screenshot. The engine and the reply publisher run on other threads and
// cannot wait for the keychain, so they read a copy kept in memory, filled at start and on
// every change made here.
#pragma once

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "earshot/connectors/Connector.h"

namespace earshot::gui {

class SourceSecrets : public QObject {
    Q_OBJECT
public:
    // `service` names the keychain entries' owner; tests use one of their own. `workspace`
    // (its location) keeps each workspace's secrets apart: source 3 of a desk is not source 3
    // of the team's server.
    explicit SourceSecrets(QString service = QStringLiteral("Earshot"), QString workspace = {},
                           QObject* parent = nullptr);

    // Reads the secrets of these sources from the keychain, waiting at most `timeoutMs` for
    // it (a keychain that does not answer leaves them unknown). Returns what went wrong, or
    // an empty string.
    QString load(const std::vector<std::int64_t>& sourceIds, int timeoutMs = 5000);
    // Writes (or, for an empty secret, deletes) a source's secret; waits for the keychain.
    // Returns what went wrong, or an empty string. The in-memory copy changes either way.
    QString store(std::int64_t sourceId, const QString& secret, int timeoutMs = 5000);

    bool has(std::int64_t sourceId) const;
    // For the engine and the reply publisher; safe on any thread, and after this object is gone.
    connectors::CredentialLookup lookup() const;

private:
    struct Copy {
        std::mutex mutex;
        std::map<std::int64_t, std::string> secrets;
    };
    QString key(std::int64_t sourceId) const;

    QString m_service;
    QString m_workspace;
    std::shared_ptr<Copy> m_copy;
};

}  // namespace earshot::gui
