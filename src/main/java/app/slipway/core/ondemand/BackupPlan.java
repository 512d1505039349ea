package app.slipway.core.ondemand;

import app.slipway.core.run.Plan;
import app.slipway.core.steps.RetentionStep;

/** {@code slipway backup}'s plan, and where its run leaves the backups it removed (for the JSON result). */
public record BackupPlan(Plan plan, RetentionStep.Removals removals) {}
