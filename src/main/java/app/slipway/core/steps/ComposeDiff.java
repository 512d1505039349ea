package app.slipway.core.steps;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** How a compose file changes, as unified-diff lines the plan shows (a long one is cut, saying so). */
public final class ComposeDiff {
    static final int MOST_LINES = 400;

    private ComposeDiff() {}

    public static List<String> lines(String before, String after, String fileName) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) return List.of();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(fileName, fileName + " (new)", a, patch, 2);
        var shown = new ArrayList<>(unified.subList(Math.min(2, unified.size()), unified.size())); // drop the ---/+++ header
        if (shown.size() > MOST_LINES) {
            int cut = shown.size() - MOST_LINES;
            shown = new ArrayList<>(shown.subList(0, MOST_LINES));
            shown.add("… " + cut + " more lines of difference");
        }
        return shown;
    }

    /** "+12 −3 lines". */
    public static String summary(List<String> diff) {
        long added = diff.stream().filter(l -> l.startsWith("+")).count();
        long removed = diff.stream().filter(l -> l.startsWith("-")).count();
        return "+" + added + " −" + removed + " lines";
    }
}
