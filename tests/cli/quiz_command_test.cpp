// `netstage quiz`: a quiz answered through a pipe, its score, the teacher's
// --reveal, and the refusals before any question is asked.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/quiz_command.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::cli;
using netstage::test_support::TempDir;

namespace {

struct QuizOutput {
    int status = 0;
    std::string out;
    std::string err;
};

QuizOutput quiz(const std::string& path, const std::string& answers, bool reveal = false) {
    QuizOptions options;
    options.path = path;
    options.reveal = reveal;
    std::istringstream in{answers};
    std::ostringstream out;
    std::ostringstream err;
    QuizOutput result;
    result.status = runQuizCommand(options, in, out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
}

std::string shipped(const std::string& name) { return (test_support::sourceDir() / "scenarios" / name).string(); }

std::size_t count(const std::string& text, const std::string& piece) {
    std::size_t n = 0;
    for (auto at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1)) ++n;
    return n;
}

}  // namespace

TEST(QuizCommand, AllRightAnswersScoreFull) {
    const auto r = quiz(shipped("01-smtp-alice-to-bob.yaml"), "a\nPop3\n");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(count(r.out, "Right."), 2u);
    EXPECT_NE(r.out.find("\nScore: 2 of 2\n"), std::string::npos) << r.out;
}

TEST(QuizCommand, ShowsWhatLedUpToTheQuestionAndRevealsTheEventAfterIt) {
    const auto r = quiz(shipped("01-smtp-alice-to-bob.yaml"), "b\nimap\n");
    const auto question = r.out.find("Question 1 of 2");
    const auto rcpt = r.out.find("  C: RCPT TO: <bob@hamburger.edu>\n");
    const auto reply = r.out.find("S: 250 bob@hamburger.edu ... Recipient ok");
    ASSERT_NE(question, std::string::npos) << r.out;
    ASSERT_NE(rcpt, std::string::npos) << r.out;
    ASSERT_NE(reply, std::string::npos) << r.out;
    // The command is shown before the question; the reply only after the answer.
    EXPECT_LT(rcpt, question);
    EXPECT_GT(reply, r.out.find("Your answer (a letter; several: a, c): b\n"));
    EXPECT_NE(r.out.find("Not quite. The answer: a) 250: bob is a user here, so the recipient is accepted.\n"
                         "What happened at 0.351 s on hamburger.edu:\n  S: 250 bob@hamburger.edu ... Recipient ok\n  SMTP answers every command"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("\nScore: 0 of 2\n"), std::string::npos) << r.out;
}

TEST(QuizCommand, AsksAgainForAReplyThatNamesNoChoice) {
    const auto r = quiz(shipped("01-smtp-alice-to-bob.yaml"), "maybe\nz\na\npop3\n");
    EXPECT_EQ(count(r.out, "Answer with a letter from a to d.\n"), 2u) << r.out;
    EXPECT_NE(r.out.find("\nScore: 2 of 2\n"), std::string::npos) << r.out;
}

TEST(QuizCommand, InputThatEndsEarlyEndsTheQuizWithAScore) {
    const auto r = quiz(shipped("06-ftp-active-vs-passive.yaml"), "b\n");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("No more answers: the quiz ends here.\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\nScore: 1 of 2 (1 not answered)\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("S: 227 Entering Passive Mode (10,0,2,21"), std::string::npos) << "an unanswered question's event is not revealed";
}

TEST(QuizCommand, RevealPrintsEveryAnswerAndReadsNothing) {
    const auto r = quiz(shipped("07b-smtp-bounce.yaml"), "", true);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("2 questions with their answers"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  * b) Keeps it in its queue and tries again later\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Answer: 'alice@crepes.fr', or 'alice'\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("What happened at 664.052 s on crepes.fr:\n  mail bounced: "), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Your answer"), std::string::npos);
    EXPECT_EQ(r.out.find("Score"), std::string::npos);
}

TEST(QuizCommand, RefusesAQuizWhoseEventNeverHappensBeforeAsking) {
    TempDir dir;
    std::string text = test_support::slurp(shipped("01-smtp-alice-to-bob.yaml"));
    text += "  - before: {layer: mail, type: bounced}\n    question: q\n    answers: [a]\n";
    const auto path = dir.path() / "broken.yaml";
    std::ofstream{path} << text;
    const auto r = quiz(path.string(), "a\npop3\na\n");
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("this quiz question waits for an event that never happens in the run (mail bounced)"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.rfind(path.string() + ":", 0), 0u) << r.err;
}

TEST(QuizCommand, RefusesAScenarioWithoutAQuiz) {
    const auto r = quiz(shipped("05-ftp-session.yaml"), "");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("this scenario has no quiz"), std::string::npos) << r.err;
}
