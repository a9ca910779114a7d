#include "SourceSecrets.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace earshot::gui {

namespace {

// Runs a keychain job to its end, or until the timeout; returns its error text. The job
// deletes itself when it finishes (QtKeychain's backends keep a pointer to it until then), so
// one that answers after the timeout is not freed under them.
template <class Job>
QString runJob(Job* job, int timeoutMs, const std::function<void(Job&)>& done = {})
{
    job->setAutoDelete(true);
    QEventLoop loop;
    QString error = QObject::tr("the system keychain did not answer");
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        const bool fine = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        error = fine ? QString() : job->errorString();
        if (fine && done)
            done(*job);
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    return error;
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
        auto* job = new QKeychain::ReadPasswordJob(m_service);
        job->setKey(key(id));
        const QString error = runJob<QKeychain::ReadPasswordJob>(job, timeoutMs, [&](QKeychain::ReadPasswordJob& read) {
            std::lock_guard lock(m_copy->mutex);
            if (read.error() == QKeychain::NoError && !read.textData().isEmpty())
                m_copy->secrets[id] = read.textData().toStdString();
            else
                m_copy->secrets.erase(id);
        });
        if (!error.isEmpty())
            return error;
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
    if (secret.isEmpty()) {
        auto* job = new QKeychain::DeletePasswordJob(m_service);
        job->setKey(key(sourceId));
        return runJob<QKeychain::DeletePasswordJob>(job, timeoutMs);
    }
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key(sourceId));
    job->setTextData(secret);
    return runJob<QKeychain::WritePasswordJob>(job, timeoutMs);
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
