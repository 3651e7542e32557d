#include "tipoff/evidence.h"

#include "core/errors.h"
#include "core/i18n.h"
#include "core/ids.h"

#include <openssl/evp.h>

#include <fstream>
#include <memory>
#include <system_error>

namespace c175::tipoff {
namespace {

bool startsWith(std::string_view s, std::string_view prefix, std::size_t at = 0) {
    return s.size() >= at + prefix.size() && s.substr(at, prefix.size()) == prefix;
}

// An MPEG audio frame header: 11 sync bits, a valid version, layer III and bitrate index.
bool isMpegAudioFrame(std::string_view h) {
    if (h.size() < 4)
        return false;
    const auto b0 = static_cast<unsigned char>(h[0]), b1 = static_cast<unsigned char>(h[1]),
               b2 = static_cast<unsigned char>(h[2]);
    const bool sync = b0 == 0xFF && (b1 & 0xE0) == 0xE0;
    const int version = (b1 >> 3) & 3, layer = (b1 >> 1) & 3, bitrate = b2 >> 4;
    return sync && version != 1 && layer == 1 && bitrate != 0 && bitrate != 15;
}

struct MdCtxFree {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};

} // namespace

std::string sniffMediaType(std::string_view h) {
    if (startsWith(h, "\xFF\xD8\xFF"))
        return "image/jpeg";
    if (startsWith(h, "\x89PNG\r\n\x1A\n"))
        return "image/png";
    if (startsWith(h, "ftyp", 4) && h.size() >= 12) {
        const std::string_view brand = h.substr(8, 4);
        if (brand == "M4A " || brand == "M4B ")
            return "audio/mp4";
        if (brand == "heic" || brand == "heix" || brand == "mif1")
            return "image/heic";
        if (brand == "qt  ")
            return "video/quicktime";
        return "video/mp4"; // isom, mp41, mp42, avc1, 3gp4 ...
    }
    if (startsWith(h, "RIFF") && startsWith(h, "WAVE", 8))
        return "audio/wav";
    if (startsWith(h, "ID3") || isMpegAudioFrame(h))
        return "audio/mpeg";
    return {};
}

std::filesystem::path EvidenceStore::besideCache(const std::string& cachePath) {
    if (cachePath.empty() || cachePath == ":memory:")
        return {};
    const std::filesystem::path p(cachePath);
    return p.parent_path() / (p.filename().string() + ".evidence");
}

std::filesystem::path EvidenceStore::pathOf(const std::string& sha256) const {
    return m_root / sha256.substr(0, 2) / sha256;
}

StoredEvidence EvidenceStore::put(const std::filesystem::path& source, std::int64_t maxBytes,
                                  const std::string& field) const {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(source, ec))
        throw core::ValidationError(
            field, core::fmt(core::tr("the file \"{}\" does not exist"), source.string()));
    const auto size = static_cast<std::int64_t>(std::filesystem::file_size(source, ec));
    if (ec)
        throw core::ValidationError(
            field, core::fmt(core::tr("the file \"{}\" cannot be read"), source.string()));
    if (size == 0)
        throw core::ValidationError(field, core::tr("the file is empty"));
    if (size > maxBytes)
        throw core::ValidationError(
            field, core::fmt(core::tr("the file is {} bytes; at most {} bytes are accepted"), size,
                             maxBytes));
    std::ifstream in(source, std::ios::binary);
    std::string head(64, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const std::string mediaType = sniffMediaType(head);
    if (mediaType.empty())
        throw core::ValidationError(field, core::tr("the file is not a photo (JPEG, PNG, HEIC), "
                                                    "video (MP4, MOV) or audio (MP3, M4A, WAV)"));
    if (m_root.empty())
        throw core::ValidationError(field, core::tr("this cache has no evidence folder"));

    // Copy to a temporary file while hashing, then rename it to its content name.
    std::filesystem::create_directories(m_root, ec);
    const auto tmp = m_root / ("incoming-" + core::newUuidV7());
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> md(EVP_MD_CTX_new());
    EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr);
    {
        std::ofstream out(tmp, std::ios::binary);
        if (!out)
            throw core::ValidationError(field, core::fmt(core::tr("cannot write to the evidence "
                                                                  "folder \"{}\""),
                                                         m_root.string()));
        in.clear();
        in.seekg(0);
        std::string buf(1 << 16, '\0');
        while (in) {
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            const auto n = static_cast<std::size_t>(in.gcount());
            EVP_DigestUpdate(md.get(), buf.data(), n);
            out.write(buf.data(), static_cast<std::streamsize>(n));
        }
        if (!out.flush())
            throw core::ValidationError(field, core::fmt(core::tr("cannot write to the evidence "
                                                                  "folder \"{}\""),
                                                         m_root.string()));
    }
    unsigned char digest[32];
    unsigned int len = 0;
    EVP_DigestFinal_ex(md.get(), digest, &len);
    static constexpr char hex[] = "0123456789abcdef";
    std::string sha;
    for (unsigned i = 0; i < len; ++i) {
        sha.push_back(hex[digest[i] >> 4]);
        sha.push_back(hex[digest[i] & 15]);
    }
    const auto target = pathOf(sha);
    std::filesystem::create_directories(target.parent_path(), ec);
    if (std::filesystem::exists(target, ec))
        std::filesystem::remove(tmp, ec);
    else
        std::filesystem::rename(tmp, target);
    return {sha, mediaType, size, source.filename().string()};
}

} // namespace c175::tipoff
