#pragma once
// Reads a scenario's `expect:` list (docs/expectations.md) into the
// assertion model of simulator/expect. Every name is checked against the
// scenario (hosts, mail servers and their mailboxes, FTP servers and their
// users) and every pattern is compiled here, so a mistake is a ScenarioError
// with file:line:column before anything runs.

#include <vector>

#include "simulator/expect/expectation.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

// `names`: the scenario the expectations speak of. Null checks only the form
// (keys, values, patterns), for a teacher's file read before any student's.
std::vector<expect::Expectation> readExpectations(const YamlValue& list, const ScenarioSpec* names);

expect::Origin originOf(const SourceLocation& where);

}  // namespace netstage::scenario
