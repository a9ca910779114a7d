#include "Keychain.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <functional>

#include <qt6keychain/keychain.h>

namespace earshot::gui::keychain {

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

QString read(const QString& service, const QString& key, QString& secret, int timeoutMs)
{
    secret.clear();
    auto* job = new QKeychain::ReadPasswordJob(service);
    job->setKey(key);
    return runJob<QKeychain::ReadPasswordJob>(job, timeoutMs, [&](QKeychain::ReadPasswordJob& done) {
        if (done.error() == QKeychain::NoError)
            secret = done.textData();
    });
}

QString write(const QString& service, const QString& key, const QString& secret, int timeoutMs)
{
    if (secret.isEmpty()) {
        auto* job = new QKeychain::DeletePasswordJob(service);
        job->setKey(key);
        return runJob<QKeychain::DeletePasswordJob>(job, timeoutMs);
    }
    auto* job = new QKeychain::WritePasswordJob(service);
    job->setKey(key);
    job->setTextData(secret);
    return runJob<QKeychain::WritePasswordJob>(job, timeoutMs);
}

}  // namespace earshot::gui::keychain
