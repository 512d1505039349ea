package app.slipway.core.plan;

/** The user's choices for one upgrade. */
public record UpgradeOptions(String toVersion, boolean skipBackup) {}
