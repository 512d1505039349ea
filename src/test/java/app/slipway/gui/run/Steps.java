package app.slipway.gui.run;

import app.slipway.core.ExitCode;
import app.slipway.core.plan.PlanStep;
import app.slipway.core.plan.StepKind;
import app.slipway.core.run.UpgradeResult;
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
            list.add(new PlanStep(list.size() + 1, kind,
                    List.of(skipped ? "Nothing to rename." : "What " + kind.title + " does."), List.of(), skipped));
        }
        return list;
    }

    static PlanStep of(List<PlanStep> steps, StepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    static UpgradeResult result(ExitCode code, String message, Map<String, List<String>> logs) {
        return new UpgradeResult("1.0.0", "2.0.0", code, message, "20250101T000000Z-1.0.0-to-2.0.0", List.of(), logs,
                Duration.ofSeconds(42));
    }
}
