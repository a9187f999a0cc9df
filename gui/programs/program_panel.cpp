#include "gui/programs/program_panel.hpp"

namespace netstage::gui {

ProgramPanel::ProgramPanel(QString host, QWidget* parent) : QWidget{parent}, host_{std::move(host)} {}

ProgramPanel::~ProgramPanel() = default;

}  // namespace netstage::gui
