package app.slipway.gui.shell;

import app.slipway.core.Connection;
import app.slipway.core.profile.Profile;
import app.slipway.core.run.RunResult;
import app.slipway.core.stack.StackState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the pages hand on to each other, and nothing else: the connection, the stack (or the
 * product to install and where), the version chosen, the backup toggle, the job to run and how it
 * ended. Properties are read and written on the FX thread.
 */
public final class WizardSession implements AutoCloseable {
    public enum Mode { UPGRADE, INSTALL }

    /** The open connection; replacing it closes the previous one. */
    public final ObjectProperty<Connection> connection = new SimpleObjectProperty<>(this, "connection");
    public final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.UPGRADE);
    /** The install directory on the target, as the user gave it. */
    public final StringProperty directory = new SimpleStringProperty(this, "directory", "");
    /** The inspected stack (upgrade path); null on the install path or before inspection. */
    public final ObjectProperty<StackState> stack = new SimpleObjectProperty<>(this, "stack");
    /** The product: detected from the stack, or chosen to install. */
    public final ObjectProperty<Profile> profile = new SimpleObjectProperty<>(this, "profile");
    /** The version chosen on the Version page (an image tag). */
    public final StringProperty version = new SimpleStringProperty(this, "version");
    public final BooleanProperty backup = new SimpleBooleanProperty(this, "backup", true);
    /** Built by the Plan page (or the Result page's Rollback), run by the Run page. */
    public final ObjectProperty<RunJob> job = new SimpleObjectProperty<>(this, "job");
    /** How the last job ended. */
    public final ObjectProperty<RunResult> result = new SimpleObjectProperty<>(this, "result");
    /** Whether a job is running now (the window asks before closing). */
    public final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    /** Several servers (a fleet file), connected and read; null for one stack. The primary's stack is {@link #stack}. */
    public final ObjectProperty<app.slipway.core.fleet.FleetStacks> fleet = new SimpleObjectProperty<>(this, "fleet");

    /** Services on AWS ECS, connected and read; null unless the Connect page chose AWS ECS. */
    public final ObjectProperty<app.slipway.core.ecs.EcsConnection> ecs = new SimpleObjectProperty<>(this, "ecs");

    public WizardSession() {
        connection.addListener((obs, old, now) -> {
            if (old != null && old != now) closeQuietly(old);
        });
        fleet.addListener((obs, old, now) -> {
            if (old != null && old != now) {
                try {
                    old.close();
                } catch (RuntimeException ignored) {
                    // as below: a dead session has nothing to tell
                }
            }
        });
        ecs.addListener((obs, old, now) -> {
            // the same clients with the services read again stay open
            if (old != null && old != now && (now == null || old.aws() != now.aws())) old.close();
        });
    }

    @Override
    public void close() {
        if (ecs.get() != null) ecs.get().close();
        var nodes = fleet.get();
        if (nodes != null) {
            try {
                nodes.close();
            } catch (RuntimeException ignored) {
                // as below: a dead session has nothing to tell
            }
            return;
        }
        Connection open = connection.get();
        if (open != null) closeQuietly(open);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (RuntimeException ignored) {
            // closing a dead SSH session has nothing to tell the user
        }
    }
}
