package app.slipway.gui.ecs;

import app.slipway.core.ecs.EcsConnection;
import app.slipway.core.ecs.EcsReader;
import app.slipway.core.ecs.EcsRecord;
import app.slipway.core.ecs.EcsRollbackPlanner;
import app.slipway.core.ecs.EcsTiming;
import app.slipway.core.profile.ProfileDetector;
import app.slipway.core.run.Plan;
import java.util.List;
import java.util.Optional;

/**
 * The wizard's way back for ECS, from the Services page or the Result page: the services read again
 * (they changed since anything was read), then back to the revisions they ran before the last upgrade
 * that succeeded, or before the one that was interrupted — {@code slipway ecs rollback}.
 */
public final class EcsRollbacks {
    private EcsRollbacks() {}

    /** The revisions this computer remembers for the cluster's way back, if any. */
    public static Optional<EcsRecord> toReturnTo(EcsConnection ecs) {
        return EcsRecord.toReturnTo(ecs.directory());
    }

    /** The rollback's plan. Background work; nothing changes. */
    public static Plan prepare(EcsConnection ecs) {
        var stack = EcsReader.read(ecs.aws(), ecs.stack().target(), Optional.of(ecs.stack().profile()),
                new ProfileDetector(List.of()));
        return EcsRollbackPlanner.plan(ecs.aws(), stack, ecs.healthUrl(), EcsTiming.standard(EcsTiming.DEADLINE), false,
                ecs.directory(), EcsRecord.history(ecs.directory()), EcsRecord.interrupted(ecs.directory()));
    }

    /** What the user is asked before it starts. */
    public static String question(EcsConnection ecs, Plan plan) {
        return "Return " + String.join(", ", ecs.stack().target().services()) + " to the revisions they ran before ("
                + plan.product() + " " + plan.to() + ")?";
    }
}
