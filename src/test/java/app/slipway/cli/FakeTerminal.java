package app.slipway.cli;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A terminal screen in memory: it applies what {@link LiveProgress} writes — text, carriage
 * return, newline, cursor up ({@code ESC[nA}), clear to the end of the screen ({@code ESC[J}),
 * colours ({@code ESC[…m}, kept apart) — so a test reads what a person would see.
 */
final class FakeTerminal extends Writer {
    private final List<StringBuilder> screen = new ArrayList<>(List.of(new StringBuilder()));
    private final StringBuilder raw = new StringBuilder();
    private int row;
    private int column;
    private int widest;

    @Override
    public void write(char[] buffer, int offset, int length) {
        String text = new String(buffer, offset, length);
        raw.append(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\033') {
                int end = i + 2;
                while (!Character.isLetter(text.charAt(end))) end++;
                escape(text.substring(i + 2, end), text.charAt(end));
                i = end;
            } else if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                row++;
                column = 0;
                while (screen.size() <= row) screen.add(new StringBuilder());
            } else {
                StringBuilder line = screen.get(row);
                while (line.length() < column) line.append(' ');
                if (column < line.length()) line.setCharAt(column, c);
                else line.append(c);
                column++;
                widest = Math.max(widest, line.length());
            }
        }
    }

    private void escape(String argument, char command) {
        switch (command) {
            case 'A' -> row = Math.max(0, row - (argument.isEmpty() ? 1 : Integer.parseInt(argument)));
            case 'J' -> {
                screen.get(row).setLength(Math.min(column, screen.get(row).length()));
                while (screen.size() > row + 1) screen.remove(screen.size() - 1);
            }
            case 'm' -> { } // colour: the screen's text is the same; raw() keeps the codes
            default -> throw new AssertionError("unexpected escape ESC[" + argument + command);
        }
    }

    /** The lines on the screen, the empty line the cursor waits on left out. */
    List<String> lines() {
        var lines = new ArrayList<String>();
        screen.forEach(l -> lines.add(l.toString()));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    /** Everything written, escape codes included. */
    String raw() {
        return raw.toString();
    }

    /** The longest line ever shown. */
    int widest() {
        return widest;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
