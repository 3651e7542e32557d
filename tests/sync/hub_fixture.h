// A real c175-hub child process on an ephemeral loopback port, and helpers to compare replicas.
#pragma once
#include "db/database.h"
#include "db/migrations.h"
#include "protocol/row_store.h"
#include "protocol/scope.h"
#include "test_support.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace c175::test {

inline const char* kAdminPassword = "Adm1n!pass-175";

inline int runHubCommand(const std::vector<std::string>& args, const std::string& password = "") {
    const pid_t pid = fork();
    if (pid == 0) {
        if (!password.empty())
            setenv("C175_PASSWORD", password.c_str(), 1);
        std::vector<char*> argv;
        static std::string exe = std::string(C175_BIN_DIR) + "/c175-hub";
        argv.push_back(exe.data());
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        int devnull = open("/dev/null", 1);
        dup2(devnull, 1);
        execv(exe.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class HubProcess {
public:
    // `prepare` fills the hub store before it serves (rows, users).
    explicit HubProcess(const std::string& dbPath) : m_db(dbPath) {}
    ~HubProcess() { stop(); }
    // `port` 0 takes an ephemeral port; a restart passes port() to come back where it was.
    void start(int port = 0) {
        int fds[2];
        if (pipe(fds) != 0)
            throw std::runtime_error("pipe");
        m_pid = fork();
        if (m_pid == 0) {
            dup2(fds[1], 1);
            close(fds[0]);
            const std::string exe = std::string(C175_BIN_DIR) + "/c175-hub";
            const std::string portText = std::to_string(port);
            execl(exe.c_str(), exe.c_str(), "serve", "--db", m_db.c_str(), "--port",
                  portText.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        FILE* out = fdopen(fds[0], "r");
        char line[512] = {0};
        if (!fgets(line, sizeof line, out))
            throw std::runtime_error("c175-hub did not start");
        const std::string text = line;
        const auto colon = text.rfind(':');
        m_port = std::atoi(text.c_str() + colon + 1);
        m_out = out;
    }
    void stop() {
        if (m_pid > 0) {
            kill(m_pid, SIGTERM);
            int status = 0;
            waitpid(m_pid, &status, 0);
            m_pid = 0;
        }
        if (m_out) {
            fclose(m_out);
            m_out = nullptr;
        }
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    int port() const { return m_port; }
    pid_t pid() const { return m_pid; }

private:
    std::string m_db;
    pid_t m_pid = 0;
    int m_port = 0;
    FILE* m_out = nullptr;
};

// Every synced row of an entity as text, in id order (to compare replicas). Rows that belong to
// one user (the wrapped centre key) reach only that user's console: only `user`'s are listed.
inline std::string dumpEntity(db::Database& db, const sync::EntitySchema& e,
                              const std::string& user = "admin") {
    std::string cols;
    for (const auto& c : e.columns)
        cols += (cols.empty() ? "" : ", ") + sync::quoteIdent(c.name);
    const std::string where =
        sync::ownRowsOnly(e.name) ? " WHERE " + sync::quoteIdent(e.key) + " = '" + user + "'" : "";
    db::Statement q(db, "SELECT " + cols + " FROM " + sync::quoteIdent(e.name) + where +
                            " ORDER BY " + sync::quoteIdent(e.key));
    std::string out;
    while (q.step()) {
        for (size_t i = 0; i < e.columns.size(); ++i) {
            sync::writeJson(out, sync::readValue(q, static_cast<int>(i), e.affinity[i]));
            out += '|';
        }
        out += '\n';
    }
    return out;
}

} // namespace c175::test
