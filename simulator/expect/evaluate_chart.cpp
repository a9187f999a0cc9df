// The sequence chart (trace::buildMsc, one lifeline per host): a subsequence
// of arrows in the chart's order.
#include "simulator/expect/evaluators.hpp"

namespace netstage::expect::detail {

ExpectationResult evaluateChartSequence(const ChartSequence& what, const TimeBounds& time, RunView& run) {
    const trace::MscChart& chart = run.chart(what.tcp);
    std::size_t next = 0;
    std::optional<Moment> last;
    for (const trace::MscArrow& arrow : chart.arrows) {
        if (next == what.steps.size()) break;
        if (!time.admits(arrow.sent)) continue;
        const ChartStep& step = what.steps[next];
        if (chart.lifelines[arrow.from].host != step.from || chart.lifelines[arrow.to].host != step.to || !step.label.test(arrow.label)) {
            continue;
        }
        ++next;
        last = Moment{arrow.sent, arrow.record};
    }
    ExpectationResult result;
    if (last) {
        result.time = last->time;
        result.record = last->record;
    }
    if (next == what.steps.size()) {
        result.passed = true;
        result.actual = "the last arrow sent at " + formatTime(last->time);
        return result;
    }
    result.actual = "the chart shows " + std::to_string(next) + " of the " + std::to_string(what.steps.size()) +
                    " arrows in order; missing '" + what.steps[next].describe() + "'" +
                    (last ? " after " + formatTime(last->time) : std::string{});
    return result;
}

}  // namespace netstage::expect::detail
