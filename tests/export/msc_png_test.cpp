// svgToPng, the PNG library: the SVG drawn at twice its size on white, in a
// program that has no QGuiApplication of its own (the command line's case),
// with the SVG's font lists taught to Qt; and through exportMsc, the same
// bytes for the same chart.
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "export/msc_export.hpp"
#include "export/msc_png.hpp"
#include "tests/trace/msc_fixture.hpp"

using namespace netstage;
using namespace netstage::exports;

namespace {

const std::string pngSignature{"\x89PNG\r\n\x1a\n", 8};

QImage decode(const std::string& png) {
    return QImage::fromData(reinterpret_cast<const uchar*>(png.data()), static_cast<int>(png.size()), "PNG");
}

// 10.5 x 20 units: a black bar over the left half, nothing on the right.
const std::string halfBlack =
    R"(<svg xmlns="http://www.w3.org/2000/svg" width="10.5" height="20" viewBox="0 0 10.5 20">)"
    R"(<rect x="0" y="0" width="5" height="20" fill="#000000"/></svg>)";

}  // namespace

// First in the file: when the whole binary runs in one process, no other test has made the application yet.
TEST(MscPng, drawsTheSvgAtTwiceItsSizeOnWhiteWithoutAnApplicationOfItsOwn) {
    ASSERT_EQ(QGuiApplication::instance(), nullptr) << "this test must run before any other in its process";
    const std::string png = svgToPng(halfBlack);
    EXPECT_NE(QGuiApplication::instance(), nullptr);
    ASSERT_EQ(png.substr(0, 8), pngSignature);
    const QImage image = decode(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(21, 40));  // 10.5 and 20, twice, in whole pixels
    EXPECT_FALSE(image.hasAlphaChannel());
    EXPECT_EQ(image.pixel(2, 20), qRgb(0, 0, 0));
    EXPECT_EQ(image.pixel(18, 20), qRgb(255, 255, 255));
}

TEST(MscPng, anSvgQtCannotReadIsAnError) {
    EXPECT_THROW(svgToPng("not a drawing"), std::runtime_error);
    EXPECT_THROW(svgToPng(R"(<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" viewBox="0 0 0 0"/>)"),
                 std::runtime_error);
}

TEST(MscPng, aFontListIsTriedInTheSvgsOrder) {
    const QString list = QStringLiteral("NoSuchFont Mono, 'DejaVu Sans Mono', monospace");
    const std::string svg =
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">)"
        R"(<text x="2" y="15" font-family=")" + list.toStdString() + R"(" font-size="12">ab</text></svg>)";
    ASSERT_FALSE(decode(svgToPng(svg)).isNull());
    // Qt keeps family names in lower case.
    EXPECT_EQ(QFont::substitutes(list).join(QLatin1Char('|')).toStdString(), "nosuchfont mono|dejavu sans mono|monospace");
}

TEST(MscPng, exportMscGivesTheSameBytesForTheSameChart) {
    trace::MscOptions options;
    options.tcpSegments = true;
    const trace::TraceLog log = trace::testing_support::smtpChart();
    const std::string first = exportMsc(log, options, MscFormat::Png, &svgToPng);
    EXPECT_EQ(first.substr(0, 8), pngSignature);
    EXPECT_EQ(exportMsc(log, options, MscFormat::Png, &svgToPng), first);
    EXPECT_EQ(svgToPng(exportMsc(log, options, MscFormat::Svg)), first);
}
