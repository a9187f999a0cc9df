#include "simulator/scenario/teacher_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "simulator/scenario/expect_loader.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) throw ScenarioError{{path, 0, 0}, "cannot open the file (does it exist, and may it be read?)"};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

YamlValue topOf(const YAML::Node& root, YamlDocument& document) {
    YamlValue top{root, document, {document.file, 1, 1}};
    top.requireMap("a teacher's expectations file (title, expect and constraints)");
    top.allowOnly({"title", "expect", "constraints"});
    return top;
}

Constraint readConstraint(const YamlValue& v, const std::string& teacherPath) {
    v.requireMap("a constraint such as {ftp_mode: passive} or {same_dns_as: start.yaml}");
    v.allowOnly({"ftp_mode", "same_dns_as", "points", "note"});
    Constraint c;
    c.where = originOf(v.where());
    if (auto p = v.find("points")) c.points = p->asUnsigned(1'000'000);
    if (auto n = v.find("note")) c.note = n->asString();
    if (v.has("ftp_mode") == v.has("same_dns_as")) v.fail("a constraint is exactly one of ftp_mode or same_dns_as");
    if (auto m = v.find("ftp_mode")) {
        const std::string mode = m->asString();
        if (mode != "passive" && mode != "active") m->fail("expected passive or active, found '" + mode + "'");
        c.kind = Constraint::Kind::FtpMode;
        c.passive = mode == "passive";
        return c;
    }
    const auto file = v.get("same_dns_as");
    c.kind = Constraint::Kind::SameDns;
    c.dnsFile = file.asString();
    const std::filesystem::path start = std::filesystem::path{teacherPath}.parent_path() / c.dnsFile;
    try {
        c.dns = loadScenarioFile(start.string()).dns;
    } catch (const ScenarioError& e) {
        file.fail("the scenario it names cannot be read: " + std::string{e.what()});
    }
    return c;
}

auto recordKey(const DnsRecordSpec& r) { return std::tuple{r.name, r.type, r.address.value(), r.preference, r.exchange}; }

}  // namespace

std::string Constraint::describe() const {
    if (kind == Kind::FtpMode) return std::string{"every FTP client uses "} + (passive ? "passive" : "active") + " mode";
    return "the DNS server and records are those of " + dnsFile;
}

TeacherFile loadTeacherFile(const std::string& path) {
    TeacherFile out;
    out.path = path;
    out.text = readFile(path);
    const YAML::Node root = parseYamlText(out.text, path);
    try {
        YamlDocument document{path, 0, 0};
        const YamlValue top = topOf(root, document);
        if (auto t = top.find("title")) out.title = t->asString();
        const auto expectations = readExpectations(top.get("expect"), nullptr);
        out.expectations = expectations.size();
        for (const auto& e : expectations) out.totalPoints += e.points;
        if (auto c = top.find("constraints")) {
            for (const auto& item : c->items("constraints")) out.constraints.push_back(readConstraint(item, path));
        }
        for (const auto& c : out.constraints) out.totalPoints += c.points;
    } catch (const YAML::Exception& e) {
        throw ScenarioError{{path, e.mark.line + 1, e.mark.column + 1}, e.msg};
    }
    return out;
}

std::vector<expect::Expectation> teacherExpectationsFor(const TeacherFile& teacher, const ScenarioSpec& student) {
    const YAML::Node root = parseYamlText(teacher.text, teacher.path);
    try {
        YamlDocument document{teacher.path, 0, 0};
        return readExpectations(topOf(root, document).get("expect"), &student);
    } catch (const YAML::Exception& e) {
        throw ScenarioError{{teacher.path, e.mark.line + 1, e.mark.column + 1}, e.msg};
    }
}

expect::ExpectationResult checkConstraint(const Constraint& constraint, const ScenarioSpec& student) {
    expect::ExpectationResult result;
    result.expected = constraint.describe();
    if (constraint.kind == Constraint::Kind::FtpMode) {
        std::vector<std::string> others;
        for (const auto& client : student.ftpClients) {
            if (client.passive != constraint.passive) others.push_back(client.name.empty() ? client.host : client.name);
        }
        result.passed = others.empty();
        if (result.passed) {
            result.actual = student.ftpClients.empty() ? "the scenario has no FTP client" : "every FTP client does";
        } else {
            result.actual = "set to " + std::string{constraint.passive ? "active" : "passive"} + " mode:";
            for (std::size_t i = 0; i < others.size(); ++i) result.actual += (i ? ", " : " ") + others[i];
        }
        return result;
    }
    const auto& want = constraint.dns;
    const auto& have = student.dns;
    if (!want || !have) {
        result.passed = !want && !have;
        result.actual = have ? "the scenario has a DNS set-up, the start has none" : want ? "the scenario has no DNS set-up" : "neither has a DNS set-up";
        return result;
    }
    auto keys = [](const DnsSpec& dns) {
        std::vector<decltype(recordKey(dns.records.front()))> out;
        for (const auto& r : dns.records) out.push_back(recordKey(r));
        std::sort(out.begin(), out.end());
        return out;
    };
    if (want->server != have->server) {
        result.actual = "the DNS server is " + have->server + ", not " + want->server;
    } else if (keys(*want) != keys(*have)) {
        result.actual = "the records differ (" + std::to_string(have->records.size()) + " records, the start has " +
                        std::to_string(want->records.size()) + ")";
    } else {
        result.passed = true;
        result.actual = "they are";
    }
    return result;
}

}  // namespace netstage::scenario
