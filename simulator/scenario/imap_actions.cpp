#include "simulator/scenario/imap_actions.hpp"

#include <string_view>

namespace netstage::scenario {

namespace {

// Steps without an argument may be written as a bare word or as {word: true}.
bool takesNoArgument(std::string_view kind) {
    return kind == "list" || kind == "fetch-headers" || kind == "idle" || kind == "logout";
}

bool needsSelection(std::string_view kind) {
    return kind == "fetch-headers" || kind == "fetch" || kind == "move" || kind == "fetch-structure" || kind == "fetch-part";
}

// A part's section number as IMAP writes it (RFC 3501 §6.4.5): "1", "2.1",
// and optionally ".MIME", ".HEADER" or ".TEXT" after it.
bool isPartSection(std::string_view section) {
    for (const std::string_view suffix : {".MIME", ".HEADER", ".TEXT"}) {
        if (section.size() > suffix.size() && section.ends_with(suffix)) {
            section.remove_suffix(suffix.size());
            break;
        }
    }
    bool digitExpected = true, leading = true;
    for (const char c : section) {
        if (c >= '0' && c <= '9') {
            if (leading && c == '0') return false;
            digitExpected = false;
            leading = false;
        } else if (c == '.' && !digitExpected) {
            digitExpected = true;
            leading = true;
        } else {
            return false;
        }
    }
    return !digitExpected;
}

std::string folderName(const YamlValue& v) {
    const std::string name = v.asString();
    if (name.empty()) v.fail("expected a folder name, found an empty text");
    // The client sends names as atoms or quoted strings, never as literals.
    if (name.find_first_of("\r\n") != std::string::npos) v.fail("a folder name cannot contain a line break");
    return name;
}

std::uint32_t messageNumber(const YamlValue& v) {
    const auto number = v.asUnsigned(UINT32_MAX);
    if (number == 0) v.fail("expected a message number from 1 (IMAP numbers messages from 1), found 0");
    return static_cast<std::uint32_t>(number);
}

ImapActionSpec readStep(const YamlValue& step) {
    ImapActionSpec spec;
    if (step.isScalar()) {
        spec.kind = step.asString();
        if (!takesNoArgument(spec.kind)) {
            step.fail("expected an IMAP step: list, fetch-headers, idle, logout, or one of {select: F}, "
                      "{create: F}, {fetch: N}, {fetch-structure: N}, {fetch-part: {message: N, part: P}}, "
                      "{move: {message: N, to: F}}; found '" + spec.kind + "'");
        }
        return spec;
    }
    step.requireMap("an IMAP step such as {select: INBOX}");
    step.allowOnly({"list", "select", "create", "fetch-headers", "fetch", "fetch-structure", "fetch-part", "move", "idle", "logout"});
    if (step.size() != 1) step.fail("expected one IMAP step per list item, such as {select: INBOX}");
    spec.kind = step.node().begin()->first.Scalar();
    const YamlValue value = step.get(spec.kind);
    if (takesNoArgument(spec.kind)) {
        if (!value.asBool()) value.fail("expected true (write the step as '" + spec.kind + "' or {" + spec.kind + ": true})");
    } else if (spec.kind == "select" || spec.kind == "create") {
        spec.folder = folderName(value);
    } else if (spec.kind == "fetch" || spec.kind == "fetch-structure") {
        spec.message = messageNumber(value);
    } else if (spec.kind == "fetch-part") {
        value.requireMap("a part to fetch such as {message: 1, part: 2}");
        value.allowOnly({"message", "part"});
        spec.message = messageNumber(value.get("message"));
        const auto part = value.get("part");
        spec.section = part.asString();
        if (!isPartSection(spec.section)) {
            part.fail("expected a part number such as 1, 2 or 1.2, optionally followed by .MIME, .HEADER or .TEXT "
                      "(RFC 3501 §6.4.5), found '" + spec.section + "'");
        }
    } else {  // move
        value.requireMap("a move such as {message: 1, to: Recipes}");
        value.allowOnly({"message", "to"});
        spec.message = messageNumber(value.get("message"));
        spec.folder = folderName(value.get("to"));
    }
    return spec;
}

}  // namespace

std::vector<ImapActionSpec> readImapActions(const YamlValue& v) {
    std::vector<ImapActionSpec> steps;
    bool selected = false;
    bool loggedOut = false;
    const auto items = v.items("IMAP steps");
    if (items.empty()) v.fail("expected at least one IMAP step, such as [list]");
    for (const auto& item : items) {
        if (loggedOut) item.fail("nothing can follow logout in an IMAP session");
        ImapActionSpec step = readStep(item);
        if (needsSelection(step.kind) && !selected) {
            item.fail(step.kind + " needs a selected folder: put {select: INBOX} before it");
        }
        selected = selected || step.kind == "select";
        loggedOut = step.kind == "logout";
        steps.push_back(std::move(step));
    }
    return steps;
}

std::vector<imap::ClientAction> imapScript(const std::vector<ImapActionSpec>& steps) {
    std::vector<imap::ClientAction> script;
    for (const auto& step : steps) {
        if (step.kind == "list") script.emplace_back(imap::action::ListFolders{});
        else if (step.kind == "select") script.emplace_back(imap::action::Select{step.folder});
        else if (step.kind == "create") script.emplace_back(imap::action::CreateFolder{step.folder});
        else if (step.kind == "fetch-headers") script.emplace_back(imap::action::FetchHeaders{});
        else if (step.kind == "fetch") script.emplace_back(imap::action::FetchMessage{step.message});
        else if (step.kind == "fetch-structure") script.emplace_back(imap::action::FetchItems{step.message, "BODYSTRUCTURE"});
        else if (step.kind == "fetch-part") {
            script.emplace_back(imap::action::FetchItems{step.message, "BODY[" + step.section + "]"});
        }
        else if (step.kind == "move") script.emplace_back(imap::action::Move{step.message, step.folder});
        else if (step.kind == "idle") script.emplace_back(imap::action::IdleUntilExists{});
        else if (step.kind == "logout") script.emplace_back(imap::action::Logout{});
        else throw std::invalid_argument{"unknown IMAP step kind '" + step.kind + "'"};
    }
    return script;
}

}  // namespace netstage::scenario
