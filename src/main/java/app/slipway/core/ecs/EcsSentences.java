package app.slipway.core.ecs;

import app.slipway.core.state.JournalEntry;

/** Sentences about an ECS cluster's record that more than one command says. */
final class EcsSentences {
    private EcsSentences() {}

    static String interrupted(JournalEntry j, EcsTarget target) {
        return "An ECS " + j.command() + " of cluster " + target.cluster() + " from " + j.from() + " to " + j.to()
                + " started " + j.startedAt() + " by " + j.user() + " was interrupted"
                + (j.lastStep() == null ? "" : " after step '" + j.lastStep() + "'") + ": run 'slipway ecs rollback "
                + target.options() + "' to return the services to the revisions they ran before it.";
    }

    static String rollbackCommand(EcsTarget target) {
        return "slipway ecs rollback " + target.options();
    }
}
