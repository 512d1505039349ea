package app.slipway.core.ecs;

import app.slipway.core.run.RunContext;
import app.slipway.core.run.Wording;
import java.util.ArrayList;
import java.util.List;

/** How an ECS upgrade ends, in the services' and revisions' own names. */
final class EcsWording implements Wording {
    private final EcsStack stack;
    private final String to;
    private final EcsMoves moves;

    EcsWording(EcsStack stack, String to, EcsMoves moves) {
        this.stack = stack;
        this.to = to;
        this.moves = moves;
    }

    @Override
    public String done(RunContext run) {
        return stack.profile().name() + " " + to + " runs on " + String.join(", ", moves.movedServices())
                + " of cluster " + stack.target().cluster() + " (" + String.join(", ", moves.registeredNames())
                + "); '" + EcsSentences.rollbackCommand(stack.target()) + "' returns them to "
                + EcsPlanner.revisionsText(stack) + ".";
    }

    @Override
    public String rolledBack(String why, RunContext run) {
        return "The upgrade to " + to + " failed (" + why + "); " + whereTheyAre() + ": " + stack.profile().name()
                + " " + stack.version() + " is serving.";
    }

    @Override
    public String rollbackFailed(String why, String recoveryWhy, RunContext run) {
        return "The upgrade to " + to + " failed (" + why + "), and returning the services failed too (" + recoveryWhy
                + "): run '" + EcsSentences.rollbackCommand(stack.target()) + "', or set " + EcsPlanner.revisionsText(stack)
                + " in the ECS console.";
    }

    @Override
    public String failedWithoutRecovery(String why, RunContext run) {
        return rollbackFailed(why, "there is no way back", run);
    }

    private String whereTheyAre() {
        List<String> back = new ArrayList<>();
        List<String> untouched = new ArrayList<>();
        for (EcsService s : stack.services()) {
            if (moves.wasMoved(s.name())) back.add(s.name() + " is back on " + s.revision());
            else untouched.add(s.name());
        }
        String text = String.join(", ", back);
        if (!untouched.isEmpty()) {
            text += (text.isEmpty() ? "" : "; ") + String.join(", ", untouched) + (untouched.size() == 1 ? " was" : " were")
                    + " not changed";
        }
        return text;
    }
}
