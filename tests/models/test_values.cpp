// Value types of models/values: valid input normalised, bad input refused naming the field.
#include "core/errors.h"
#include "values/case_code.h"
#include "values/cccd.h"
#include "values/geo_point.h"
#include "values/phone.h"
#include "values/plate.h"
#include "values/vnd.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <set>

using namespace c175;
using namespace c175::values;

// Checks that `expr` throws core::ValidationError naming `fieldName`, with a rule to show.
#define CHECK_INVALID(expr, fieldName)                                                             \
    do {                                                                                           \
        bool thrown_ = false;                                                                      \
        try {                                                                                      \
            (void)(expr);                                                                          \
        } catch (const core::ValidationError& e_) {                                                \
            thrown_ = true;                                                                        \
            CHECK(e_.field() == (fieldName));                                                      \
            CHECK_FALSE(e_.rule().empty());                                                        \
        }                                                                                          \
        CHECK_MESSAGE(thrown_, "expected a ValidationError from " #expr);                          \
    } while (false)

TEST_CASE("Cccd: province, century/sex and year are decoded") {
    const Cccd man = Cccd::parse("001090000123");
    CHECK(man.str() == "001090000123");
    CHECK(man.provinceCode() == "001");
    CHECK_FALSE(man.female());
    CHECK(man.birthYear() == 1990);
    CHECK(man.serial() == 123);

    const Cccd woman = Cccd::parse("  079305012345 ", 2005);
    CHECK(woman.str() == "079305012345");
    CHECK(woman.female());
    CHECK(woman.birthYear() == 2005);
    CHECK(woman.provinceCode() == "079");
    CHECK(cccdProvinceName("079") == "H\u1ED3 Ch\u00ED Minh");

    CHECK(Cccd::parse("096499000001").birthYear() == 2199);
    CHECK(Cccd::parse("096899000001").birthYear() == 2399);
    CHECK(Cccd::parse("096999000001").female());
}

TEST_CASE("Cccd::make builds the same digits parse reads") {
    CHECK(Cccd::make("001", 1990, false, 123).str() == "001090000123");
    CHECK(Cccd::make("001", 2001, true, 999999).str() == "001301999999");
    CHECK(Cccd::make("096", 1900, true, 0).str() == "096100000000");
    for (const auto& code : cccdProvinceCodes()) {
        const Cccd id = Cccd::make(code, 1975, true, 42);
        CHECK(Cccd::parse(id.str(), 1975) == id);
    }
    CHECK_INVALID(Cccd::make("003", 1990, false, 1), "cccd");
    CHECK_INVALID(Cccd::make("001", 1899, false, 1), "birth_year");
    CHECK_INVALID(Cccd::make("001", 2400, false, 1), "birth_year");
    CHECK_INVALID(Cccd::make("001", 1990, false, 1'000'000), "cccd");
}

TEST_CASE("Cccd: the 63 province codes") {
    const auto& codes = cccdProvinceCodes();
    CHECK(codes.size() == 63);
    CHECK(std::set<std::string>(codes.begin(), codes.end()).size() == 63);
    CHECK(codes.front() == "001");
    CHECK(codes.back() == "096");
    CHECK(cccdProvinceName("048") == "\u0110\u00E0 N\u1EB5ng");
    CHECK(cccdProvinceName("003").empty());
}

TEST_CASE("Cccd: bad input names the field") {
    CHECK_INVALID(Cccd::parse(""), "cccd");
    CHECK_INVALID(Cccd::parse("00109000012"), "cccd");     // 11 digits
    CHECK_INVALID(Cccd::parse("0010900001234"), "cccd");   // 13 digits
    CHECK_INVALID(Cccd::parse("00109000012a"), "cccd");    // a letter
    CHECK_INVALID(Cccd::parse("001 090 000 123"), "cccd"); // inner spaces
    CHECK_INVALID(Cccd::parse("003090000123"), "cccd");    // 003 is no province
    CHECK_INVALID(Cccd::parse("097090000123"), "cccd");
    CHECK_INVALID(Cccd::parse("001090000123", 1991), "cccd");
    CHECK_INVALID(Cccd::parse("001090000123", 2090), "cccd"); // century digit says 1900s
    CHECK_INVALID(Cccd::parse("001190000123", 1991, "reporter_id"), "reporter_id");
    try {
        Cccd::parse("12345");
        FAIL("no error");
    } catch (const core::ValidationError& e) {
        CHECK(e.rule() == "must be 12 digits");
        CHECK(std::string(e.what()) == "cccd: must be 12 digits");
    }
}

TEST_CASE("PhoneNumber accepts national and international forms") {
    for (const char* text :
         {"0912345678", "+84912345678", "84912345678", " 0912 345 678 ", "091.234.5678",
          "091-234-5678", "+84 91 234 5678", "(+84) 912-345-678", "+84 0912345678"}) {
        CAPTURE(text);
        const auto p = PhoneNumber::parse(text);
        CHECK(p.str() == "0912345678");
        CHECK(p.e164() == "+84912345678");
    }
    for (const char* prefix : {"03", "05", "07", "08", "09"}) {
        CAPTURE(prefix);
        CHECK(PhoneNumber::parse(std::string(prefix) + "61234567").str().substr(0, 2) == prefix);
    }
}

TEST_CASE("PhoneNumber refuses what is not a Vietnamese mobile") {
    CHECK_INVALID(PhoneNumber::parse(""), "phone");
    CHECK_INVALID(PhoneNumber::parse("0212345678"), "phone");  // landline prefix
    CHECK_INVALID(PhoneNumber::parse("0112345678"), "phone");  // pre-2018 11-digit range
    CHECK_INVALID(PhoneNumber::parse("01212345678"), "phone"); // old 11-digit mobile
    CHECK_INVALID(PhoneNumber::parse("091234567"), "phone");   // 9 digits
    CHECK_INVALID(PhoneNumber::parse("09123456789"), "phone"); // 11 digits
    CHECK_INVALID(PhoneNumber::parse("+1 202 555 0123"), "phone");
    CHECK_INVALID(PhoneNumber::parse("+0912345678"), "phone");
    CHECK_INVALID(PhoneNumber::parse("0912x45678"), "phone");
    CHECK_INVALID(PhoneNumber::parse("0912+345678"), "phone");
    CHECK_INVALID(PhoneNumber::parse("0612345678", "kiosk_phone"), "kiosk_phone");
}

TEST_CASE("VehiclePlate normalises cars and motorbikes") {
    struct Case {
        const char* text;
        const char* canonical;
        bool motorbike;
    };
    for (const Case& c : {
             Case{"51F-123.45", "51F-123.45", false},
             Case{" 51f 12345 ", "51F-123.45", false},
             Case{"51F12345", "51F-123.45", false},
             Case{"30A-1234", "30A-1234", false},
             Case{"30a1234", "30A-1234", false},
             Case{"51LD-123.45", "51LD-123.45", false},
             Case{"29-B1 123.45", "29-B1 123.45", true},
             Case{"29b1-12345", "29-B1 123.45", true},
             Case{"29B112345", "29-B1 123.45", true},
             Case{"29-B1 1234", "29-B1 1234", true},
             Case{"29 b1 1234", "29-B1 1234", true},
             Case{"29B1 1234", "29-B1 1234", true},
             Case{"29-AA 123.45", "29-AA 123.45", true},
             // Without separators, 8 characters read as a car: the newer 5-digit numbering.
             Case{"29B11234", "29B-112.34", false},
         }) {
        CAPTURE(c.text);
        const auto plate = VehiclePlate::parse(c.text);
        CHECK(plate.str() == c.canonical);
        CHECK(plate.motorbike() == c.motorbike);
        CHECK(plate.provinceCode() == std::string(c.canonical).substr(0, 2));
        CHECK(VehiclePlate::parse(plate.str()) == plate); // canonical form is stable
    }
}

TEST_CASE("VehiclePlate refuses bad plates") {
    CHECK_INVALID(VehiclePlate::parse(""), "plate");
    CHECK_INVALID(VehiclePlate::parse("13A-123.45"), "plate"); // 13 is not issued
    CHECK_INVALID(VehiclePlate::parse("10A-123.45"), "plate");
    CHECK_INVALID(VehiclePlate::parse("05A-123.45"), "plate");
    CHECK_INVALID(VehiclePlate::parse("51I-123.45"), "plate"); // I is not a series letter
    CHECK_INVALID(VehiclePlate::parse("51F-123"), "plate");
    CHECK_INVALID(VehiclePlate::parse("51F-1234567"), "plate");
    CHECK_INVALID(VehiclePlate::parse("51F-000.00"), "plate");
    CHECK_INVALID(VehiclePlate::parse("5F-123.45"), "plate");
    CHECK_INVALID(VehiclePlate::parse("51F-123.45!"), "plate");
    CHECK_INVALID(VehiclePlate::parse("29-B0 123.45"), "plate");
    CHECK_INVALID(VehiclePlate::parse("F51-123.45", "vehicle"), "vehicle");
    CHECK(isPlateProvinceCode(29));
    CHECK(isPlateProvinceCode(99));
    CHECK_FALSE(isPlateProvinceCode(13));
    CHECK_FALSE(isPlateProvinceCode(100));
}

TEST_CASE("GeoPoint accepts Vietnam, including Hoàng Sa and Trường Sa") {
    const auto hanoi = GeoPoint::make(21.0285, 105.8542);
    CHECK(hanoi.lat() == doctest::Approx(21.0285));
    CHECK(hanoi.lon() == doctest::Approx(105.8542));
    CHECK_NOTHROW(GeoPoint::make(16.5, 112.0));  // Hoàng Sa
    CHECK_NOTHROW(GeoPoint::make(8.64, 111.92)); // Trường Sa
    CHECK_NOTHROW(GeoPoint::make(8.6, 104.7));   // Cà Mau cape
    CHECK_NOTHROW(GeoPoint::make(6.0, 102.0));   // the corners are inside
    CHECK_NOTHROW(GeoPoint::make(23.5, 118.0));
    CHECK(GeoPoint::inVietnamExtent(10.7769, 106.7009));
    CHECK_FALSE(GeoPoint::inVietnamExtent(13.75, 100.5)); // Bangkok
}

TEST_CASE("GeoPoint refuses points outside the extent") {
    CHECK_INVALID(GeoPoint::make(13.75, 100.5), "location");  // Bangkok
    CHECK_INVALID(GeoPoint::make(14.6, 121.0), "location");   // Manila
    CHECK_INVALID(GeoPoint::make(105.85, 21.03), "location"); // lat/lon swapped
    CHECK_INVALID(GeoPoint::make(5.99, 105.0), "location");
    CHECK_INVALID(GeoPoint::make(23.51, 105.0), "location");
    CHECK_INVALID(GeoPoint::make(std::nan(""), 105.0), "location");
    CHECK_INVALID(GeoPoint::make(21.0, std::numeric_limits<double>::infinity()), "location");
    CHECK_INVALID(GeoPoint::make(0, 0, "kiosk_location"), "kiosk_location");
    CHECK_FALSE(GeoPoint::inVietnamExtent(std::nan(""), 105.0));
}

TEST_CASE("Vnd parses the ways people write đồng") {
    for (const char* text :
         {"1.500.000", "1500000", "1.500.000 \u20AB", "1,500,000 VND", "1500000\u0111",
          "1 500 000 \u0111\u1ED3ng", " 1.500.000 vnd ", "1.500.000 VN\u0110", "1.500.000\u20AB"}) {
        CAPTURE(text);
        CHECK(Vnd::parse(text).amount() == 1'500'000);
    }
    CHECK(Vnd::parse("0").amount() == 0);
    CHECK(Vnd::parse("999").amount() == 999);
    CHECK(Vnd::parse("1.000.000.000.000.000").amount() == Vnd::kMax);
}

TEST_CASE("Vnd formats with dot groups and the đồng sign") {
    CHECK(Vnd::of(1'500'000).format() == "1.500.000 \u20AB");
    CHECK(Vnd::of(0).format() == "0 \u20AB");
    CHECK(Vnd::of(999).format() == "999 \u20AB");
    CHECK(Vnd::of(1000).format() == "1.000 \u20AB");
    CHECK(Vnd::of(Vnd::kMax).format() == "1.000.000.000.000.000 \u20AB");
    CHECK(Vnd::parse(Vnd::of(123'456'789).format()).amount() == 123'456'789);
    CHECK(Vnd::of(5) < Vnd::of(6));
}

TEST_CASE("Vnd refuses negative, fractional, malformed and huge amounts") {
    CHECK_INVALID(Vnd::of(-1), "amount");
    CHECK_INVALID(Vnd::of(Vnd::kMax + 1), "amount");
    CHECK_INVALID(Vnd::parse(""), "amount");
    CHECK_INVALID(Vnd::parse("\u20AB"), "amount");
    CHECK_INVALID(Vnd::parse("-5"), "amount");
    CHECK_INVALID(Vnd::parse("1.5"), "amount");
    CHECK_INVALID(Vnd::parse("1500000.50"), "amount");
    CHECK_INVALID(Vnd::parse("1.500.00"), "amount");
    CHECK_INVALID(Vnd::parse("1.500,000"), "amount");
    CHECK_INVALID(Vnd::parse("1500.000"), "amount");
    CHECK_INVALID(Vnd::parse(".500"), "amount");
    CHECK_INVALID(Vnd::parse("1..500"), "amount");
    CHECK_INVALID(Vnd::parse("abc"), "amount");
    CHECK_INVALID(Vnd::parse("1 tri\u1EC7u"), "amount");
    CHECK_INVALID(Vnd::parse("1000000000000001"), "amount");
    CHECK_INVALID(Vnd::parse("99999999999999999999999"), "amount"); // would overflow int64
    CHECK_INVALID(Vnd::parse("12$", "support_amount"), "support_amount");
}

TEST_CASE("CaseCode: hub-issued and offline codes") {
    const auto hub = CaseCode::parse("TG-2026-000123");
    CHECK(hub.str() == "TG-2026-000123");
    CHECK(hub.prefix() == "TG");
    CHECK(hub.year() == 2026);
    CHECK_FALSE(hub.isOffline());
    CHECK(hub.deviceTag().empty());
    CHECK(hub.sequence() == 123);
    CHECK(CaseCode::hubIssued("TG", 2026, 123) == hub);

    const auto off = CaseCode::parse(" tg-2026-k7q3-0042 ");
    CHECK(off.str() == "TG-2026-K7Q3-0042");
    CHECK(off.isOffline());
    CHECK(off.prefix() == "TG");
    CHECK(off.year() == 2026);
    CHECK(off.deviceTag() == "K7Q3");
    CHECK(off.sequence() == 42);
    CHECK(CaseCode::offline("TG", 2026, "K7Q3", 42) == off);
    // Crockford decoding forgives the letters people misread.
    CHECK(CaseCode::parse("TG-2026-KIO3-0042").str() == "TG-2026-K103-0042");
    CHECK(CaseCode::parse("WEL-2027-999999").prefix() == "WEL");
}

TEST_CASE("CaseCode::deviceTagFrom is stable and spreads ids") {
    const std::string tag = CaseCode::deviceTagFrom("0196f0c2-7a11-7c3e-9d2a-5b1e0f3c4d5e");
    CHECK(tag.size() == 4);
    CHECK(tag == CaseCode::deviceTagFrom("0196f0c2-7a11-7c3e-9d2a-5b1e0f3c4d5e"));
    CHECK(tag.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ") == std::string::npos);
    CHECK(CaseCode::offline("TG", 2026, tag, 1).deviceTag() == tag);
    std::set<std::string> tags;
    for (int i = 0; i < 1000; ++i)
        tags.insert(CaseCode::deviceTagFrom("console-" + std::to_string(i)));
    CHECK(tags.size() > 990); // 2^20 tags: a handful of collisions at most
    CHECK_INVALID(CaseCode::deviceTagFrom(""), "device_id");
}

TEST_CASE("CaseCode refuses malformed codes") {
    CHECK_INVALID(CaseCode::parse(""), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-2026-123"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-2026-0000123"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-26-000123"), "case_code");
    CHECK_INVALID(CaseCode::parse("T-2026-000123"), "case_code");
    CHECK_INVALID(CaseCode::parse("TGXYZ-2026-000123"), "case_code");
    CHECK_INVALID(CaseCode::parse("T1-2026-000123"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-1999-000123"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-2026-000000"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG2026000123"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-2026-K7U3-0042"), "case_code"); // U is not Crockford
    CHECK_INVALID(CaseCode::parse("TG-2026-K7Q-0042"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-2026-K7Q3-42"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-2026-K7Q3-0000"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-2026-K7Q3-0042-1"), "case_code");
    CHECK_INVALID(CaseCode::parse("TG-2026-123", "code"), "code");
    CHECK_INVALID(CaseCode::hubIssued("TG", 2026, 0), "case_code");
    CHECK_INVALID(CaseCode::hubIssued("TG", 2026, 1'000'000), "case_code");
    CHECK_INVALID(CaseCode::hubIssued("tg", 2026, 1), "case_code");
    CHECK_INVALID(CaseCode::offline("TG", 2026, "K7Q3", 10'000), "case_code");
    CHECK_INVALID(CaseCode::offline("TG", 2026, "K7*3", 1), "case_code");
}
