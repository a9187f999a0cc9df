#include "programs/terminal.hpp"

#include <algorithm>

#include "programs/terminal_command.hpp"
#include "programs/terminal_words.hpp"

namespace netstage::programs {

namespace {

// Typed-ahead lines beyond this are dropped with a message: a paste of a
// whole file into a waiting terminal must not grow without bound.
constexpr std::size_t kTypeaheadLimit = 10'000;

std::string hostFile(const std::string& line, std::size_t from) {
    std::string rest = line.substr(std::min(from, line.size()));
    const auto begin = rest.find_first_not_of(" \t");
    return begin == std::string::npos ? std::string{} : rest.substr(begin);
}

}  // namespace

Terminal::Command::~Command() {
    for (const ConnectionId id : ids_) terminal_.host_.forget(id);
}

bool Terminal::Command::hasOpenConnections() const {
    return std::any_of(ids_.begin(), ids_.end(), [this](ConnectionId id) { return terminal_.host_.isOpen(id); });
}

Terminal::Terminal(ProgramHost& host, Output output, TerminalOptions options)
    : host_{host}, output_{std::move(output)}, options_{options} {
    settle();
}

Terminal::~Terminal() = default;

std::string Terminal::helpText() {
    return "Commands:\n"
           "  telnet HOST [PORT]     open a TCP connection and type lines to the server (Ctrl+] then quit to leave)\n"
           "  nslookup NAME [TYPE]   ask the scenario's DNS server (TYPE: A or MX)\n"
           "  dig NAME [A|MX]        the same question, answered in dig's sections\n"
           "  ftp [HOST]             the FTP client (type help at its ftp> prompt)\n"
           "  ls                     this host's files (what get downloads, what put uploads)\n"
           "  cat FILE               show a file\n"
           "  echo TEXT > FILE       write a file (>> appends)\n"
           "  rm FILE                remove a file\n"
           "  hostname               this host's name and address\n"
           "  exit                   end the session (its connections close)\n"
           "  help                   this list\n";
}

Terminal::Mode Terminal::mode() const { return command_ ? command_->mode() : Mode::Shell; }

std::string Terminal::prompt() const {
    if (command_) return command_->prompt();
    return host_.name() + "$ ";
}

void Terminal::print(std::string_view text) {
    if (text.empty()) return;
    promptShown_ = false;
    if (output_) output_(text);
}

void Terminal::showPrompt() {
    if (promptShown_ || ending_) return;
    if (command_ && !command_->acceptsLine()) return;
    promptShown_ = true;
    const std::string text = prompt();
    if (!text.empty() && output_) output_(text);
}

void Terminal::type(std::string_view line) {
    dropFinishedCommands();
    if (ending_) return;
    if (typeahead_.size() >= kTypeaheadLimit) {
        print("\n[typed too far ahead: a line was dropped]\n");
        return;
    }
    typeahead_.emplace_back(line);
    settle();
}

void Terminal::escape() { type("\x1d"); }

void Terminal::endInput() {
    dropFinishedCommands();
    if (ending_) return;
    ending_ = true;
    typeahead_.clear();
    if (command_) {
        command_->stop();
        retired_.push_back(std::move(command_));
    }
    // The shell exits: a line break after the prompt, as a terminal shows Ctrl+D.
    if (promptShown_ && output_) output_("\n");
}

bool Terminal::finished() const {
    if (!ending_) return false;
    return std::none_of(retired_.begin(), retired_.end(), [](const auto& c) { return c->hasOpenConnections(); });
}

bool Terminal::readyForInput() const {
    if (ending_ || !typeahead_.empty()) return false;
    if (!command_) return true;
    if (!command_->acceptsLine()) return false;
    const auto quiet = command_->quietUntil();
    return !quiet || host_.world().now() >= *quiet;
}

std::optional<Time> Terminal::readyAt() const {
    if (ending_ || !typeahead_.empty() || !command_ || !command_->acceptsLine()) return std::nullopt;
    const auto quiet = command_->quietUntil();
    if (!quiet || host_.world().now() >= *quiet) return std::nullopt;
    return quiet;
}

void Terminal::dropFinishedCommands() {
    std::erase_if(retired_, [](const auto& c) { return !c->hasOpenConnections(); });
}

void Terminal::settle() {
    // A command's callback may finish it and run the next typed line, which
    // may start another: one pass at a time.
    if (settling_) return;
    settling_ = true;
    for (;;) {
        if (command_ && command_->done()) retired_.push_back(std::move(command_));
        if (ending_ || typeahead_.empty() || (command_ && !command_->acceptsLine())) break;
        std::string line = std::move(typeahead_.front());
        typeahead_.pop_front();
        processLine(std::move(line));
    }
    if (command_ && command_->done()) retired_.push_back(std::move(command_));
    showPrompt();
    settling_ = false;
}

void Terminal::processLine(std::string line) {
    if (command_ && command_->mode() == Mode::Telnet && !line.empty() && line.front() == '\x1d') {
        // As a terminal shows Ctrl+]; telnet then asks for a command.
        if (options_.echo) print("^]\n");
        command_->escape();
        promptShown_ = false;
        line.erase(0, 1);
        if (line.empty()) return;
    } else if (!line.empty() && line.front() == '\x1d') {
        line.erase(0, 1);  // Ctrl+] means nothing outside telnet
        if (line.empty()) return;
    }
    showPrompt();
    if (options_.echo) {
        const bool shown = !command_ || command_->showsLine();
        print((shown ? displayText(line) : std::string{}) + "\n");
    }
    promptShown_ = false;
    if (command_) {
        command_->line(line);
        return;
    }
    runShellLine(line);
}

void Terminal::runShellLine(std::string_view text) {
    const std::string line{text};
    const std::vector<std::string> words = splitWords(line);
    if (words.empty()) return;
    const std::string& verb = words.front();
    const std::vector<std::string> args(words.begin() + 1, words.end());
    if (verb == "help" || verb == "?") {
        print(helpText());
    } else if (verb == "telnet") {
        command_ = startTelnet(*this, args);
    } else if (verb == "nslookup" || verb == "dig") {
        command_ = startLookup(*this, args, verb == "dig");
    } else if (verb == "ftp") {
        command_ = startFtp(*this, args);
    } else if (verb == "hostname") {
        print(host_.name() + " (" + host_.address().toString() + ")\n");
    } else if (verb == "ls") {
        const auto names = host_.files().names();
        if (names.empty()) print("(no files yet: ftp's get brings some, echo TEXT > FILE writes one)\n");
        for (const auto& name : names) print(std::to_string(host_.files().size(name)) + "\t" + name + "\n");
    } else if (verb == "cat") {
        if (args.empty()) print("cat: which file? (cat FILE)\n");
        for (const auto& name : args) {
            if (const auto content = host_.files().read(name)) {
                print(displayText(*content));
                if (!content->empty() && content->back() != '\n') print("\n");
            } else {
                print("cat: " + shortened(name) + ": No such file\n");
            }
        }
    } else if (verb == "rm") {
        if (args.empty()) print("rm: which file? (rm FILE)\n");
        for (const auto& name : args) {
            if (!host_.files().remove(name)) print("rm: " + shortened(name) + ": No such file\n");
        }
    } else if (verb == "echo") {
        const std::size_t append = line.find(">>");
        const std::size_t redirect = append != std::string::npos ? append : line.find('>');
        if (redirect == std::string::npos) {
            print(hostFile(line, line.find("echo") + 4) + "\n");
            return;
        }
        std::string body = line.substr(line.find("echo") + 4, redirect - line.find("echo") - 4);
        body = hostFile(body, 0);
        while (!body.empty() && (body.back() == ' ' || body.back() == '\t')) body.pop_back();
        const std::string name = hostFile(line, redirect + (append != std::string::npos ? 2 : 1));
        if (!LocalFiles::validName(name)) {
            print("echo: '" + shortened(name) + "' is not a file name here (one name, no '/')\n");
            return;
        }
        std::string content = append != std::string::npos ? host_.files().read(name).value_or("") : std::string{};
        host_.files().write(name, content + body + "\n");
    } else if (verb == "exit" || verb == "logout") {
        print("logout\n");
        endInput();
    } else {
        print(displayText(shortened(verb)) + ": command not found (type help for the commands)\n");
    }
}

}  // namespace netstage::programs
