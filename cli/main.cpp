// netstage: the command-line face of the simulator.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/bulk_transfer_demo.hpp"
#include "cli/check_command.hpp"
#include "cli/quiz_command.hpp"
#include "cli/commands.hpp"
#include "cli/msc_command.hpp"
#include "cli/serve_command.hpp"
#include "cli/shell_command.hpp"

#ifndef NETSTAGE_VERSION
#define NETSTAGE_VERSION "unknown"
#endif

int main(int argc, char** argv) {
    CLI::App app{"NetStage: watch application protocols (SMTP, POP3, IMAP, FTP, DNS) run over a simulated network.",
                 "netstage"};
    app.set_version_flag("--version", std::string{"netstage "} + NETSTAGE_VERSION);
    app.require_subcommand(1);

    netstage::cli::DemoOptions demo;
    auto* demoCommand = app.add_subcommand("demo", "Run the built-in demo: one host sends a file to another over TCP.");
    demoCommand->add_option("--seed", demo.seed, "Random seed (same seed, same run)")->default_val(1);
    demoCommand->add_option("--loss", demo.loss, "Loss probability on each link, 0 to 1")->check(CLI::Range(0.0, 1.0));
    demoCommand->add_option("--bytes", demo.bytes, "How many bytes to send")->default_val(1'000'000);
    demoCommand->add_option("--trace", demo.tracePath, "Write the trace as JSON Lines to FILE");
    demoCommand->add_option("--pcap", demo.pcapPath, "Write the packets as a pcap capture to FILE");

    netstage::cli::ScenarioOptions scenario;
    auto* validateCommand = app.add_subcommand("validate", "Check a scenario file and say what it contains.");
    validateCommand->add_option("scenario", scenario.path, "Scenario file (YAML)")->required();

    netstage::cli::ScenarioOptions runOptions;
    auto* runCommand = app.add_subcommand("run", "Run a scenario and print a summary, or its dialogues with --transcript.");
    runCommand->add_option("scenario", runOptions.path, "Scenario file (YAML)")->required();
    runCommand->add_option("--seed", runOptions.seed, "Override the scenario's random seed");
    runCommand->add_option("--trace", runOptions.tracePath, "Write the trace as JSON Lines to FILE");
    auto* runPcap = runCommand->add_option("--pcap", runOptions.pcapPath,
                                           "Write the packets as a pcap capture to FILE, as each host receives them");
    runCommand->add_option("--pcap-at", runOptions.pcapAtNode, "Capture at NODE instead: what it sends and receives")
        ->needs(runPcap);
    runCommand->add_flag("--transcript", runOptions.transcript, "Print each application dialogue as C:/S: lines");

    netstage::cli::MscCommandOptions msc;
    auto* mscCommand = app.add_subcommand("msc", "Draw a run's message sequence chart (SVG, PNG, Mermaid or PlantUML).");
    mscCommand->add_option("input", msc.input, "Scenario file (YAML) or trace (.jsonl from run --trace)")->required();
    const char* formats = netstage::cli::pngExportAvailable()
                              ? "svg, png (needs -o; drawn at twice the SVG's size, on white), mermaid or plantuml"
                              : "svg, mermaid or plantuml (png needs a build with the GUI)";
    mscCommand->add_option("--format", msc.format, formats)->default_val("svg")
        ->check(CLI::IsMember({"svg", "mermaid", "plantuml", "png"}));
    mscCommand->add_option("-o,--output", msc.outputPath, "Write to FILE (standard output without it; png needs it)");
    mscCommand->add_option("--seed", msc.seed, "Override the scenario's random seed");
    mscCommand->add_flag("--tcp", msc.tcp, "Also draw TCP segments without data (SYN, SYN-ACK, ACK, FIN)");
    mscCommand->add_flag("--tcp-only", msc.tcpOnly, "Draw only the TCP segments, no application messages");
    mscCommand->add_flag("--per-application", msc.perApplication, "One lifeline per application, not per host");
    mscCommand->add_option("--protocol", msc.protocols, "Only this protocol (smtp, pop3, imap, ftp, dns); repeatable");
    mscCommand->add_option("--connection", msc.connections, "Only this connection (client end first); repeatable");

    netstage::cli::ServeCommandOptions serve;
    auto* serveCommand = app.add_subcommand(
        "serve", "Serve a scenario's mail and FTP servers on loopback ports, for real clients (telnet, curl, Python, a mail program).");
    serveCommand->add_option("scenario", serve.path, "Scenario file (YAML)")->required();
    serveCommand->add_option("--port", serve.ports,
                             "Serve HOST:PORT on local port LOCALPORT (HOST:PORT=LOCALPORT, such as hamburger.edu:25=2525; "
                             "0: any free port); repeatable; with it, only the ports given are served");
    serveCommand->add_option("--from", serve.from,
                             "Connect from this host of the scenario (default: a host 'you' added on a network of its own)");
    serveCommand->add_option("--speed", serve.speed, "Simulated time per wall-clock time: 1, 0.25, 10, or max")->default_val("1");
    serveCommand->add_option("--listen", serve.listen,
                             "Listen on this IPv4 address (default 127.0.0.1: this machine only; 0.0.0.0: every network it is on)")
        ->default_val("127.0.0.1");
    serveCommand->add_option("--seed", serve.seed, "Override the scenario's random seed");
    serveCommand->add_option("--trace", serve.tracePath, "Write the trace as JSON Lines to FILE (it grows while serving)");
    serveCommand->add_option("--pcap", serve.pcapPath, "Write the packets as a pcap capture to FILE");
    serveCommand->add_option("--record", serve.recordPath,
                             "On stop, write the scenario with this session in it to FILE (netstage run FILE replays it)");
    serveCommand->add_flag("--quiet", serve.quiet, "Print only the table and the end, not each dialogue line");

    netstage::cli::ShellCommandOptions shell;
    auto* shellCommand = app.add_subcommand(
        "shell", "A terminal on a host of the scenario (telnet, nslookup, dig, ftp), reading commands from standard input.");
    shellCommand->add_option("scenario", shell.path, "Scenario file (YAML)")->required();
    shellCommand->add_option("--host", shell.host, "The host whose terminal it is (such as alice-pc)")->required();
    shellCommand->add_option("--speed", shell.speed, "Simulated time per wall-clock time: 1, 0.25, 10, or max")->default_val("1");
    shellCommand->add_option("--seed", shell.seed, "Override the scenario's random seed");
    shellCommand->add_option("--trace", shell.tracePath, "Write the trace as JSON Lines to FILE");
    shellCommand->add_option("--pcap", shell.pcapPath, "Write the packets as a pcap capture to FILE");
    shellCommand->add_option("--record", shell.recordPath,
                             "At the end, write the scenario with this session in it to FILE (netstage run FILE replays it)");

    netstage::cli::CheckOptions check;
    auto* checkCommand = app.add_subcommand("check", "Run scenarios and judge their expectations (or a teacher's); exit 0 only if all pass.");
    checkCommand->add_option("files", check.files, "Scenario files (YAML)")->required();
    checkCommand->add_option("--against", check.against, "Judge every file by this teacher's expectations file instead of its own");
    checkCommand->add_option("--format", check.format, "text, json, junit (XML for CI) or csv (points per file)")->default_val("text")
        ->check(CLI::IsMember({"text", "json", "junit", "csv"}));
    checkCommand->add_option("-o,--output", check.outputPath, "Write the report to FILE (standard output without it)");

    netstage::cli::QuizOptions quiz;
    auto* quizCommand = app.add_subcommand("quiz", "Run a scenario's quiz in the terminal: pause before each event asked about, read the answer, reveal, score.");
    quizCommand->add_option("scenario", quiz.path, "Scenario file (YAML) with a quiz: list")->required();
    quizCommand->add_flag("--reveal", quiz.reveal, "Print every question with its answer and what happened (for the teacher); read nothing");
    quizCommand->add_option("--context", quiz.context, "Transcript lines shown before each question, at most")->default_val(8);

    int status = 0;
    demoCommand->callback([&] { status = netstage::cli::runDemoCommand(demo, std::cout, std::cerr); });
    validateCommand->callback([&] { status = netstage::cli::validateScenario(scenario, std::cout, std::cerr); });
    runCommand->callback([&] { status = netstage::cli::runScenarioCommand(runOptions, std::cout, std::cerr); });
    mscCommand->callback([&] { status = netstage::cli::runMscCommand(msc, std::cout, std::cerr); });
    serveCommand->callback([&] {
        netstage::cli::installServeSignalHandlers();
        status = netstage::cli::runServeCommand(serve, std::cout, std::cerr, netstage::cli::serveStopRequested);
    });

    shellCommand->callback([&] {
        const bool interactive = ::isatty(0) != 0;
        shell.echo = !interactive;
        shell.interactiveFd = interactive ? 0 : -1;
        status = netstage::cli::runShellCommand(shell, std::cin, std::cout, std::cerr);
    });
    checkCommand->callback([&] { status = netstage::cli::runCheckCommand(check, std::cout, std::cerr); });
    quizCommand->callback([&] { status = netstage::cli::runQuizCommand(quiz, std::cin, std::cout, std::cerr); });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    return status;
}
