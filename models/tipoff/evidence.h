// Evidence files of a tip-off: media type from the content (not the name), SHA-256, and a
// content-addressed store folder beside the cache.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace c175::tipoff {

// Recognised from the first bytes: image/jpeg, image/png, image/heic, video/mp4,
// video/quicktime, audio/mp4 (M4A), audio/mpeg (MP3), audio/wav. Empty when none of these.
std::string sniffMediaType(std::string_view head);

struct StoredEvidence {
    std::string sha256; // hex
    std::string mediaType;
    std::int64_t sizeBytes = 0;
    std::string fileName; // the name it came with (no folders)
};

// Files kept by content: <root>/<sha[0..2]>/<sha>. Storing the same content twice keeps one file.
class EvidenceStore {
public:
    explicit EvidenceStore(std::filesystem::path root) : m_root(std::move(root)) {}
    // The store of a cache file: "<dir>/<cache file name>.evidence"; empty for ":memory:".
    static std::filesystem::path besideCache(const std::string& cachePath);

    // Checks type and size, then copies the file in (via a temporary file and a rename, so a
    // half-written file never carries a content name). Throws core::ValidationError(field, rule)
    // for a missing, unreadable, too large or unrecognised file.
    StoredEvidence put(const std::filesystem::path& source, std::int64_t maxBytes,
                       const std::string& field) const;
    std::filesystem::path pathOf(const std::string& sha256) const;
    const std::filesystem::path& root() const { return m_root; }

private:
    std::filesystem::path m_root;
};

} // namespace c175::tipoff
