#include "core/i18n.h"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace c175::core {
namespace {

struct Catalog {
    std::string language = "en";
    std::unordered_map<std::string, std::string> messages;
};

Catalog& catalog() {
    static Catalog c;
    return c;
}
std::mutex& catalogMutex() {
    static std::mutex m;
    return m;
}

std::uint32_t readWord(const std::vector<char>& data, std::size_t at, bool swap) {
    std::uint32_t v = 0;
    std::memcpy(&v, data.data() + at, 4);
    return swap ? __builtin_bswap32(v) : v;
}

// Parses a GNU .mo file (magic, count, offsets of the original and translated tables).
bool loadMo(const std::string& path, std::unordered_map<std::string, std::string>& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() < 28)
        return false;
    std::uint32_t magic = 0;
    std::memcpy(&magic, data.data(), 4);
    const bool swap = magic == 0xde120495u;
    if (magic != 0x950412deu && !swap)
        return false;
    const auto count = readWord(data, 8, swap);
    const auto origTable = readWord(data, 12, swap);
    const auto transTable = readWord(data, 16, swap);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t o = origTable + 8ull * i, t = transTable + 8ull * i;
        if (o + 8 > data.size() || t + 8 > data.size())
            return false;
        const auto olen = readWord(data, o, swap), ooff = readWord(data, o + 4, swap);
        const auto tlen = readWord(data, t, swap), toff = readWord(data, t + 4, swap);
        if (std::size_t(ooff) + olen > data.size() || std::size_t(toff) + tlen > data.size())
            return false;
        std::string id(data.data() + ooff, olen), str(data.data() + toff, tlen);
        if (id.empty() || str.empty())
            continue; // the header entry, or untranslated
        // Plural forms hold "singular\0plural": keep the singular pair.
        id = id.substr(0, id.find('\0'));
        str = str.substr(0, str.find('\0'));
        out.emplace(std::move(id), std::move(str));
    }
    return true;
}

} // namespace

bool setLanguage(const std::string& lang, const std::string& localeDir) {
    std::unordered_map<std::string, std::string> messages;
    bool ok = true;
    if (lang != "en" && !lang.empty())
        ok = loadMo(localeDir + "/" + lang + "/LC_MESSAGES/c175.mo", messages);
    std::lock_guard lock(catalogMutex());
    catalog().language = ok ? lang : "en";
    catalog().messages = std::move(messages);
    return ok;
}

const std::string& currentLanguage() {
    return catalog().language;
}

std::string defaultLocaleDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return "/usr/share/locale";
    return (exe.parent_path().parent_path() / "share" / "locale").string();
}

const char* tr(const char* msgid) {
    // The catalog is set once at start-up, before threads; lookups only read it.
    const auto& messages = catalog().messages;
    if (messages.empty())
        return msgid;
    const auto it = messages.find(msgid);
    return it == messages.end() ? msgid : it->second.c_str();
}

} // namespace c175::core
