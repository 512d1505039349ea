package app.slipway.gui.run;

import app.slipway.core.run.RunKind;
import app.slipway.core.run.StepAction;
import app.slipway.core.ExitCode;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepKind;
import app.slipway.core.run.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plan steps and results for synthetic jobs, shaped like an upgrade's. */
final class Steps {
    private Steps() {}

    static final List<StepKind> UPGRADE = List.of(StepKind.CONNECT, StepKind.READ, StepKind.PREFLIGHT, StepKind.BACKUP,
            StepKind.RENAME, StepKind.PIN, StepKind.RESTART, StepKind.VERIFY, StepKind.RECORD);

    static List<PlanStep> upgrade() {
        var list = new ArrayList<PlanStep>();
        for (StepKind kind : UPGRADE) {
            boolean skipped = kind == StepKind.RENAME;
            list.add(new PlanStep(list.size() + 1, kind, kind.title,
                    List.of(skipped ? "Nothing to rename." : "What " + kind.title + " does."), List.of(),
                    kind.changesTheStack(), skipped, StepAction.NOTHING));
        }
        return list;
    }

    static PlanStep of(List<PlanStep> steps, StepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    static RunResult result(ExitCode code, String message, Map<String, List<String>> logs) {
        return new RunResult(RunKind.UPGRADE, "1.0.0", "2.0.0", code, message, "20250101T000000Z-1.0.0-to-2.0.0",
                java.util.Optional.empty(), List.of(), logs,
                Duration.ofSeconds(42));
    }
}
