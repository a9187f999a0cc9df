#include <gtest/gtest.h>

#include <string>

#include "protocols/common/base64.hpp"

using namespace netstage::proto;

TEST(Base64, encodesTheRfc4648TestVectors) {
    EXPECT_EQ(base64Encode(""), "");
    EXPECT_EQ(base64Encode("f"), "Zg==");
    EXPECT_EQ(base64Encode("fo"), "Zm8=");
    EXPECT_EQ(base64Encode("foo"), "Zm9v");
    EXPECT_EQ(base64Encode("foob"), "Zm9vYg==");
    EXPECT_EQ(base64Encode("fooba"), "Zm9vYmE=");
    EXPECT_EQ(base64Encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64Encode(std::string{"\0bob\0hungry", 11}), "AGJvYgBodW5ncnk=");
}

TEST(Base64, everyByteRoundTrips) {
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    for (std::size_t length = 0; length <= all.size(); length += 17) {
        const std::string bytes = all.substr(0, length);
        EXPECT_EQ(base64Decode(base64Encode(bytes)), bytes) << length;
    }
}

TEST(Base64, refusesWhatIsNotBase64) {
    EXPECT_EQ(base64Decode("Zm9vYmFy"), "foobar");
    for (const char* text : {"abc", "a=bc", "ab!c", "Zg=", "Zg==Zg==", "=Zg=", "Z===", "Zm9v\r\n"}) {
        EXPECT_FALSE(base64Decode(text).has_value()) << text;
    }
}
