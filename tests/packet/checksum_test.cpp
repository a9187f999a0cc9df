#include "simulator/packet/checksum.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace netstage {
namespace {

TEST(InternetChecksum, matchesTheRfc1071Example) {
    // RFC 1071 section 3: these bytes sum to ddf2, so the checksum is ~ddf2.
    const std::vector<std::uint8_t> data{0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
    EXPECT_EQ(onesComplementSum(data), 0xddf2u);
    EXPECT_EQ(internetChecksum(data), 0x220d);
}

TEST(InternetChecksum, matchesAHandComputedIpv4Header) {
    // 4500 0073 0000 4000 4011 [b861] c0a8 0001 c0a8 00c7, checksum zeroed.
    std::vector<std::uint8_t> header{0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
                                     0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7};
    EXPECT_EQ(internetChecksum(header), 0xb861);
    header[10] = 0xb8;
    header[11] = 0x61;
    EXPECT_EQ(internetChecksum(header), 0) << "a header holding its own checksum verifies to zero";
}

TEST(InternetChecksum, padsAnOddTrailingByteWithZero) {
    const std::vector<std::uint8_t> odd{0x12, 0x34, 0x56};
    const std::vector<std::uint8_t> padded{0x12, 0x34, 0x56, 0x00};
    EXPECT_EQ(internetChecksum(odd), internetChecksum(padded));
    EXPECT_EQ(internetChecksum(odd), static_cast<std::uint16_t>(~(0x1234 + 0x5600)));
}

TEST(InternetChecksum, givesTheSameResultWhenSummedInEvenPieces) {
    std::vector<std::uint8_t> data;
    for (int i = 0; i < 301; ++i) data.push_back(static_cast<std::uint8_t>(i * 37 + 11));
    const std::span<const std::uint8_t> all{data};
    for (std::size_t split = 0; split <= data.size(); split += 2) {
        const std::uint32_t head = onesComplementSum(all.first(split));
        EXPECT_EQ(internetChecksum(all.subspan(split), head), internetChecksum(all)) << "split at " << split;
    }
}

// The textbook loop of RFC 1071, two bytes at a time, to check the fast one.
std::uint16_t referenceChecksum(std::span<const std::uint8_t> data, std::uint32_t initial) {
    std::uint64_t sum = initial;
    for (std::size_t i = 0; i < data.size(); i += 2) {
        sum += std::uint32_t{data[i]} << 8;
        if (i + 1 < data.size()) sum += data[i + 1];
    }
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum & 0xffff);
}

TEST(InternetChecksum, agreesWithTheTextbookLoopForEveryLengthAndAlignment) {
    std::vector<std::uint8_t> data(1600);
    std::uint32_t x = 12345;
    for (auto& b : data) {
        x = x * 1103515245 + 12345;
        b = static_cast<std::uint8_t>(x >> 16);
    }
    std::fill(data.begin() + 100, data.begin() + 200, 0xff);  // long runs of carries
    const std::span<const std::uint8_t> all{data};
    for (std::size_t start = 0; start < 9; ++start) {
        for (std::size_t length = 0; length + start <= data.size(); length += (length < 64 ? 1 : 37)) {
            const auto piece = all.subspan(start, length);
            for (const std::uint32_t initial : {0u, 0xffffu, 0x2fffdu}) {
                ASSERT_EQ(internetChecksum(piece, initial), referenceChecksum(piece, initial))
                    << "start " << start << " length " << length << " initial " << initial;
            }
        }
    }
}

TEST(InternetChecksum, foldsCarriesFromAnUnfoldedInitialSum) {
    const std::vector<std::uint8_t> data{0xff, 0xff, 0xff, 0xff};
    // 0x1fffe folds to 0xffff, as does 0xffff + 0xffff.
    EXPECT_EQ(internetChecksum(data, 0x1fffe), internetChecksum(std::vector<std::uint8_t>{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
    EXPECT_EQ(internetChecksum(std::vector<std::uint8_t>{}), 0xffff);
}

}  // namespace
}  // namespace netstage
