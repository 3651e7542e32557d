// An expired access token is refused (and a refresh gets a new one); geodata (admin_units, keyed
// by its code, not an id) is reference data the hub distributes like any other entity.
#include "changes/change_capture.h"
#include "sync_helpers.h"

#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>

#include <ctime>

using namespace c175;

TEST_CASE("an expired or foreign-signed access token gets 401; refresh issues a working one") {
    test::TempDir dir;
    const auto hubPath = dir.file("hub.db");
    test::seedSmallHub(hubPath);
    test::HubProcess hub(hubPath);
    hub.start();
    sync::HttpClient http(hub.url());
    auto login = sync::parseJson(
        http.request("POST", "/v1/auth/login",
                     R"({"username":"admin","password":")" + test::demoPassword("admin") + "\"}")
            .body);
    const std::string refresh = login.find("refresh_token")->asString();
    std::string key;
    {
        auto hubDb = db::openCache(hubPath);
        key = hubDb.scalarText("SELECT value FROM hub_meta WHERE key = 'jwt_key'").value();
    }
    auto tokenFor = [](const std::string& signingKey, std::time_t expires) {
        Poco::JWT::Token token;
        token.setType("JWT");
        token.setIssuer("c175-hub");
        token.setSubject("admin");
        token.payload().set("role", std::string("admin"));
        token.setIssuedAt(Poco::Timestamp::fromEpochTime(expires - 900));
        token.setExpiration(Poco::Timestamp::fromEpochTime(expires));
        return Poco::JWT::Signer(signingKey).sign(token, Poco::JWT::Signer::ALGO_HS256);
    };
    const std::time_t now = std::time(nullptr);
    // The hub's own key, but expired a minute ago.
    auto r = http.request("GET", "/v1/pull?cursor=0&limit=10", "", tokenFor(key, now - 60));
    CHECK(r.status == 401);
    auto doc = sync::parseJson(r.body);
    REQUIRE(doc.find("error"));
    CHECK(doc.find("error")->find("code")->asString() == "invalid_token");
    CHECK(doc.find("error")->find("message")->asString().find("expired") != std::string::npos);
    // Valid times, another key: forged.
    r = http.request("GET", "/v1/pull?cursor=0&limit=10", "",
                     tokenFor(std::string(64, 'a'), now + 600));
    CHECK(r.status == 401);
    // The same claims signed by the hub's key and still valid are accepted: the refusals above
    // were for the expiry and the signature, nothing else.
    r = http.request("GET", "/v1/pull?cursor=0&limit=10", "", tokenFor(key, now + 600));
    CHECK(r.status == 200);
    // The refresh token brings a fresh access token that works.
    r = http.request("POST", "/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}");
    REQUIRE(r.status == 200);
    const std::string fresh = sync::parseJson(r.body).find("access_token")->asString();
    CHECK(http.request("GET", "/v1/pull?cursor=0&limit=10", "", fresh).status == 200);
}

TEST_CASE("a console pulls admin_units (keyed by code) and an admin's edit of one syncs") {
    test::TempDir dir;
    const auto hubPath = dir.file("hub.db");
    test::seedSmallHub(hubPath);
    {
        auto hubDb = db::openCache(hubPath);
        hubDb.exec(
            "INSERT INTO admin_units(code, layer, level, parent_code, name, name_en, full_name, "
            "area_km2, population, pop_year, min_lon, min_lat, max_lon, max_lat, geometry) VALUES "
            "('01', '2025', 'province', NULL, 'Hà Nội', 'Ha Noi', 'Thành phố Hà Nội', 3359.84, "
            "8587100, 2024, 105.28, 20.56, 106.02, 21.39, '{\"type\":\"Polygon\",\"coordinates\":"
            "[[[105.28,20.56],[106.02,20.56],[106.02,21.39],[105.28,20.56]]]}'), "
            "('00004', '2025', 'commune', '01', 'Ba Đình', 'Ba Dinh', 'Phường Ba Đình', 9.25, "
            "65000, 2024, 105.81, 21.03, 105.84, 21.05, NULL)");
    }
    test::HubProcess hub(hubPath);
    hub.start();

    test::SyncClient officer(dir.file("officer.db"));
    officer.syncOnce(hub.url(), "officer");
    CHECK(officer.db.scalarInt("SELECT count(*) FROM admin_units") == 2);
    CHECK(officer.db.scalarText("SELECT name FROM admin_units WHERE code = '00004'").value() ==
          "Ba Đình");
    // The map's index is kept by the schema's triggers for rows that arrive by sync.
    CHECK(officer.db.scalarInt("SELECT count(*) FROM admin_units_rtree") == 2);

    test::SyncClient admin(dir.file("admin.db"));
    admin.syncOnce(hub.url());
    {
        db::Transaction tx(admin.db);
        admin.db.exec("UPDATE admin_units SET population = 8700000 WHERE code = '01'");
        changes::recordUpsert(admin.db, "admin_units", "01", R"({"population":8700000})", "admin");
        tx.commit();
    }
    const auto stats = admin.syncOnce(hub.url());
    CHECK(stats.accepted == 1);
    officer.syncOnce(hub.url(), "officer");
    CHECK(officer.db.scalarInt("SELECT population FROM admin_units WHERE code = '01'") == 8700000);
    auto hubDb = db::openCache(hubPath);
    CHECK(hubDb.scalarInt("SELECT population FROM admin_units WHERE code = '01'") == 8700000);
    sync::Schema schema(hubDb);
    const auto* units = schema.find("admin_units");
    REQUIRE(units);
    CHECK(units->key == "code");
    CHECK(test::dumpEntity(hubDb, *units) == test::dumpEntity(officer.db, *units));
    CHECK(test::dumpEntity(hubDb, *units) == test::dumpEntity(admin.db, *units));
}
