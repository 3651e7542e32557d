// gzip for request and response bodies (zlib), with a limit on what inflating may produce.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace c175::sync {

class GzipTooLarge : public std::runtime_error {
public:
    GzipTooLarge() : std::runtime_error("the decompressed body is too large") {}
};

// Level 1: the bodies are big and the link is fast; speed matters more than the last byte.
std::string gzip(std::string_view data, int level = 1);
// Throws std::runtime_error on corrupt data, GzipTooLarge past `limit` bytes.
std::string gunzip(std::string_view data, std::size_t limit);

} // namespace c175::sync
