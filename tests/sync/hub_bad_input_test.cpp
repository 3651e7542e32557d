// Bad input from the network: each gets a clear JSON error and leaves the hub's store unchanged;
// a replayed push is answered, not applied again.
#include "auth/accounts.h"
#include "engine/hub_client.h"
#include "hub_fixture.h"

#include <doctest/doctest.h>

using namespace c175;

namespace {

const char* kKiosk = "01a23bfd-84a8-731f-a98f-000000000001";

std::string prepareHub(const test::TempDir& dir) {
    const auto path = dir.file("hub.db");
    auto db = db::openCache(path);
    auth::AccountService(db).addUser("test", "root", "Root", auth::Role::Admin,
                                     test::kAdminPassword);
    auth::AccountService(db).addUser("test", "officer", "Officer", auth::Role::CaseOfficer,
                                     test::kAdminPassword);
    db.exec(std::string(
                "INSERT INTO kiosks(id, code, name, province_code, lat, lon, installed_on, status) "
                "VALUES ('") +
            kKiosk + "', 'KIOSK-01-0001', 'Kiosk 1', '01', 21.0, 105.8, '2025-01-01', 'online')");
    return path;
}

std::string errorCode(const sync::HttpResponse& r) {
    auto doc = sync::parseJson(r.body);
    const auto* e = doc.find("error");
    REQUIRE(e);
    REQUIRE(e->find("message"));
    CHECK(!e->find("message")->asString().empty());
    return e->find("code")->asString();
}

} // namespace

TEST_CASE("the hub answers bad input with a JSON error and changes nothing") {
    test::TempDir dir;
    const auto hubPath = prepareHub(dir);
    test::HubProcess hub(hubPath);
    hub.start();
    sync::HttpClient http(hub.url());
    auto login = sync::parseJson(http.request("POST", "/v1/auth/login",
                                              R"({"username":"root","password":")" +
                                                  std::string(test::kAdminPassword) + "\"}")
                                     .body);
    const std::string token = login.find("access_token")->asString();
    const std::string refresh = login.find("refresh_token")->asString();
    const auto seq = [&] {
        return sync::parseJson(http.request("GET", "/v1/health").body).find("hub_seq")->asInt();
    };
    const std::int64_t before = seq();
    CHECK(before == 1);

    auto r = http.request("POST", "/v1/auth/login", R"({"username":"root","password":"wrong"})");
    CHECK(r.status == 401);
    CHECK(errorCode(r) == "invalid_credentials");
    r = http.request("POST", "/v1/auth/login", "{not json");
    CHECK(r.status == 400);
    CHECK(errorCode(r) == "bad_json");

    r = http.request("GET", "/v1/pull");
    CHECK(r.status == 401);
    r = http.request("GET", "/v1/pull", "", "forged.token.here");
    CHECK(r.status == 401);
    CHECK(errorCode(r) == "invalid_token");
    std::string tampered = token;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
    CHECK(http.request("GET", "/v1/pull", "", tampered).status == 401);

    r = http.request("GET", "/v1/pull?cursor=999", "", token);
    CHECK(r.status == 400);
    CHECK(errorCode(r) == "cursor_from_future");
    r = http.request("GET", "/v1/pull?cursor=abc", "", token);
    CHECK(r.status == 400);
    r = http.request("GET", "/v1/pull?entities=nope", "", token);
    CHECK(r.status == 400);
    CHECK(errorCode(r) == "unknown_entity");

    const std::string good =
        std::string(
            R"({"ops":[{"op_id":"01a23c26-0000-7000-8000-000000000001","entity":"kiosks","row_id":")") +
        kKiosk + R"(","kind":"upsert","base_rev":1,"fields":{"name":"Kiosk Một"}}]})";
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"{\"ops\":[{\"op_id\":", "bad_json"},
        {R"({"ops":[{"op_id":"x","entity":"nope","row_id":"r","kind":"upsert","fields":{"a":1}}]})",
         "unknown_entity"},
        {R"({"ops":[{"op_id":"x","entity":"kiosks","row_id":"r","kind":"upsert","fields":{"lat":"north"}}]})",
         "invalid_field"},
        {R"({"ops":[{"op_id":"x","entity":"kiosks","row_id":"r","kind":"upsert","fields":{"colour":1}}]})",
         "invalid_field"},
        {R"({"ops":[{"op_id":"x","entity":"kiosks","row_id":"r","kind":"upsert","fields":{"rev":99}}]})",
         "invalid_field"},
        {R"({"ops":[{"op_id":7,"entity":"kiosks","row_id":"r","kind":"upsert","fields":{"name":"a"}}]})",
         "invalid_field"},
        {R"({"ops":"all"})", "invalid_field"},
        // A good op followed by a bad one: the batch is refused whole.
        {good.substr(0, good.size() - 2) +
             R"(,{"op_id":"y","entity":"kiosks","row_id":"r","kind":"drop"}]})",
         "invalid_field"},
    };
    for (const auto& [body, code] : bad) {
        INFO(body);
        r = http.request("POST", "/v1/push", body, token);
        CHECK(r.status >= 400);
        CHECK(errorCode(r) == code);
    }
    r = http.request("POST", "/v1/push", std::string(17u << 20, ' '), token);
    CHECK(r.status == 413);
    CHECK(seq() == before);

    // The same op twice: applied once, the second answer says duplicate.
    r = http.request("POST", "/v1/push", good, token);
    REQUIRE(r.status == 200);
    auto first = sync::parseJson(r.body);
    CHECK(first.find("results")->items()[0].find("status")->asString() == "accepted");
    const std::int64_t after = seq();
    CHECK(after == before + 1);
    r = http.request("POST", "/v1/push", good, token);
    auto second = sync::parseJson(r.body);
    CHECK(second.find("results")->items()[0].find("status")->asString() == "accepted");
    CHECK(second.find("results")->items()[0].find("duplicate")->asBool());
    CHECK(seq() == after);

    // Refresh tokens rotate; a reused one revokes the family.
    auto refreshBody = [](const std::string& t) { return "{\"refresh_token\":\"" + t + "\"}"; };
    r = http.request("POST", "/v1/auth/refresh", refreshBody(refresh));
    CHECK(r.status == 200);
    const std::string next = sync::parseJson(r.body).find("refresh_token")->asString();
    r = http.request("POST", "/v1/auth/refresh", refreshBody(refresh));
    CHECK(r.status == 401);
    CHECK(http.request("POST", "/v1/auth/refresh", refreshBody(next)).status == 401);

    // The case officer's scope has no kiosks.
    auto officer = sync::parseJson(http.request("POST", "/v1/auth/login",
                                                R"({"username":"officer","password":")" +
                                                    std::string(test::kAdminPassword) + "\"}")
                                       .body);
    r = http.request("GET", "/v1/pull?entities=kiosks", "",
                     officer.find("access_token")->asString());
    CHECK(r.status == 403);
    CHECK(errorCode(r) == "forbidden");
}
