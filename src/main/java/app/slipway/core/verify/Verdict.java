package app.slipway.core.verify;

import java.util.List;
import java.util.Map;

/**
 * What one poll concludes.
 *
 * @param waitingFor    while WAITING: what is not good yet, as phrases ("web is starting")
 * @param logContainers service → the container whose logs explain its problem
 */
record Verdict(Kind kind, List<ServiceProblem> problems, List<String> waitingFor, Map<String, String> logContainers) {

    enum Kind { HEALTHY, WAITING, FAILED }

    boolean done() {
        return kind != Kind.WAITING;
    }
}
