// SHA-256 and HMAC-SHA-256 against the published test vectors (FIPS 180-4 examples via NIST's
// CSRC, RFC 4231 for HMAC).
#include <gtest/gtest.h>

#include <string>

#include "earshot/exports/Sha256.h"

using earshot::exports::Sha256;

namespace {

std::string sha256Hex(std::string_view message) { return Sha256::hex(Sha256::hash(message)); }
std::string hmacHex(std::string_view key, std::string_view message) { return Sha256::hex(Sha256::hmac(key, message)); }

}  // namespace

TEST(Sha256Test, HashesTheStandardVectors)
{
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // 448 bits: the padding no longer fits in the first block.
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopq"
                        "rlmnopqrsmnopqrstnopqrstu"),
              "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    EXPECT_EQ(sha256Hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, PaddingAroundTheBlockBoundary)
{
    // 55 bytes still take the length in the same block, 56 need a second one; 64 is exactly one.
    EXPECT_EQ(sha256Hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(sha256Hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(sha256Hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256Test, PiecesGiveTheSameDigestAsTheWhole)
{
    std::string message;
    for (int i = 0; i < 1000; ++i)
        message += char('a' + i % 26);
    const Sha256::Digest whole = Sha256::hash(message);
    for (std::size_t piece : {1u, 3u, 63u, 64u, 65u, 127u}) {
        Sha256 sha;
        for (std::size_t at = 0; at < message.size(); at += piece)
            sha.update(std::string_view(message).substr(at, piece));
        EXPECT_EQ(sha.finish(), whole) << "pieces of " << piece;
    }
}

TEST(Sha256Test, StartsOverAfterFinish)
{
    Sha256 sha;
    sha.update("something else");
    (void)sha.finish();
    sha.update("abc");
    EXPECT_EQ(Sha256::hex(sha.finish()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, HmacMatchesRfc4231)
{
    // Test case 1
    EXPECT_EQ(hmacHex(std::string(20, '\x0b'), "Hi There"),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // Test case 2: a key shorter than the output
    EXPECT_EQ(hmacHex("Jefe", "what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 6: a key longer than a block is hashed first
    EXPECT_EQ(hmacHex(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First"),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    // Test case 7: long key and long data
    EXPECT_EQ(hmacHex(std::string(131, '\xaa'),
                      "This is a test using a larger than block-size key and a larger than block-size data. "
                      "The key needs to be hashed before being used by the HMAC algorithm."),
              "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST(Sha256Test, HmacWithAKeyOfExactlyOneBlockIsNotHashed)
{
    // The boundary of RFC 2104's "longer than B" rule, checked against Python's hmac module.
    EXPECT_EQ(hmacHex(std::string(64, 'k'), "message"), "890f3a16e0ca0aaa3bf180f70fa8e3970b3fd6505e98fde157988dcc19d1685c");
}
