#include "simulator/trace/base64.hpp"

#include <gtest/gtest.h>

namespace netstage::trace {
namespace {

Bytes bytesOf(std::string_view text) { return Bytes(text.begin(), text.end()); }

TEST(Base64, encodesTheRfc4648TestVectors) {
    EXPECT_EQ(toBase64(bytesOf("")), "");
    EXPECT_EQ(toBase64(bytesOf("f")), "Zg==");
    EXPECT_EQ(toBase64(bytesOf("fo")), "Zm8=");
    EXPECT_EQ(toBase64(bytesOf("foo")), "Zm9v");
    EXPECT_EQ(toBase64(bytesOf("foob")), "Zm9vYg==");
    EXPECT_EQ(toBase64(bytesOf("fooba")), "Zm9vYmE=");
    EXPECT_EQ(toBase64(bytesOf("foobar")), "Zm9vYmFy");
    EXPECT_EQ(toBase64(Bytes{0xfb, 0xff, 0xbf}), "+/+/");
}

TEST(Base64, decodesWhatItEncodesForEveryLengthAndByte) {
    Bytes bytes;
    for (std::size_t length = 0; length <= 300; ++length) {
        const auto decoded = fromBase64(toBase64(bytes));
        ASSERT_TRUE(decoded.has_value()) << length;
        EXPECT_EQ(*decoded, bytes) << length;
        bytes.push_back(static_cast<std::uint8_t>(length * 37 + 11));
    }
}

TEST(Base64, appendsAfterWhatIsAlreadyThere) {
    std::string out = "x:";
    appendBase64(bytesOf("foob"), out);
    EXPECT_EQ(out, "x:Zm9vYg==");
}

TEST(Base64, refusesAnythingButTheCanonicalEncoding) {
    for (const std::string_view bad : {"Zg=", "Zg", "Z===", "====", "Zh==", "Zm9=", "Zg==Zg==", "Zm9v!A==", "Zm 9v",
                                       "Zm9v\n", "Zg=A"}) {
        EXPECT_FALSE(fromBase64(bad).has_value()) << bad;
    }
}

}  // namespace
}  // namespace netstage::trace
