#pragma once
// The one-line error a user would see for a scenario text: what the loader's
// ScenarioError says. Any other exception, an error over more than one line, or
// no error at all is a test failure.

#include <gtest/gtest.h>

#include <exception>
#include <string>

#include "simulator/scenario/scenario_error.hpp"
#include "simulator/scenario/scenario_loader.hpp"

namespace netstage::test_support {

inline std::string scenarioErrorFor(const std::string& text, const std::string& fileName) {
    try {
        scenario::loadScenarioText(text, fileName);
    } catch (const scenario::ScenarioError& e) {
        const std::string message = e.what();
        EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
        return message;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "an exception other than ScenarioError escaped: " << e.what();
        return {};
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return {};
}

}  // namespace netstage::test_support
