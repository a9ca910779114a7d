#include "earshot/exports/Sha256.h"

#include <algorithm>

namespace earshot::exports {

namespace {

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
constexpr std::array<std::uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// The first 32 bits of the fractional parts of the square roots of the first 8 primes.
constexpr std::array<std::uint32_t, 8> kInitialState = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

constexpr std::uint32_t rotateRight(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

}  // namespace

Sha256::Sha256() { reset(); }

void Sha256::reset()
{
    m_state = kInitialState;
    m_buffered = 0;
    m_length = 0;
}

void Sha256::update(std::string_view bytes)
{
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    std::size_t size = bytes.size();
    m_length += size;
    if (m_buffered > 0) {
        const std::size_t take = std::min(size, kBlockSize - m_buffered);
        std::copy_n(data, take, m_buffer.begin() + static_cast<std::ptrdiff_t>(m_buffered));
        m_buffered += take;
        data += take;
        size -= take;
        if (m_buffered < kBlockSize)
            return;
        compress(m_buffer.data());
        m_buffered = 0;
    }
    // Whole blocks straight from the caller's memory, without copying.
    for (; size >= kBlockSize; data += kBlockSize, size -= kBlockSize)
        compress(data);
    std::copy_n(data, size, m_buffer.begin());
    m_buffered = size;
}

Sha256::Digest Sha256::finish()
{
    // Padding (FIPS 180-4 §5.1.1): a 1 bit, zeros, then the message length in bits as a
    // big-endian 64-bit number, ending on a block boundary.
    const std::uint64_t bitLength = m_length * 8;
    m_buffer[m_buffered++] = 0x80;
    if (m_buffered > kBlockSize - 8) {
        std::fill(m_buffer.begin() + static_cast<std::ptrdiff_t>(m_buffered), m_buffer.end(), 0);
        compress(m_buffer.data());
        m_buffered = 0;
    }
    std::fill(m_buffer.begin() + static_cast<std::ptrdiff_t>(m_buffered), m_buffer.end() - 8, 0);
    for (int i = 0; i < 8; ++i)
        m_buffer[kBlockSize - 1 - static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(bitLength >> (8 * i));
    compress(m_buffer.data());

    Digest digest{};
    for (std::size_t i = 0; i < m_state.size(); ++i) {
        digest[4 * i] = static_cast<std::uint8_t>(m_state[i] >> 24);
        digest[4 * i + 1] = static_cast<std::uint8_t>(m_state[i] >> 16);
        digest[4 * i + 2] = static_cast<std::uint8_t>(m_state[i] >> 8);
        digest[4 * i + 3] = static_cast<std::uint8_t>(m_state[i]);
    }
    reset();
    return digest;
}

void Sha256::compress(const std::uint8_t* block)
{
    std::array<std::uint32_t, 64> w{};
    for (std::size_t t = 0; t < 16; ++t)
        w[t] = (std::uint32_t(block[4 * t]) << 24) | (std::uint32_t(block[4 * t + 1]) << 16) |
               (std::uint32_t(block[4 * t + 2]) << 8) | std::uint32_t(block[4 * t + 3]);
    for (std::size_t t = 16; t < 64; ++t) {
        const std::uint32_t s0 = rotateRight(w[t - 15], 7) ^ rotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
        const std::uint32_t s1 = rotateRight(w[t - 2], 17) ^ rotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }

    std::uint32_t a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3];
    std::uint32_t e = m_state[4], f = m_state[5], g = m_state[6], h = m_state[7];
    for (std::size_t t = 0; t < 64; ++t) {
        const std::uint32_t sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25);
        const std::uint32_t choose = (e & f) ^ (~e & g);
        const std::uint32_t t1 = h + sum1 + choose + kRoundConstants[t] + w[t];
        const std::uint32_t sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = sum0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    m_state[0] += a;
    m_state[1] += b;
    m_state[2] += c;
    m_state[3] += d;
    m_state[4] += e;
    m_state[5] += f;
    m_state[6] += g;
    m_state[7] += h;
}

Sha256::Digest Sha256::hash(std::string_view bytes)
{
    Sha256 sha;
    sha.update(bytes);
    return sha.finish();
}

Sha256::Digest Sha256::hmac(std::string_view key, std::string_view message)
{
    // RFC 2104: a key longer than a block is hashed first; a shorter one is padded with zeros.
    std::array<std::uint8_t, kBlockSize> block{};
    if (key.size() > kBlockSize) {
        const Digest hashedKey = hash(key);
        std::copy(hashedKey.begin(), hashedKey.end(), block.begin());
    } else {
        std::copy(key.begin(), key.end(), block.begin());
    }

    std::array<char, kBlockSize> pad{};
    Sha256 inner;
    for (std::size_t i = 0; i < kBlockSize; ++i)
        pad[i] = static_cast<char>(block[i] ^ 0x36);
    inner.update({pad.data(), pad.size()});
    inner.update(message);
    const Digest innerDigest = inner.finish();

    Sha256 outer;
    for (std::size_t i = 0; i < kBlockSize; ++i)
        pad[i] = static_cast<char>(block[i] ^ 0x5c);
    outer.update({pad.data(), pad.size()});
    outer.update({reinterpret_cast<const char*>(innerDigest.data()), innerDigest.size()});
    return outer.finish();
}

std::string Sha256::hex(const Digest& digest)
{
    constexpr std::string_view kDigits = "0123456789abcdef";
    std::string out;
    out.reserve(digest.size() * 2);
    for (std::uint8_t byte : digest) {
        out += kDigits[byte >> 4];
        out += kDigits[byte & 0xf];
    }
    return out;
}

}  // namespace earshot::exports
