// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), for pseudonyms in exports. Written here
// rather than taken from a crypto library so that the core keeps its short list of
// dependencies; it is checked against the published test vectors.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace earshot::exports {

class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;
    static constexpr std::size_t kBlockSize = 64;

    Sha256();

    // Feeds more bytes; a message may arrive in any number of pieces.
    void update(std::string_view bytes);
    // The digest of everything fed so far; the object then starts over for a new message.
    Digest finish();

    static Digest hash(std::string_view bytes);
    static Digest hmac(std::string_view key, std::string_view message);
    // Lower-case hexadecimal, two characters a byte.
    static std::string hex(const Digest& digest);

private:
    void reset();
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state{};
    std::array<std::uint8_t, kBlockSize> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;   // bytes fed so far
};

}  // namespace earshot::exports
