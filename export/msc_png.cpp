#include "export/msc_png.hpp"

#include <QBuffer>
#include <QByteArray>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace netstage::exports {

namespace {

// SVG's font-family is a list to try in order ("DejaVu Sans Mono, Menlo,
// monospace"); Qt Svg 6.4 takes the whole list as one family name, finds no
// such font and draws in the default sans-serif. Registering the list as a
// substitution for that name makes Qt try each family in turn, as the SVG says.
void teachFontFamilyLists(const std::string& svg) {
    const std::string key = "font-family=\"";
    for (std::size_t at = svg.find(key); at != std::string::npos; at = svg.find(key, at)) {
        at += key.size();
        const std::size_t end = svg.find('"', at);
        if (end == std::string::npos) return;
        const QString list = QString::fromStdString(svg.substr(at, end - at));
        if (!list.contains(QLatin1Char(','))) continue;
        QStringList families;
        for (QString family : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            family = family.trimmed();
            if (family.size() >= 2 && (family.front() == QLatin1Char('\'') || family.front() == QLatin1Char('"'))) {
                family = family.mid(1, family.size() - 2);
            }
            families << family;
        }
        if (QFont::substitutes(list) != families) QFont::insertSubstitutions(list, families);
    }
}

// For a command-line program: a QGuiApplication if none exists. A no-op inside the GUI.
void ensureGuiApplication() {
    if (QGuiApplication::instance() != nullptr) return;
    if (std::getenv("QT_QPA_PLATFORM") == nullptr) ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    // QGuiApplication keeps references to argc and argv for its whole life.
    static int argc = 1;
    static char name[] = "netstage";
    static char* argv[] = {name, nullptr};
    // Never destroyed: tearing Qt down from a static destructor after main()
    // returns is not supported, and the process is ending anyway.
    new QGuiApplication{argc, argv};
}

}  // namespace

std::string svgToPng(const std::string& svg) {
    ensureGuiApplication();
    teachFontFamilyLists(svg);
    QSvgRenderer renderer{QByteArray::fromRawData(svg.data(), static_cast<qsizetype>(svg.size()))};
    if (!renderer.isValid()) throw std::runtime_error{"the chart's SVG could not be read for rasterising"};
    // The viewBox holds the exact width and height (defaultSize() rounds them).
    const QRectF box = renderer.viewBoxF();
    const QSize pixels{static_cast<int>(std::lround(box.width() * pngScale)),
                       static_cast<int>(std::lround(box.height() * pngScale))};
    if (pixels.isEmpty()) throw std::runtime_error{"the chart's SVG has no size"};

    // Opaque: a slide program shows a transparent PNG on its own background colour.
    QImage image{pixels, QImage::Format_RGB32};
    image.fill(Qt::white);
    {
        QPainter painter{&image};
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF{0, 0, box.width() * pngScale, box.height() * pngScale});
    }
    QByteArray bytes;
    QBuffer buffer{&bytes};
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) throw std::runtime_error{"the chart could not be encoded as PNG"};
    return bytes.toStdString();
}

}  // namespace netstage::exports
