#include "SourceSecrets.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace earshot::gui {

namespace {

// Runs a keychain job to its end, or until the timeout; returns its error text.
QString runJob(QKeychain::Job* job, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    if (!finished)
        return QObject::tr("the system keychain did not answer");
    if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
        return {};
    return job->errorString();
}

}  // namespace

SourceSecrets::SourceSecrets(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_copy(std::make_shared<Copy>())
{
}

QString SourceSecrets::key(std::int64_t sourceId) const
{
    return QStringLiteral("source-%1").arg(sourceId);
}

QString SourceSecrets::load(const std::vector<std::int64_t>& sourceIds, int timeoutMs)
{
    for (const std::int64_t id : sourceIds) {
        QKeychain::ReadPasswordJob job(m_service);
        job.setAutoDelete(false);
        job.setKey(key(id));
        if (const QString error = runJob(&job, timeoutMs); !error.isEmpty())
            return error;
        std::lock_guard lock(m_copy->mutex);
        if (job.error() == QKeychain::NoError && !job.textData().isEmpty())
            m_copy->secrets[id] = job.textData().toStdString();
        else
            m_copy->secrets.erase(id);
    }
    return {};
}

QString SourceSecrets::store(std::int64_t sourceId, const QString& secret, int timeoutMs)
{
    QString error;
    if (secret.isEmpty()) {
        QKeychain::DeletePasswordJob job(m_service);
        job.setAutoDelete(false);
        job.setKey(key(sourceId));
        error = runJob(&job, timeoutMs);
    } else {
        QKeychain::WritePasswordJob job(m_service);
        job.setAutoDelete(false);
        job.setKey(key(sourceId));
        job.setTextData(secret);
        error = runJob(&job, timeoutMs);
    }
    if (!error.isEmpty())
        return error;
    std::lock_guard lock(m_copy->mutex);
    if (secret.isEmpty())
        m_copy->secrets.erase(sourceId);
    else
        m_copy->secrets[sourceId] = secret.toStdString();
    return {};
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
