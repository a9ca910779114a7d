#include "SourceSecrets.h"

#include "Keychain.h"

namespace earshot::gui {

SourceSecrets::SourceSecrets(QString service, QString workspace, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_workspace(std::move(workspace))
    , m_copy(std::make_shared<Copy>())
{
}

QString SourceSecrets::key(std::int64_t sourceId) const
{
    const QString legacy = QStringLiteral("source-%1").arg(sourceId);
    return m_workspace.isEmpty() ? legacy : legacy + QLatin1Char(' ') + m_workspace;
}

QString SourceSecrets::load(const std::vector<std::int64_t>& sourceIds, int timeoutMs)
{
    for (const std::int64_t id : sourceIds) {
        QString secret;
        if (const QString error = keychain::read(m_service, key(id), secret, timeoutMs); !error.isEmpty())
            return error;
        // Kept before secrets were kept per workspace: taken over, under this workspace's key.
        if (secret.isEmpty() && !m_workspace.isEmpty()) {
            const QString legacy = QStringLiteral("source-%1").arg(id);
            if (const QString error = keychain::read(m_service, legacy, secret, timeoutMs); !error.isEmpty())
                return error;
            if (!secret.isEmpty() && keychain::write(m_service, key(id), secret, timeoutMs).isEmpty())
                (void)keychain::write(m_service, legacy, QString(), timeoutMs);
        }
        std::lock_guard lock(m_copy->mutex);
        if (!secret.isEmpty())
            m_copy->secrets[id] = secret.toStdString();
        else
            m_copy->secrets.erase(id);
    }
    return {};
}

QString SourceSecrets::store(std::int64_t sourceId, const QString& secret, int timeoutMs)
{
    // The engine's copy first: a new source is polled right after it is added, and the
    // secret serves this session even when the keychain cannot keep it.
    {
        std::lock_guard lock(m_copy->mutex);
        if (secret.isEmpty())
            m_copy->secrets.erase(sourceId);
        else
            m_copy->secrets[sourceId] = secret.toStdString();
    }
    return keychain::write(m_service, key(sourceId), secret, timeoutMs);
}

bool SourceSecrets::has(std::int64_t sourceId) const
{
    std::lock_guard lock(m_copy->mutex);
    return m_copy->secrets.count(sourceId) != 0;
}

connectors::CredentialLookup SourceSecrets::lookup() const
{
    return [copy = m_copy](const store::Source& source, const connectors::Connector&) -> std::string {
        std::lock_guard lock(copy->mutex);
        const auto it = copy->secrets.find(source.id);
        return it == copy->secrets.end() ? std::string() : it->second;
    };
}

}  // namespace earshot::gui
