// Notices to reporters through a real hub: a status change queues a notice on the console, the
// push carries it up, the hub hands it to its channel's gateway spool and marks it sent, and the
// console sees the delivery state after the next pull. No contact is ever in clear.
#include "sync_helpers.h"
#include "tipoff/notices.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace c175;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("the hub sends queued notices through its spool and the console sees them sent") {
    test::TempDir dir;
    const auto hubPath = dir.file("hub.db");
    test::seedSmallHub(hubPath);
    test::HubProcess hub(hubPath);
    hub.start();

    test::SyncClient client(dir.file("c.db"));
    client.syncOnce(hub.url());
    // One case whose reporter gets SMS notices, one followed anonymously by code.
    auto pick = [&](const char* channel) {
        return client.db
            .scalarText(std::string("SELECT id FROM tipoffs WHERE notice_channel = '") + channel +
                        "' ORDER BY id LIMIT 1")
            .value_or("");
    };
    const std::string smsTip = pick("sms"), followupTip = pick("followup");
    REQUIRE_FALSE(smsTip.empty());
    REQUIRE_FALSE(followupTip.empty());
    {
        db::Transaction tx(client.db);
        tipoff::queueStatusNotice(client.db, smsTip, tipoff::Status::Verifying, "user:admin");
        tipoff::queueStatusNotice(client.db, followupTip, tipoff::Status::Verifying, "user:admin");
        tx.commit();
    }
    auto states = [&](const std::string& tip) {
        std::string out;
        for (const auto& n : tipoff::noticesOf(client.db, tip))
            out += n.state + ";";
        return out;
    };
    CHECK(states(smsTip) == "queued;");
    CHECK(client.syncOnce(hub.url()).accepted == 2);

    // The hub's dispatcher (a pass a second) writes the lines, then marks the notices sent.
    const std::string spool = hubPath + ".notices";
    const auto t0 = std::chrono::steady_clock::now();
    auto bothSent = [&] {
        auto hubDb = db::openCache(hubPath);
        return hubDb.scalarInt("SELECT count(*) FROM tipoff_notices WHERE tipoff_id IN ('" +
                               smsTip + "', '" + followupTip + "') AND state = 'sent'") == 2;
    };
    while (!bothSent() && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20))
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    REQUIRE(bothSent());
    const std::string sms = readFile(spool + "/sms.jsonl");
    const std::string followup = readFile(spool + "/followup.jsonl");
    const std::string smsCode =
        client.db.scalarText("SELECT code FROM tipoffs WHERE id = '" + smsTip + "'").value();
    CHECK(sms.find("\"case_code\":\"" + smsCode + "\"") != std::string::npos);
    CHECK(sms.find("\"recipient_sealed_hex\":\"") != std::string::npos);
    CHECK(followup.find("\"followup_code_sha256\":\"") != std::string::npos);
    CHECK(followup.find("recipient_sealed") == std::string::npos);

    // Back at the console after a pull: the notices show as sent, with the time.
    client.syncOnce(hub.url());
    CHECK(states(smsTip) == "sent;");
    CHECK(states(followupTip) == "sent;");
    CHECK_FALSE(tipoff::noticesOf(client.db, smsTip).front().sentAt.empty());

    // A second pass sends nothing again.
    const auto lines = std::count(sms.begin(), sms.end(), '\n');
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const std::string again = readFile(spool + "/sms.jsonl");
    CHECK(std::count(again.begin(), again.end(), '\n') == lines);
}
