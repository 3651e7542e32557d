#include "seed/seed_evidence.h"

#include "db/database.h"
#include "seed/random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace c175::seed {
namespace {

void putBe32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void putLe(std::string& out, std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::uint32_t crc32(std::string_view data) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data)
        c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void pngChunk(std::string& out, const char* type, const std::string& data) {
    putBe32(out, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type, 4) + data;
    out += typed;
    putBe32(out, crc32(typed));
}

// zlib stream of stored (uncompressed) deflate blocks: valid without a compressor.
std::string zlibStored(const std::string& raw) {
    std::string out = "\x78\x01";
    std::size_t at = 0;
    do {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
        const bool last = at + n == raw.size();
        out.push_back(static_cast<char>(last ? 1 : 0));
        putLe(out, static_cast<std::uint32_t>(n), 2);
        putLe(out, static_cast<std::uint32_t>(~n & 0xFFFF), 2);
        out.append(raw, at, n);
        at += n;
    } while (at < raw.size());
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    putBe32(out, (b << 16) | a);
    return out;
}

std::filesystem::path writeTemp(const std::filesystem::path& dir, const std::string& name,
                                const std::string& bytes) {
    const auto path = dir / name;
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        throw std::runtime_error("cannot write " + path.string());
    return path;
}

} // namespace

std::string demoPng(int width, int height, std::uint64_t variant) {
    std::string png = "\x89PNG\r\n\x1A\n";
    std::string header;
    putBe32(header, static_cast<std::uint32_t>(width));
    putBe32(header, static_cast<std::uint32_t>(height));
    header += std::string("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, no interlace
    pngChunk(png, "IHDR", header);
    // A dim, grainy scene: a gradient with a lighter shape, different per variant.
    Rng rng(variant, "evidence-png");
    const int cx = rng.rangeInt(width / 4, 3 * width / 4),
              cy = rng.rangeInt(height / 4, height / 2);
    const int tint = rng.rangeInt(0, 2);
    std::string raw;
    for (int y = 0; y < height; ++y) {
        raw.push_back('\0'); // filter: none
        for (int x = 0; x < width; ++x) {
            const int d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
            int v =
                40 + 120 * y / height + (d < width * height / 16 ? 60 : 0) + rng.rangeInt(-12, 12);
            v = std::clamp(v, 0, 255);
            for (int c = 0; c < 3; ++c)
                raw.push_back(static_cast<char>(c == tint ? std::min(255, v + 25) : v));
        }
    }
    pngChunk(png, "IDAT", zlibStored(raw));
    pngChunk(png, "IEND", "");
    return png;
}

std::string demoWav(double seconds, double hertz) {
    constexpr std::uint32_t kRate = 8000;
    const auto samples = static_cast<std::uint32_t>(seconds * kRate);
    std::string wav = "RIFF";
    putLe(wav, 36 + samples, 4);
    wav += "WAVEfmt ";
    putLe(wav, 16, 4);
    putLe(wav, 1, 2); // PCM
    putLe(wav, 1, 2); // mono
    putLe(wav, kRate, 4);
    putLe(wav, kRate, 4); // bytes per second
    putLe(wav, 1, 2);     // block align
    putLe(wav, 8, 2);     // bits per sample
    wav += "data";
    putLe(wav, samples, 4);
    constexpr double kPi = 3.14159265358979323846;
    for (std::uint32_t i = 0; i < samples; ++i) {
        const double t = static_cast<double>(i) / kRate;
        const double envelope = std::min(1.0, std::min(t, seconds - t) * 20);
        wav.push_back(static_cast<char>(128 + 90 * envelope * std::sin(2 * kPi * hertz * t)));
    }
    return wav;
}

std::vector<DemoEvidenceFile> makeDemoEvidence(db::Database& db, std::uint64_t seed) {
    const tipoff::EvidenceStore store(tipoff::EvidenceStore::besideCache(db.path()));
    if (store.root().empty())
        return {};
    static const char* const kPhotoNotes[] = {
        "Ảnh chụp hiện trường từ tầng hai nhà đối diện.",
        "Ảnh chụp đối tượng và phương tiện, trời tối nên hơi mờ.",
        "Ảnh chụp màn hình tin nhắn của đối tượng.", "Ảnh chụp khu vực tập kết hàng vào ban đêm."};
    static const char* const kAudioNotes[] = {"Ghi âm cuộc gọi của đối tượng.",
                                              "Ghi âm tiếng ồn kéo dài sau 23 giờ.",
                                              "Ghi âm lời kể của người chứng kiến."};
    std::error_code ec;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("c175-seed-evidence-" + std::to_string(seed) + "-" +
                      std::to_string(reinterpret_cast<std::uintptr_t>(&db)));
    std::filesystem::create_directories(dir);
    std::vector<DemoEvidenceFile> files;
    try {
        for (int i = 0; i < 8; ++i) {
            const std::string name = "anh_hien_truong_" + std::to_string(i + 1) + ".png";
            const auto path = writeTemp(dir, name, demoPng(48, 36, seed * 31 + i));
            files.push_back({store.put(path, 1 << 20, "evidence"), kPhotoNotes[i % 4]});
        }
        for (int i = 0; i < 4; ++i) {
            const std::string name = "ghi_am_" + std::to_string(i + 1) + ".wav";
            const auto path = writeTemp(dir, name, demoWav(0.6 + 0.2 * i, 330.0 + 110.0 * i));
            files.push_back({store.put(path, 1 << 20, "evidence"), kAudioNotes[i % 3]});
        }
    } catch (...) {
        std::filesystem::remove_all(dir, ec);
        throw;
    }
    std::filesystem::remove_all(dir, ec);
    return files;
}

} // namespace c175::seed
