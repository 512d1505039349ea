package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.engine.ContainerHealth;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.stack.ServiceRow;
import app.slipway.core.stack.StackState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The human form of {@code status}: a short header and a service table. */
final class StatusText {
    private StatusText() {}

    static String render(Connection connection, StackState state, java.util.Optional<String> interrupted) {
        var sb = new StringBuilder();
        interrupted.ifPresent(sentence -> sb.append("Attention: ").append(sentence).append("\n\n"));
        line(sb, "Product", state.profile().name() + " (profile " + state.profile().source() + ")");
        line(sb, "Target", connection.describe());
        line(sb, "Directory", state.files().composePath() + " (project " + state.project() + ")");
        line(sb, "Pinned", state.pinnedVersion().map(v -> v + " (" + state.profile().versionVariable() + " in .env)")
                .orElse("not pinned (" + state.profile().versionVariable() + " is not in .env)"));
        line(sb, "Running", state.runningVersion().orElse(state.containers().isEmpty() ? "nothing is running" : "mixed or unknown"));
        sb.append('\n');
        var rows = new ArrayList<String[]>();
        rows.add(new String[] {"SERVICE", "STATE", "HEALTH", "IMAGE"});
        for (ServiceRow row : ServiceRow.of(state)) {
            rows.add(new String[] {row.service(), row.state(), row.health(), row.image()});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) widths[i] = Math.max(widths[i], row[i] == null ? 0 : row[i].length());
        }
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                String cell = row[i] == null ? "" : row[i];
                sb.append(i == 3 ? cell : String.format("%-" + (widths[i] + 2) + "s", cell));
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format("%-10s %s%n", label, value));
    }
}
